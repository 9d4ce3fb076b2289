// One sync run as the chaos driver makes it, in its own process or in a child (sync-child.ts): the production wiring
// (wireTeamsSync / wireEventsSync: Kysely store, throttle-aware Graph client, the stored authorization) with short
// retry waits, so that a seed takes seconds, not the minutes Microsoft's real back-off would. The outcome keeps what
// the checks need: the run's status, the run-wide error and each failed offering's message, all in words.
import type { Config } from '../../src/config/index.js';
import type { IntegrationDatabase } from '../../src/db/index.js';
import type { ElentraHandle } from '../../src/elentra/open-elentra.js';
import type { Identity } from '../../src/microsoft/identity/index.js';
import { runEventsSync } from '../../src/sync/events/io/run-events-sync.js';
import { teamsAlongside } from '../../src/sync/events/io/teams-alongside.js';
import { wireEventsSync } from '../../src/sync/events/io/wire-events-sync.js';
import { runTeamsSync } from '../../src/sync/run/run-teams-sync.js';
import { wireTeamsSync } from '../../src/sync/run/wire-sync.js';
import type { StepKind, SyncKind } from './schedule.js';

/** Short waits; five retries as in production. */
export const CHAOS_RETRY = { maxRetries: 5, maxTotalWaitMs: 5_000, baseDelayMs: 5, maxDelayMs: 50 };

export interface SyncContext {
  config: Config;
  database: IntegrationDatabase;
  elentra: ElentraHandle;
  identity: Identity;
}

export interface OfferingFailure {
  offeringKey: string;
  status: string;
  message: string | null;
}

export interface SyncOutcome {
  sync: SyncKind;
  /** ok / warning / error (`running` never comes back); `thrown` when the run could not start or stopped on a
   * run-wide error. */
  status: 'ok' | 'warning' | 'error' | 'running' | 'thrown';
  runId: number | null;
  /** The run-wide error (or the thrown error's message), in words. */
  error: string | null;
  failures: OfferingFailure[];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A step's runs: one sync, or the teams sync and the event sync alongside it (their two outcomes). */
export async function runChaosStep(kind: StepKind, context: SyncContext): Promise<SyncOutcome[]> {
  if (kind !== 'alongside') return [await runChaosSync(kind, context)];
  const teams = runChaosSync('teams', context);
  const events = runChaosSync('events', context, teams);
  return Promise.all([teams, events]);
}

export async function runChaosSync(
  sync: SyncKind,
  context: SyncContext,
  alongside?: Promise<unknown>,
): Promise<SyncOutcome> {
  const { config, database, elentra, identity } = context;
  try {
    if (sync === 'teams') {
      const deps = await wireTeamsSync({
        config,
        database,
        elentra,
        identity,
        triggeredBy: 'cli',
        gateway: { replicationRetryDelaysMs: [50, 100, 200], poll: { pollIntervalMs: 10, timeoutMs: 3_000 } },
        retry: CHAOS_RETRY,
      });
      return outcomeOf(sync, await runTeamsSync(deps, { dryRun: false, force: false }));
    }
    const deps = await wireEventsSync({ config, database, elentra, identity, triggeredBy: 'cli', retry: CHAOS_RETRY });
    const report = await runEventsSync(deps, {
      dryRun: false,
      ...(alongside ? { alongside: teamsAlongside(alongside) } : {}),
    });
    return outcomeOf(sync, report);
  } catch (error) {
    return { sync, status: 'thrown', runId: null, error: messageOf(error), failures: [] };
  }
}

/** What the checks keep of a run's report (teams or events: the same fields). */
function outcomeOf(
  sync: SyncKind,
  report: {
    status: SyncOutcome['status'];
    runId: number;
    error: string | null;
    offerings: ReadonlyArray<{ offeringKey: string; status: string; message: string | null }>;
  },
): SyncOutcome {
  return {
    sync,
    status: report.status,
    runId: report.runId,
    error: report.error,
    failures: report.offerings
      .filter((o) => o.status === 'error')
      .map((o) => ({ offeringKey: o.offeringKey, status: o.status, message: o.message })),
  };
}
