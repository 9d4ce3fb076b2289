// The sync process a chaos step may SIGKILL (run-seed.ts): `node sync-child.mjs INPUT.json` runs one teams or events
// sync, or the two alongside (chaos-sync.ts), against the driver's emulator and database, and writes its outcome to the input's `outFile`
// when it is allowed to finish. Bundled with esbuild before the seeds run (bundle.ts), like the benchmark's child.
import { readFileSync, writeFileSync } from 'node:fs';
import { openIntegrationDatabase } from '../../src/db/index.js';
import { elentraOnConnection } from '../../src/elentra/open-elentra.js';
import { createIdentity } from '../../src/microsoft/identity/index.js';
import type { TestAppRegistration } from '../../src/microsoft/testing/identity-fixture.js';
import { chaosConfig } from './chaos-config.js';
import { runChaosStep } from './chaos-sync.js';
import type { StepKind } from './schedule.js';

export interface ChildInput {
  sync: StepKind;
  databaseUrl: string;
  appKey: string;
  registration: TestAppRegistration;
  outFile: string;
  /** The seed's folder (where the settings are read). */
  directory: string;
}

const input = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as ChildInput;
const config = chaosConfig(input.registration, input.databaseUrl, input.appKey, input.directory);
const database = await openIntegrationDatabase(input.databaseUrl);
try {
  const identity = createIdentity({ config, database });
  const outcome = await runChaosStep(input.sync, {
    config,
    database,
    elentra: elentraOnConnection(database),
    identity,
  });
  writeFileSync(input.outFile, JSON.stringify(outcome));
} finally {
  await database.close();
}
