// (f) The sync process killed mid-apply (SIGKILL, no chance to clean up) after N Graph writes, at several points of
// the first run: the next run converges — no duplicate team, no missing or extra member — and the one after writes
// nothing. The child runs the real CLI command (test/support/children/sync-teams-child.ts), bundled with esbuild.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BundledScript, bundleScript } from './support/run-script.js';
import { expectConverged } from './support/sync-expectations.js';
import { isGraph, tally } from './support/sync-requests.js';
import { openSyncWorld, type SyncWorld } from './support/sync-teams-harness.js';

let script: BundledScript;

beforeAll(async () => {
  script = await bundleScript('test/support/children/sync-teams-child.ts');
});

afterAll(() => {
  script?.remove();
});

/** Runs the CLI in a child and SIGKILLs it once the emulator logged `writes` Graph writes after `seq`. */
async function killAfterWrites(world: SyncWorld, seq: number, writes: number): Promise<boolean> {
  const child = spawn(process.execPath, [script.file], {
    env: { ...process.env, ...world.env },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let killed = false;
  for (;;) {
    const done = await Promise.race([exited.then(() => true), sleep(5).then(() => false)]);
    if (done) break;
    const logged = (await world.control.requestsSince(seq)).filter((r) => isGraph(r) && r.method !== 'GET');
    if (logged.length >= writes) {
      child.kill('SIGKILL');
      killed = true;
      await exited;
      break;
    }
  }
  return killed;
}

describe.each([2, 7, 14])('killed after %i writes', (writes) => {
  let world: SyncWorld;
  beforeAll(async () => {
    world = await openSyncWorld();
    await world.control.call('POST', '/latency', { ms: 15 }); // slow enough to be caught mid-run
  });
  afterAll(async () => {
    await world?.close();
  });

  it('the next run converges', async () => {
    const killed = await killAfterWrites(world, await world.control.lastSeq(), writes);
    expect(killed).toBe(true);
    await world.control.call('POST', '/latency', { ms: 0 });
    const next = await world.sync();
    expect(next.status).not.toBe('error');
    await expectConverged(world, next);
    const seq = await world.control.lastSeq();
    await world.sync();
    expect(tally(await world.control.requestsSince(seq)).writes).toBe(0);
  });
});
