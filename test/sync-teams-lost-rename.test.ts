// Renames and faults, found by the chaos run (docs/chaos.md):
// - a rename whose answer was lost did happen in Microsoft. The run after lists that team in full (its last run
//   failed) and sees the new name, so it has nothing to send; the row must take the name Microsoft holds, or the runs
//   after that — observed through groups/delta, from the row — would send the rename again (seed 117);
// - a group left without its team by a failed creation keeps the name of that time; when the course is renamed
//   before the team is made from it, the team must get the new name (seed 58), not keep the old one for good.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMailNickname } from '../src/sync/naming/mail-nickname.js';
import { tally } from './support/sync-requests.js';
import { openSyncWorld, type SyncWorld } from './support/sync-teams-harness.js';

let world: SyncWorld;

beforeAll(async () => {
  world = await openSyncWorld();
  await world.sync();
});

afterAll(async () => {
  await world?.close();
});

describe('a rename whose answer was lost', () => {
  it('is not sent again by later runs', async () => {
    await world.elentra.db
      .updateTable('courses')
      .set({ course_name: 'Renamed Course' })
      .where('course_id', '=', 1)
      .execute();
    // The PATCH and the client's one retry both lose their answers: the team is renamed, the run does not know it.
    await world.control.fault({ route: '/v1.0/teams/*', method: 'PATCH', kind: 'lost-response', count: 2 });
    const failed = await world.sync();
    expect(failed.offerings.find((o) => o.displayName.includes('Renamed Course'))?.status).toBe('error');
    await world.control.clearFaults();

    const state = await world.control.call('GET', '/state');
    const renamed = (state as { teams: Array<{ displayName: string }> }).teams.filter((t) =>
      t.displayName.includes('Renamed Course'),
    );
    expect(renamed).toHaveLength(1);

    for (const run of ['listed again', 'observed by delta']) {
      const seq = await world.control.lastSeq();
      const report = await world.sync();
      expect(report.status, run).not.toBe('error');
      expect(tally(await world.control.requestsSince(seq)).writesByRoute, run).toEqual({});
    }
    const row = await world.database.db
      .selectFrom('ms_teams')
      .select('display_name')
      .where('course_id', '=', 1)
      .executeTakeFirstOrThrow();
    expect(row.display_name).toContain('Renamed Course');
  });
});

describe('a group left by a failed team creation, its course renamed since', () => {
  let fresh: SyncWorld;
  beforeAll(async () => {
    fresh = await openSyncWorld();
  });
  afterAll(async () => {
    await fresh?.close();
  });

  it('becomes a team with the new name', async () => {
    // Replication slower than the gateway's retries: the groups are made, their teams are not (yet).
    await fresh.control.timing({ replicationDelayMs: 60_000 });
    await fresh.sync({ courseIds: [1] });
    await fresh.control.timing({ replicationDelayMs: 0 });
    const left = (await fresh.control.state()).groups;
    expect(left).toHaveLength(1);
    const courseId = parseMailNickname(left[0]?.mailNickname ?? '')?.courseId ?? 0;
    await fresh.elentra.db
      .updateTable('courses')
      .set({ course_name: 'Renamed Before Its Team' })
      .where('course_id', '=', courseId)
      .execute();

    expect((await fresh.sync()).status).not.toBe('error');
    const state = (await fresh.control.call('GET', '/state')) as {
      teams: Array<{ mailNickname: string; displayName: string }>;
      groups: unknown[];
    };
    expect(state.groups).toEqual([]);
    const team = state.teams.find((t) => parseMailNickname(t.mailNickname)?.courseId === courseId);
    expect(team?.displayName).toContain('Renamed Before Its Team');
    const seq = await fresh.control.lastSeq();
    await fresh.sync();
    expect(tally(await fresh.control.requestsSince(seq)).writesByRoute).toEqual({});
  });
});
