// One seed's world: the demo school in a fresh SQLite file (the integration's and the Elentra tables side by side, as
// `npm start` has them), the Microsoft 365 emulator in this process with the matching demo tenant (throttling off,
// its pseudo-random choices seeded by the chaos seed), and the Microsoft account authorized through the real OAuth
// flow (auto-consent + login_hint), with an Outlook Time Zone chosen. Syncs run against it in this process or in a
// child (sync-child.ts), which gets the same settings.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningEmulator, startEmulator } from '../../emulator/src/server.js';
import type { IntegrationDatabase } from '../../src/db/index.js';
import { buildDemoTenantSeed, DEMO_DOMAIN, seedDemo } from '../../src/elentra/index.js';
import { type ElentraHandle, elentraOnConnection } from '../../src/elentra/open-elentra.js';
import { migrateElentraDemoSchema } from '../../src/elentra/schema/migrate-demo-schema.js';
import { EmulatorControl } from '../../src/microsoft/graph/testing/emulator-control.js';
import {
  completeAuthorization,
  createIdentity,
  type Identity,
  startAuthorization,
} from '../../src/microsoft/identity/index.js';
import {
  followAuthorizeRedirect,
  openMigrated,
  type TestAppRegistration,
} from '../../src/microsoft/testing/identity-fixture.js';
import { chaosConfig } from './chaos-config.js';
import type { SyncContext } from './chaos-sync.js';

export const ADMIN_MAIL = `it.admin@${DEMO_DOMAIN}`;
export const OUTLOOK_TIME_ZONE = 'Eastern Standard Time';
const REDIRECT_URI = 'http://localhost:8080/api/ms-graph-oauth.php';
const APP = {
  tenantId: 'c0ffee00-0000-4000-8000-00000000c4a0',
  clientId: 'c0ffee00-0000-4000-8000-00000000c4a1',
  clientSecret: 'chaos~secret~value',
};

export interface ChaosWorld extends SyncContext {
  emu: RunningEmulator;
  control: EmulatorControl;
  registration: TestAppRegistration;
  appKey: string;
  databaseUrl: string;
  /** A folder for the children's input and output files. */
  directory: string;
  now: Date;
  /** The administrator signs in again and authorizes the account (after the grant was revoked). */
  authorize(): Promise<void>;
  close(): Promise<void>;
}

export async function openChaosWorld(seed: number): Promise<ChaosWorld> {
  const directory = mkdtempSync(join(tmpdir(), 'et-chaos-'));
  const databaseUrl = `sqlite:${join(directory, 'chaos.sqlite')}`;
  const now = new Date();
  const tenantSeed = buildDemoTenantSeed({ now, ...APP, redirectUris: [REDIRECT_URI] });
  const emu = await startEmulator({
    seed: tenantSeed,
    autoConsent: true,
    randomSeed: seed,
    graph: { limits: 'off', teamOperationMs: 0, replicationDelayMs: 0 },
  });
  const registration: TestAppRegistration = {
    loginUrl: emu.loginUrl,
    graphUrl: emu.graphUrl,
    ...APP,
    redirectUri: REDIRECT_URI,
  };
  const appKey = `base64:${randomBytes(32).toString('base64')}`;
  const config = chaosConfig(registration, databaseUrl, appKey, directory);
  const database: IntegrationDatabase = await openMigrated(databaseUrl);
  const elentra: ElentraHandle = elentraOnConnection(database);
  await migrateElentraDemoSchema(elentra);
  await seedDemo(elentra, { now });
  const identity: Identity = createIdentity({ config, database });
  let sessions = 0;
  const authorize = async () => {
    sessions += 1;
    const sessionId = `chaos-${sessions}`;
    const started = await startAuthorization(identity, { sessionId, loginHint: ADMIN_MAIL });
    const answer = await followAuthorizeRedirect(started.url);
    await completeAuthorization(identity, { answer, sessionId, authorizedBy: 'admin' });
  };
  await authorize();
  await identity.store.setOutlookTimeZone(OUTLOOK_TIME_ZONE);
  return {
    emu,
    control: new EmulatorControl(emu.controlUrl),
    registration,
    appKey,
    databaseUrl,
    directory,
    now,
    config,
    database,
    elentra,
    identity,
    authorize,
    async close() {
      await database.close();
      await emu.stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
