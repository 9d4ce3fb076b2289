// Team lifecycle end to end against the emulator, demo school (issue 5, "Lifecycle"): a course renamed in Elentra is
// one PATCH; an offering that ended is archived once its grace days pass (and not with archiveEndedTeams off); a
// course made inactive or its audience deleted is archived, never deleted, and comes back when the course does; a
// team deleted in Microsoft is flagged in words and not recreated, unless recreateDeletedTeams; a team made outside
// the product with our mailNickname is adopted, not duplicated; owners that match nobody are named in the warning;
// caps lower than Microsoft's are reported, not crashed on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toEpochSeconds } from '../src/elentra/roster/offering-rule.js';
import type { RunReport } from '../src/sync/run/run-types.js';
import { expectConverged } from './support/sync-expectations.js';
import { tally } from './support/sync-requests.js';
import { openSyncWorld, type SyncWorld } from './support/sync-teams-harness.js';
import { teamsAdmin } from './support/teams-admin.js';

const DAY_SECONDS = 86_400;
const CURRENT_PERIOD = 1;

async function storedTeam(world: SyncWorld, courseId: number) {
  return world.database.db
    .selectFrom('ms_teams')
    .selectAll()
    .where('course_id', '=', courseId)
    .executeTakeFirstOrThrow();
}

/** The writes and the DELETEs of one run, with the run's report. */
async function syncCounting(world: SyncWorld, run: () => Promise<RunReport>) {
  const seq = await world.control.lastSeq();
  const report = await run();
  const requests = await world.control.requestsSince(seq);
  return { report, writes: tally(requests).writesByRoute, deletes: requests.filter((r) => r.method === 'DELETE') };
}

const outcomeOf = (report: RunReport, key: string) => report.offerings.find((o) => o.offeringKey === key);

describe('renamed, ended and archived', () => {
  let world: SyncWorld;
  beforeAll(async () => {
    world = await openSyncWorld();
    await world.sync();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('a course renamed in Elentra renames its team with one PATCH', async () => {
    await world.elentra.db
      .updateTable('courses')
      .set({ course_name: 'Foundations of Medicine One' })
      .where('course_id', '=', 1)
      .execute();
    const { report, writes } = await syncCounting(world, () => world.sync());
    expect(writes).toEqual({ 'PATCH /v1.0/teams/{teamId}': 1 });
    const row = await storedTeam(world, 1);
    expect(row.display_name).toContain('Foundations of Medicine One');
    expect(outcomeOf(report, row.offering_key)?.counts).toMatchObject({ teamsRenamed: 1 });
    const { writes: again } = await syncCounting(world, () => world.sync());
    expect(again).toEqual({});
  });

  it('an ended offering keeps its team through the grace days, then is archived (not with archiveEndedTeams off)', async () => {
    const now = toEpochSeconds(new Date());
    const teams = await world.database.db
      .selectFrom('ms_teams')
      .select(['offering_key', 'team_id'])
      .where('cperiod_id', '=', CURRENT_PERIOD)
      .execute();
    expect(teams.length).toBeGreaterThan(0);
    const setFinish = (seconds: number) =>
      world.elentra.db
        .updateTable('curriculum_periods')
        .set({ finish_date: seconds })
        .where('cperiod_id', '=', CURRENT_PERIOD)
        .execute();

    // Finished yesterday: within the grace days, the teams stay as they are and are recorded as ended.
    await setFinish(now - DAY_SECONDS);
    const grace = await syncCounting(world, () => world.sync());
    expect(grace.writes['POST /v1.0/teams/{teamId}/archive']).toBeUndefined();
    const statuses = await world.database.db
      .selectFrom('ms_teams')
      .select('status')
      .where('cperiod_id', '=', CURRENT_PERIOD)
      .execute();
    expect(new Set(statuses.map((row) => row.status))).toEqual(new Set(['ended']));

    // Finished 20 days ago: past the 14 grace days. With the option off, nothing happens.
    await setFinish(now - 20 * DAY_SECONDS);
    const kept = await syncCounting(world, () => world.sync({}, { plan: { archiveEndedTeams: false } }));
    expect(kept.writes).toEqual({});
    expect((await world.control.state()).teams.every((team) => !team.archived)).toBe(true);

    // With the option on (the default): every ended team archived, none deleted.
    const archived = await syncCounting(world, () => world.sync());
    expect(archived.writes).toEqual({ 'POST /v1.0/teams/{teamId}/archive': teams.length });
    expect(archived.deletes).toEqual([]);
    const state = await world.control.state();
    const ids = new Set(teams.map((team) => team.team_id));
    expect(state.teams.filter((team) => ids.has(team.id)).every((team) => team.archived)).toBe(true);
    for (const team of teams) {
      expect(archived.report.plan.offerings.find((o) => o.offeringKey === team.offering_key)?.operations).toEqual([
        expect.objectContaining({ kind: 'archiveTeam', reason: 'ended' }),
      ]);
    }
    expect((await syncCounting(world, () => world.sync())).writes).toEqual({});
  });
});

describe('inactive, gone and deleted in Microsoft', () => {
  let world: SyncWorld;
  beforeAll(async () => {
    world = await openSyncWorld();
    await world.sync();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('a course made inactive is archived, never deleted, and unarchived when it is active again', async () => {
    const row = await storedTeam(world, 2);
    await world.elentra.db.updateTable('courses').set({ course_active: 0 }).where('course_id', '=', 2).execute();
    const off = await syncCounting(world, () => world.sync());
    expect(off.writes).toEqual({ 'POST /v1.0/teams/{teamId}/archive': 1 });
    expect(off.deletes).toEqual([]);
    expect(off.report.plan.offerings.find((o) => o.offeringKey === row.offering_key)?.operations).toEqual([
      expect.objectContaining({ kind: 'archiveTeam', reason: 'gone' }),
    ]);
    expect((await world.control.state()).teams.find((team) => team.id === row.team_id)?.archived).toBe(true);

    await world.elentra.db.updateTable('courses').set({ course_active: 1 }).where('course_id', '=', 2).execute();
    const on = await syncCounting(world, () => world.sync());
    expect(on.writes).toEqual({ 'POST /v1.0/teams/{teamId}/unarchive': 1 });
    expect((await world.control.state()).teams.find((team) => team.id === row.team_id)?.archived).toBe(false);
  });

  it("a course's audience deleted archives its team, never deletes it", async () => {
    const row = await storedTeam(world, 3);
    await world.elentra.db.deleteFrom('course_audience').where('course_id', '=', 3).execute();
    const { writes, deletes } = await syncCounting(world, () => world.sync());
    expect(writes).toEqual({ 'POST /v1.0/teams/{teamId}/archive': 1 });
    expect(deletes).toEqual([]);
    const team = (await world.control.state()).teams.find((t) => t.id === row.team_id);
    expect(team?.archived).toBe(true);
    expect(team?.members.length).toBeGreaterThan(1);
  });

  it('a team deleted in Microsoft is flagged in words and not recreated; recreateDeletedTeams recreates it', async () => {
    const row = await storedTeam(world, 5);
    const admin = await teamsAdmin(world);
    await admin.graph('DELETE', `/groups/${row.team_id}`);

    const flagged = await syncCounting(world, () => world.sync());
    expect(flagged.writes).toEqual({});
    const outcome = outcomeOf(flagged.report, row.offering_key);
    expect(outcome?.status).toBe('warning');
    expect(outcome?.message).toMatch(/it is not recreated unless TEAMS_RECREATE_DELETED is set to 1/);
    const result = await world.database.db
      .selectFrom('sync_offering_results')
      .select(['status', 'message'])
      .where('run_id', '=', flagged.report.runId)
      .where('offering_key', '=', row.offering_key)
      .executeTakeFirstOrThrow();
    expect(result.status).toBe('warning');
    expect(result.message).toMatch(/deleted in Microsoft/);
    expect((await storedTeam(world, 5)).status).toBe('deleted');
    expect((await storedTeam(world, 5)).web_url).toBeNull(); // no link to a deleted team

    const again = await syncCounting(world, () => world.sync());
    expect(again.writes).toEqual({});
    expect(outcomeOf(again.report, row.offering_key)?.message).toMatch(/deleted in Microsoft/);
    expect((await world.control.state()).teams.some((team) => team.mailNickname === row.mail_nickname)).toBe(false);

    const recreated = await syncCounting(world, () => world.sync({}, { plan: { recreateDeletedTeams: true } }));
    expect(recreated.writes).toMatchObject({ 'POST /v1.0/groups': 1, 'PUT /v1.0/groups/{groupId}/team': 1 });
    const now = await storedTeam(world, 5);
    expect(now.team_id).not.toBe(row.team_id);
    expect(now.status).toBe('current');
    expect(now.web_url).toContain(`groupId=${now.team_id}`); // from the answer to PUT /groups/{id}/team
    await expectConverged(world, recreated.report);
    expect((await syncCounting(world, () => world.sync())).writes).toEqual({});
  });

  it('an offering whose grace days passed with no run in them is still "ended" (archiveEndedTeams is obeyed)', async () => {
    const UPCOMING_PERIOD = 2;
    const now = toEpochSeconds(new Date());
    const teams = await world.database.db
      .selectFrom('ms_teams')
      .select('offering_key')
      .where('cperiod_id', '=', UPCOMING_PERIOD)
      .execute();
    expect(teams.length).toBeGreaterThan(0);
    // The stored finish is what Elentra said at the last run; the period is then moved into the past in one go.
    await world.elentra.db
      .updateTable('curriculum_periods')
      .set({ start_date: now - 120 * DAY_SECONDS, finish_date: now - 30 * DAY_SECONDS })
      .where('cperiod_id', '=', UPCOMING_PERIOD)
      .execute();
    await world.database.db
      .updateTable('ms_teams')
      .set({ period_finish_at: (now - 30 * DAY_SECONDS) * 1000 })
      .where('cperiod_id', '=', UPCOMING_PERIOD)
      .execute();
    const kept = await syncCounting(world, () => world.sync({}, { plan: { archiveEndedTeams: false } }));
    expect(kept.writes).toEqual({});
    const archived = await syncCounting(world, () => world.sync());
    expect(archived.writes).toEqual({ 'POST /v1.0/teams/{teamId}/archive': teams.length });
    for (const team of teams) {
      expect(archived.report.plan.offerings.find((o) => o.offeringKey === team.offering_key)?.operations).toEqual([
        expect.objectContaining({ kind: 'archiveTeam', reason: 'ended' }),
      ]);
    }
  });
});

describe('adopted, unmatched owners and limits', () => {
  let world: SyncWorld;
  let first: RunReport;
  let adoptedKey = '';
  let adoptedTeamId = '';
  let unmatchedOwner = { proxyId: 0, name: '' };
  beforeAll(async () => {
    world = await openSyncWorld();
    // What the sync would do, to learn a nickname and someone who matches nobody in the tenant.
    const dry = await world.sync({ dryRun: true });
    const med101 = dry.plan.offerings.find((o) => o.offeringKey.startsWith('course:1:'));
    if (!med101) throw new Error('no MED 101 offering');
    adoptedKey = med101.offeringKey;
    const person = dry.offerings.flatMap((o) => o.unmatched).find((p) => p.status === 'unmatched');
    if (!person) throw new Error('the demo has no unmatched person');
    unmatchedOwner = person;
    // An earlier install made MED 101's team, with someone who does not belong in it.
    const admin = await teamsAdmin(world);
    adoptedTeamId = await admin.createTeam(med101.mailNickname, 'MED 101 (made by hand)');
    const state = (await world.control.call('GET', '/state')) as { users: Array<{ id: string }> };
    const stranger = state.users.at(-1)?.id ?? '';
    await admin.graph('POST', `/groups/${adoptedTeamId}/members/$ref`, {
      '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${stranger}`,
    });
    // PATH 210's only contact is that unmatched person.
    await world.elentra.db.deleteFrom('course_contacts').where('course_id', '=', 5).execute();
    await world.elentra.db
      .insertInto('course_contacts')
      .values({ course_id: 5, proxy_id: person.proxyId, contact_type: 'director' })
      .execute();
    first = await world.sync();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('adopts the team that already has our mailNickname: no duplicate, members converged', async () => {
    const plan = first.plan.offerings.find((o) => o.offeringKey === adoptedKey);
    expect(plan?.operations.map((op) => op.kind)).toContain('adoptTeam');
    expect(plan?.operations.map((op) => op.kind)).not.toContain('createTeam');
    expect((await storedTeam(world, 1)).team_id).toBe(adoptedTeamId);
    // Its web address comes with the listing (GET /teams/{id}) that adoption makes.
    expect((await storedTeam(world, 1)).web_url).toContain(`groupId=${adoptedTeamId}`);
    await expectConverged(world, first);
  });

  it('creates the team of a course whose owners match nobody, and the warning names them', async () => {
    const row = await storedTeam(world, 5);
    expect(row.team_id).not.toBeNull();
    const plan = first.plan.offerings.find((o) => o.offeringKey === row.offering_key);
    const warning = plan?.warnings.find((w) => w.code === 'no-matched-owner');
    expect(warning?.message).toContain(`${unmatchedOwner.name} (#${unmatchedOwner.proxyId}, unmatched:`);
    const outcome = outcomeOf(first, row.offering_key);
    expect(outcome?.status).toBe('warning');
    expect(outcome?.message).toContain(unmatchedOwner.name);
  });

  it('reports an offering over (lowered) caps without failing, and adds what fits', async () => {
    // MED 099 made active again: a new offering, its team made under caps of 1 owner and 10 people. The authorizing
    // account is the one owner a new team starts with, so the course director joins as a member.
    await world.elentra.db.updateTable('courses').set({ course_active: 1 }).where('course_id', '=', 10).execute();
    const capped = await world.sync({ courseIds: [10] }, { plan: { caps: { maxOwners: 1, maxMembers: 10 } } });
    expect(capped.error).toBeNull();
    const outcome = capped.offerings[0];
    expect(outcome?.status).toBe('warning');
    expect(outcome?.message).toMatch(/a team can have 1: 1 are members instead/);
    expect(outcome?.message).toMatch(/a team can have 10: \d+ were not added/);
    const nickname = capped.plan.offerings[0]?.mailNickname;
    const team = (await world.control.state()).teams.find((t) => t.mailNickname === nickname);
    expect(team?.members.length).toBe(10);
    expect(team?.members.filter((m) => m.roles.includes('owner')).length).toBe(1);
  });
});
