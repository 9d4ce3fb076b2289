// Test helpers for the web app (used by test/web-*.test.ts; never by the product): a configured server on a fresh
// SQLite integration database and an in-memory embedded Elentra, accounts to sign in with, and a small cookie-keeping
// client over Fastify's inject. Microsoft settings come from `env` (the emulator's addresses and app, in the tests
// that need them).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import { type Config, loadConfig } from '../../config/index.js';
import { type IntegrationDatabase, migrateToLatest, openIntegrationDatabase } from '../../db/index.js';
import {
  type ElentraHandle,
  MICROSOFT_TEAMS_ENABLED,
  migrateElentraDemoSchema,
  openElentra,
  setSetting,
  USER_MENU_ORDERING,
} from '../../elentra/index.js';
import type { JobRegistry } from '../../scheduler/index.js';
import { createAccount } from '../auth/accounts.js';
import type { ThrottleLimits } from '../auth/login-throttle.js';
import { createWebServer } from '../create-server.js';
import type { WebRole } from '../security/session.js';
import { WebClient } from './web-client.js';

export const ADMIN = { username: 'ada.admin', password: 'correct horse battery staple', role: 'admin' } as const;
export const STAFF = { username: 'sam.staff', password: 'staff passphrase 2024', role: 'staff' } as const;

/** An app registration as plain values (the tests take them from the emulator; src/ never imports it). */
export interface TestMicrosoftApp {
  loginUrl: string;
  graphUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

/** The configuration values that point the web app at a tenant. */
export function microsoftEnv(app: TestMicrosoftApp): Record<string, string> {
  return {
    MS_AD_TENANT_ID: app.tenantId,
    MS_OAUTH_CLIENT_ID: app.clientId,
    MS_OAUTH_CLIENT_SECRET: app.clientSecret,
    MS_LOGIN_URL: app.loginUrl,
    MS_GRAPH_URL: app.graphUrl,
  };
}

export interface WebFixtureOptions {
  /** Configuration values (ENTRADA_URL, MS_* …); APP_KEY and DATABASE_URL are filled in. */
  env?: Record<string, string | undefined>;
  teamsEnabled?: boolean;
  menuOrdering?: string | null;
  accounts?: ReadonlyArray<{ username: string; password: string; role: WebRole }>;
  log?: DestinationStream;
  throttle?: Partial<ThrottleLimits>;
  now?: () => number;
  /** The scheduled jobs' handlers (default: the built-in jobs without handlers). */
  jobRegistry?: JobRegistry;
}

export interface WebFixture {
  app: FastifyInstance;
  config: Config;
  database: IntegrationDatabase;
  elentra: ElentraHandle;
  folder: string;
  databaseFile: string;
  client(): WebClient;
  close(): Promise<void>;
}

export async function startWebFixture(options: WebFixtureOptions = {}): Promise<WebFixture> {
  const folder = mkdtempSync(join(tmpdir(), 'et-web-'));
  const databaseFile = join(folder, 'integration.sqlite');
  const config = loadConfig({
    env: {
      APP_KEY: `base64:${randomBytes(32).toString('base64')}`,
      DATABASE_URL: `sqlite:${databaseFile}`,
      LOG_LEVEL: 'info',
      ...options.env,
    },
    cwd: folder,
  });
  const database = await openIntegrationDatabase(config.DATABASE_URL);
  await migrateToLatest(database);
  const elentra = await openElentra('sqlite::memory:');
  const migration = await migrateElentraDemoSchema(elentra);
  if (migration.error !== null) throw migration.error;
  if (options.teamsEnabled ?? true) await setSetting(elentra, MICROSOFT_TEAMS_ENABLED, '1', null);
  const menu = options.menuOrdering === undefined ? 'profile,privacy,notifications,microsoft' : options.menuOrdering;
  if (menu !== null) await setSetting(elentra, USER_MENU_ORDERING, menu, null);
  for (const account of options.accounts ?? [ADMIN, STAFF]) await createAccount(database, account);

  const app = createWebServer({
    config,
    database,
    elentra,
    log: options.log ?? false,
    ...(options.throttle ? { throttle: options.throttle } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.jobRegistry ? { jobRegistry: options.jobRegistry } : {}),
  });
  await app.ready();
  return {
    app,
    config,
    database,
    elentra,
    folder,
    databaseFile,
    client: () => new WebClient(app),
    async close() {
      await app.close();
      await elentra.close();
      await database.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
