// The `microsoft:sync-teams` command in-process (src/cli/main.ts with a memory io): usage errors exit 2, `--dry-run`
// prints the plan table with the unmatched people and changes nothing, `--json` prints the plan as JSON, a real run
// prints the results and exits 0, and an account whose grant was revoked exits 1 with the words that say what to do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { tally } from './support/sync-requests.js';
import { openSyncWorld, type SyncWorld } from './support/sync-teams-harness.js';

let world: SyncWorld;

beforeAll(async () => {
  world = await openSyncWorld();
});

afterAll(async () => {
  await world?.close();
});

async function cli(...args: string[]) {
  const io = memoryIo({ env: world.env });
  const code = await main(['node', 'elentra-teams', 'microsoft:sync-teams', ...args], io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('microsoft:sync-teams', () => {
  it('refuses a course id that is not a number (exit 2)', async () => {
    const result = await cli('--course', 'abc');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/--course takes course ids/);
  });

  it('--dry-run prints the plan and the unmatched people, and writes nothing', async () => {
    const seq = await world.control.lastSeq();
    const result = await cli('--dry-run');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Plan: \d+ offering\(s\)/);
    expect(result.out).toMatch(/create team/);
    expect(result.out).toMatch(/Not matched to a Microsoft user/);
    expect(tally(await world.control.requestsSince(seq)).writes).toBe(0);
    const json = JSON.parse((await cli('--dry-run', '--json')).out) as { plan: { counts: { teamsCreated: number } } };
    expect(json.plan.counts.teamsCreated).toBeGreaterThan(0);
  });

  it('a real run prints the results per offering and the totals', async () => {
    const result = await cli();
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Totals: /);
    expect(result.out).toMatch(/teamsCreated/);
  });

  it('exits 1 with the re-authorization message when the grant was revoked', async () => {
    await world.control.call('POST', '/tokens/revoke', {});
    const result = await cli();
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/authoriz/i);
  });
});
