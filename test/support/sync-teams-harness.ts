// The end-to-end setting for the sync's tests (test/sync-teams-*.test.ts): the demo school in a SQLite file (the
// integration's tables and the Elentra tables side by side, as `npm start` has them), the Microsoft 365 emulator
// with the matching demo tenant over real HTTP, the Microsoft account authorized through the real OAuth flow
// (auto-consent + login_hint), and the sync wired as in production (src/sync/run/wire-sync.ts). The emulator starts
// with throttling off and instant team operations; a test that needs them turns them on through the control API.
import { randomBytes } from 'node:crypto';
import { type RunningEmulator, startEmulator } from '../../emulator/src/server.js';
import type { Config } from '../../src/config/index.js';
import type { IntegrationDatabase } from '../../src/db/index.js';
import { buildDemoTenantSeed, DEMO_DOMAIN, seedDemo } from '../../src/elentra/index.js';
import { type ElentraHandle, elentraOnConnection } from '../../src/elentra/open-elentra.js';
import { migrateElentraDemoSchema } from '../../src/elentra/schema/migrate-demo-schema.js';
import { EmulatorControl } from '../../src/microsoft/graph/testing/emulator-control.js';
import { completeAuthorization, createIdentity, startAuthorization } from '../../src/microsoft/identity/index.js';
import { followAuthorizeRedirect, openMigrated, testConfig } from '../../src/microsoft/testing/identity-fixture.js';
import { runTeamsSync } from '../../src/sync/run/run-teams-sync.js';
import type { RunOptions, RunReport } from '../../src/sync/run/run-types.js';
import { type WireSyncInput, wireTeamsSync } from '../../src/sync/run/wire-sync.js';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from './databases.js';

export const ADMIN_MAIL = `it.admin@${DEMO_DOMAIN}`;
const REDIRECT_URI = 'http://localhost:8080/api/ms-graph-oauth.php';

export interface SyncWorld {
  emu: RunningEmulator;
  control: EmulatorControl;
  config: Config;
  database: IntegrationDatabase;
  elentra: ElentraHandle;
  testDb: TestDatabase;
  now: Date;
  /** The settings a child process needs to run the CLI against this world. */
  env: Record<string, string>;
  /** One sync run as the CLI runs it (a fresh Graph client each time, so its counters are the run's). */
  sync(options?: Partial<RunOptions>, wire?: Partial<WireSyncInput>): Promise<RunReport>;
  close(): Promise<void>;
}

export async function openSyncWorld(): Promise<SyncWorld> {
  const sqlite = TEST_ENGINES.find((engine) => engine.dialect === 'sqlite');
  if (!sqlite) throw new Error('no SQLite engine');
  const now = new Date();
  const testDb = await createTestDatabase(sqlite);
  const ids = { tenantId: 'c0ffee00-0000-4000-8000-000000000001', clientId: 'c0ffee00-0000-4000-8000-000000000002' };
  const clientSecret = 'test~secret~value';
  const seed = buildDemoTenantSeed({ now, ...ids, clientSecret, redirectUris: [REDIRECT_URI] });
  const emu = await startEmulator({
    seed,
    autoConsent: true,
    graph: { limits: 'off', teamOperationMs: 0, replicationDelayMs: 0 },
  });
  const registration = {
    loginUrl: emu.loginUrl,
    graphUrl: emu.graphUrl,
    tenantId: ids.tenantId,
    clientId: ids.clientId,
    clientSecret,
    redirectUri: REDIRECT_URI,
  };
  const appKey = `base64:${randomBytes(32).toString('base64')}`;
  const config = testConfig(registration, testDb.url, { APP_KEY: appKey });
  const env = {
    MS_AD_TENANT_ID: ids.tenantId,
    MS_OAUTH_CLIENT_ID: ids.clientId,
    MS_OAUTH_CLIENT_SECRET: clientSecret,
    MS_LOGIN_URL: emu.loginUrl,
    MS_GRAPH_URL: emu.graphUrl,
    ENTRADA_URL: config.ENTRADA_URL,
    DATABASE_URL: testDb.url,
    APP_KEY: appKey,
  };
  const database = await openMigrated(testDb.url);
  const elentra = elentraOnConnection(database);
  await migrateElentraDemoSchema(elentra);
  await seedDemo(elentra, { now });
  const identity = createIdentity({ config, database });
  const started = await startAuthorization(identity, { sessionId: 'sync-tests', loginHint: ADMIN_MAIL });
  const answer = await followAuthorizeRedirect(started.url);
  await completeAuthorization(identity, { answer, sessionId: 'sync-tests', authorizedBy: 'admin' });
  const control = new EmulatorControl(emu.controlUrl);
  return {
    emu,
    control,
    config,
    database,
    elentra,
    testDb,
    now,
    env,
    async sync(options = {}, wire = {}) {
      const deps = await wireTeamsSync({
        config,
        database,
        elentra,
        identity,
        triggeredBy: 'cli',
        gateway: { replicationRetryDelaysMs: [50, 50, 50], poll: { pollIntervalMs: 10, timeoutMs: 5_000 } },
        retry: { maxRetries: 5, maxTotalWaitMs: 10_000, baseDelayMs: 5, maxDelayMs: 50 },
        ...wire,
      });
      return runTeamsSync(deps, { dryRun: false, force: false, ...options });
    },
    async close() {
      await database.close();
      await emu.stop();
      await testDb.drop();
    },
  };
}
