// Drift that `groups/delta` cannot see (it reports member additions and removals only): a teacher demoted and the
// team renamed in Teams go unnoticed while the snapshot is fresh — a run then writes nothing — and are corrected on
// the first run after the team's periodic full re-list falls due (src/sync/run/relist-due.ts, every 7 days).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tally } from './support/sync-requests.js';
import { ADMIN_MAIL, openSyncWorld, type SyncWorld } from './support/sync-teams-harness.js';
import { teamsAdmin } from './support/teams-admin.js';

const DAY_MS = 86_400_000;
let world: SyncWorld;

beforeAll(async () => {
  world = await openSyncWorld();
  await world.sync();
});

afterAll(async () => {
  await world?.close();
});

describe('drift made in Teams', () => {
  it('is corrected on the run after the full re-list is due', async () => {
    const row = await world.database.db
      .selectFrom('ms_teams')
      .selectAll()
      .where('course_id', '=', 1)
      .executeTakeFirstOrThrow();
    const teamId = row.team_id ?? '';
    const users = (await world.control.call('GET', '/state')) as { users: Array<{ id: string; mail: string | null }> };
    const authorizing = users.users.find((u) => u.mail?.toLowerCase() === ADMIN_MAIL)?.id;
    const teacher = (await world.control.state()).teams
      .find((team) => team.id === teamId)
      ?.members.find((m) => m.roles.includes('owner') && m.userId !== authorizing)?.userId;
    if (!teacher) throw new Error('MED 101 has no teacher');
    const admin = await teamsAdmin(world);
    await admin.setRole(teamId, teacher, []);
    await admin.graph('PATCH', `/teams/${teamId}`, { displayName: 'Renamed in Teams' });
    const teams = (await world.control.state()).teams.length;

    // Delta says nothing of roles or names: this run sees no change.
    let seq = await world.control.lastSeq();
    await world.sync();
    expect(tally(await world.control.requestsSince(seq)).writes).toBe(0);

    // A week later every team's re-list is due: each is read in full and the drift is undone.
    const later = new Date(Date.now() + 7 * DAY_MS + 60_000);
    seq = await world.control.lastSeq();
    const relisted = await world.sync({}, { now: () => later });
    const requests = tally(await world.control.requestsSince(seq));
    expect(requests.readsByRoute['GET /v1.0/teams/{teamId}']).toBe(teams);
    expect(requests.writesByRoute).toMatchObject({
      'PATCH /v1.0/teams/{teamId}/members/{membershipId}': 1,
      'PATCH /v1.0/teams/{teamId}': 1,
    });
    const outcome = relisted.offerings.find((o) => o.offeringKey === row.offering_key);
    expect(outcome?.counts).toMatchObject({ promoted: 1, teamsRenamed: 1 });
    const team = (await world.control.state()).teams.find((t) => t.id === teamId);
    expect(team?.members.find((m) => m.userId === teacher)?.roles).toContain('owner');

    // Listed: the next run (same day) is back to delta only.
    seq = await world.control.lastSeq();
    await world.sync({}, { now: () => later });
    const after = tally(await world.control.requestsSince(seq));
    expect(after.writes).toBe(0);
    expect(after.readsByRoute['GET /v1.0/teams/{teamId}']).toBeUndefined();
  });
});
