// The sync end to end against the emulator, demo school: (a) from an empty tenant every offering gets its team with
// the right owners and members, unmatched people listed with their reason; (b) the second run writes nothing and
// reads little.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRoster } from '../src/elentra/read-roster.js';
import type { Roster } from '../src/elentra/roster/roster-types.js';
import type { RunReport } from '../src/sync/run/run-types.js';
import { expectConverged } from './support/sync-expectations.js';
import { tally } from './support/sync-requests.js';
import { openSyncWorld, type SyncWorld } from './support/sync-teams-harness.js';

let world: SyncWorld;
let roster: Roster;
let first: RunReport;
let firstSeq: number;

beforeAll(async () => {
  world = await openSyncWorld();
  roster = await readRoster(world.elentra, { now: new Date() });
  firstSeq = await world.control.lastSeq();
  first = await world.sync();
});

afterAll(async () => {
  await world?.close();
});

describe('first run from an empty tenant', () => {
  it('creates one team per offering, with the Elentra owners as owners and the audience as members', async () => {
    expect(first.status).not.toBe('error');
    const state = await world.control.state();
    expect(state.teams).toHaveLength(roster.offerings.length);
    await expectConverged(world, first);
    const allUnmatched = first.offerings.flatMap((o) => o.unmatched);
    expect(allUnmatched.length).toBeGreaterThan(0);
    for (const person of allUnmatched) expect(person.reason).not.toBe('');
    // Creating a team costs POST /groups + PUT /groups/{id}/team, and its people one members/add (≤ 200 each).
    const firstTally = tally(await world.control.requestsSince(firstSeq));
    const teams = roster.offerings.length;
    expect(firstTally.writesByRoute).toEqual({
      'POST /v1.0/groups': teams,
      'PUT /v1.0/groups/{groupId}/team': teams,
      'POST /v1.0/teams/{teamId}/members/add': teams,
    });
  });

  it('the second run writes nothing and reads at most ⌈offerings / 50⌉ + a constant', async () => {
    const seq = await world.control.lastSeq();
    const second = await world.sync();
    const requests = tally(await world.control.requestsSince(seq));
    expect(second.status).not.toBe('error');
    expect(requests.writes).toBe(0);
    expect(requests.reads).toBeLessThanOrEqual(Math.ceil(roster.offerings.length / 50) + 2);
    expect(second.offerings.every((o) => o.status === 'ok' || o.status === 'warning')).toBe(true);
  });
});
