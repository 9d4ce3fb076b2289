// Test helpers for the sync dashboard (test/web-dashboard*.test.ts; never used by the product): the web app over an
// existing sync world (its databases and configuration, the Microsoft account already authorized), with the
// dashboard's Sync now wired to the test's own sync wiring (teams, and events), and a gate that holds a run at its
// first Microsoft request until the test lets it go (so "a run is going" is a state a test can see, not a race).
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config/index.js';
import type { IntegrationDatabase } from '../../db/index.js';
import type { ElentraHandle } from '../../elentra/index.js';
import type { EventsRunDeps } from '../../sync/events/io/events-run-types.js';
import type { RunDeps } from '../../sync/run/run-types.js';
import { createAccount } from '../auth/accounts.js';
import { createWebServer } from '../create-server.js';
import { ADMIN, STAFF } from './web-fixture.js';

/** Holds every gateway call until `open()`; `delayMs` slows each call after that (to watch the progress). */
export class Gate {
  #open: () => void = () => undefined;
  #opened: Promise<void> = Promise.resolve();
  delayMs = 0;

  close(): void {
    this.#opened = new Promise((resolve) => {
      this.#open = resolve;
    });
  }

  open(): void {
    this.#open();
  }

  /** The gateway (teams or calendar) with every method held by the gate. */
  wrap<Gateway extends object>(gateway: Gateway): Gateway {
    return new Proxy(gateway, {
      get: (target, property, receiver) => {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          await this.#opened;
          if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
          return value.apply(target, args);
        };
      },
    });
  }
}

export interface DashboardServerInput {
  config: Config;
  database: IntegrationDatabase;
  elentra: ElentraHandle;
  /** The sync as the test wires it (fast retries against the emulator). */
  wire: () => Promise<RunDeps>;
  /** The events sync as the test wires it; default the production wiring (wire-events-sync.ts). */
  wireEvents?: () => Promise<EventsRunDeps>;
  /** Holds the teams sync's Microsoft requests. */
  gate?: Gate;
  /** Holds the events sync's Microsoft requests. */
  eventsGate?: Gate;
}

export async function startDashboardServer(input: DashboardServerInput): Promise<FastifyInstance> {
  for (const account of [ADMIN, STAFF]) await createAccount(input.database, account);
  const { gate, eventsGate, wireEvents } = input;
  const app = createWebServer({
    config: input.config,
    database: input.database,
    elentra: input.elentra,
    log: false,
    wireTeamsSync: async () => {
      const deps = await input.wire();
      return gate ? { ...deps, gateway: gate.wrap(deps.gateway) } : deps;
    },
    ...(wireEvents
      ? {
          wireEventsSync: async () => {
            const deps = await wireEvents();
            return eventsGate ? { ...deps, gateway: eventsGate.wrap(deps.gateway) } : deps;
          },
        }
      : {}),
  });
  await app.ready();
  return app;
}
