// GraphTeamsGateway against the emulator over real HTTP (token from the real authorization flow), on the sync's
// throttle-aware client: user lookups packed in $batch with per-lookup failures, create group → team and adoption by
// nickname, a lost answer to POST /groups recovered by look-up, rename / archive, members added / removed / promoted /
// demoted with per-person results, membership ids, and group delta with a change made in Teams.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../emulator/src/server.js';
import { addMembers as addMembersDirectly, GraphClient, GraphNetworkError } from '../src/microsoft/graph/index.js';
import { type EmulatorControl, TestClock } from '../src/microsoft/graph/testing/emulator-control.js';
import { createSyncGraphClient, GraphTeamsGateway, type ThrottleAwareGraphClient } from '../src/sync/gateway/index.js';
import { DOMAIN, learnerIds, seedWithLearners, startSignedInEmulator } from './support/graph-session.js';

const ADMIN_ID = 'a1b2c3d4-0001-4000-8000-000000000001';
const TEACHER_ID = 'a1b2c3d4-0002-4000-8000-000000000002';
const STUDENT_ID = 'a1b2c3d4-0003-4000-8000-000000000003';
const RESIDENT_ID = 'a1b2c3d4-0004-4000-8000-000000000004';
const UNKNOWN_ID = 'ffffffff-0000-4000-8000-00000000dead';
const LEARNERS = learnerIds(40);

let emu: RunningEmulator;
let control: EmulatorControl;
let client: ThrottleAwareGraphClient;
let plain: GraphClient;
let gateway: GraphTeamsGateway;
const clock = new TestClock();
let serial = 0;

function nickname(): string {
  serial += 1;
  return `elentra-3f9a2c-o1-c${serial}-p1`;
}

async function newTeam(): Promise<string> {
  const { groupId } = await gateway.createGroup({
    displayName: `Course ${serial}`,
    description: 'An offering',
    mailNickname: nickname(),
    visibility: 'private',
  });
  return (await gateway.createTeamFromGroup(groupId, 'standard')).teamId;
}

beforeAll(async () => {
  const started = await startSignedInEmulator({
    seed: seedWithLearners(LEARNERS),
    now: clock.now,
    graph: { limits: 'off', teamOperationMs: 0, replicationDelayMs: 0 },
  });
  ({ emu, control } = started);
  const getAccessToken = async () => started.token;
  ({ client } = createSyncGraphClient({ graphUrl: emu.graphUrl, getAccessToken, retry: { baseDelayMs: 5 } }));
  plain = new GraphClient({ graphUrl: emu.graphUrl, getAccessToken });
  gateway = new GraphTeamsGateway(client, {
    replicationRetryDelaysMs: [10_000, 10_000, 10_000],
    poll: { sleep: clock.sleep },
  });
});

afterEach(async () => {
  await control.clearFaults();
  await control.timing({ teamOperationMs: 0, replicationDelayMs: 0 });
});

afterAll(async () => {
  await emu?.stop();
});

describe('findUsers', () => {
  it('looks up mail and UPN 15 per request, all lookups in one $batch, ignoring case', async () => {
    const seq = await control.lastSeq();
    const values = [
      ...LEARNERS.map((_, i) => `Learner.${i + 1}@${DOMAIN}`),
      `TAYLOR.teacher@${DOMAIN}`,
      `jordan.nomail@${DOMAIN}`,
      `nobody@${DOMAIN}`,
    ];
    const answers = await gateway.findUsers(values);
    expect(answers.failed.size).toBe(0);
    expect(answers.found.get(`learner.7@${DOMAIN}`)?.map((u) => u.id)).toEqual([LEARNERS[6]]);
    expect(answers.found.get(`taylor.teacher@${DOMAIN}`)?.map((u) => u.id)).toEqual([TEACHER_ID]);
    expect(answers.found.get(`jordan.nomail@${DOMAIN}`)).toHaveLength(1);
    expect(answers.found.get(`nobody@${DOMAIN}`)).toEqual([]);
    const requests = await control.requestsSince(seq);
    // 43 addresses: 3 chunks × (mail, UPN) = 6 lookups, one envelope.
    expect(requests.filter((r) => r.batch === undefined).map((r) => `${r.method} ${r.route}`)).toEqual([
      'POST /v1.0/$batch',
    ]);
    expect(requests.filter((r) => r.batch !== undefined)).toHaveLength(6);
  });

  it('reports the addresses of a lookup that failed as failed, and still answers the others', async () => {
    await control.fault({
      route: '/v1.0/users',
      method: 'GET',
      kind: 'status',
      status: 400,
      code: 'BadRequest',
      count: 1,
    });
    const values = LEARNERS.slice(0, 20).map((_, i) => `learner.${i + 1}@${DOMAIN}`);
    const answers = await gateway.findUsers(values);
    expect(answers.failed.size).toBe(15);
    expect(answers.found.size).toBe(5);
    for (const value of answers.failed) expect(answers.found.has(value)).toBe(false);
  });
});

describe('teams', () => {
  it('creates a group then its team, and finds both by nickname (adoption) in one lookup', async () => {
    const withTeam = nickname();
    const groupOnly = nickname();
    const a = await gateway.createGroup({
      displayName: 'A',
      description: 'a',
      mailNickname: withTeam,
      visibility: 'private',
    });
    const b = await gateway.createGroup({
      displayName: 'B',
      description: 'b',
      mailNickname: groupOnly,
      visibility: 'private',
    });
    const { teamId, webUrl } = await gateway.createTeamFromGroup(a.groupId, 'standard');
    expect(teamId).toBe(a.groupId);
    // `PUT /groups/{id}/team` answers with the team, its webUrl included (the store keeps it for the dashboard).
    expect(webUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/team\/.+groupId=/);
    expect(webUrl).toContain(a.groupId);

    const seq = await control.lastSeq();
    const found = await gateway.findGroupsByMailNickname([withTeam.toUpperCase(), groupOnly, 'elentra-none']);
    expect(found.get(withTeam.toUpperCase())).toEqual({
      groupId: a.groupId,
      mailNickname: withTeam,
      displayName: 'A',
      hasTeam: true,
    });
    expect(found.get(groupOnly)).toMatchObject({ groupId: b.groupId, hasTeam: false });
    expect(found.has('elentra-none')).toBe(false);
    expect((await control.requestsSince(seq)).filter((r) => r.batch !== undefined)).toHaveLength(1);
  });

  it('renames, archives and unarchives a team; a missing team reads as null', async () => {
    const teamId = await newTeam();
    await gateway.updateTeam(teamId, { displayName: 'MED 101: Anatomy (2027)', description: 'Renamed' });
    expect(await gateway.getTeam(teamId)).toEqual({
      teamId,
      displayName: 'MED 101: Anatomy (2027)',
      description: 'Renamed',
      archived: false,
      webUrl: expect.stringMatching(new RegExp(`^https://teams\\.microsoft\\.com/l/team/.+groupId=${teamId}`)),
    });
    await gateway.archiveTeam(teamId);
    expect((await gateway.getTeam(teamId))?.archived).toBe(true);
    await gateway.unarchiveTeam(teamId);
    expect((await gateway.getTeam(teamId))?.archived).toBe(false);
    expect(await gateway.getTeam('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('after a lost answer to POST /groups, adopts the group the look-up finds: never a second group', async () => {
    await control.fault({ route: '/v1.0/groups', method: 'POST', kind: 'lost-response', count: 1 });
    const mailNickname = nickname();
    const { groupId } = await gateway.createGroup({
      displayName: 'Lost',
      description: 'x',
      mailNickname,
      visibility: 'private',
    });
    expect((await control.state()).groups.filter((g) => g.mailNickname === mailNickname).map((g) => g.id)).toEqual([
      groupId,
    ]);
  });

  it('while the lost group replicates: fails, then the next run finds it (groupOnly) and a repeated create adopts it', async () => {
    await control.timing({ replicationDelayMs: 20_000 });
    await control.fault({ route: '/v1.0/groups', method: 'POST', kind: 'lost-response', count: 1 });
    const mailNickname = nickname();
    const group = { displayName: 'Lost later', description: 'x', mailNickname, visibility: 'private' as const };
    await expect(gateway.createGroup(group)).rejects.toBeInstanceOf(GraphNetworkError);
    expect((await gateway.findGroupsByMailNickname([mailNickname])).size).toBe(0);
    await clock.sleep(20_000);
    const found = (await gateway.findGroupsByMailNickname([mailNickname])).get(mailNickname);
    expect(found?.hasTeam).toBe(false);
    expect(await gateway.createGroup(group)).toEqual({ groupId: found?.groupId });
    const { teamId } = await gateway.createTeamFromGroup(found?.groupId ?? '', 'standard');
    expect(teamId).toBe(found?.groupId);
    const state = await control.state();
    const named = [...state.groups, ...state.teams].filter((g) => g.mailNickname === mailNickname);
    expect(new Set(named.map((g) => g.id))).toEqual(new Set([teamId]));
  });
});

describe('members', () => {
  it('adds owners and members with per-person results, promotes, demotes and removes', async () => {
    const teamId = await newTeam();
    const added = await gateway.addMembers(teamId, [
      { userId: TEACHER_ID, role: 'owner' },
      { userId: STUDENT_ID, role: 'member' },
      { userId: UNKNOWN_ID, role: 'member' },
    ]);
    expect(added.map((r) => [r.userId, r.error?.code ?? null])).toEqual([
      [TEACHER_ID, null],
      [STUDENT_ID, null],
      [UNKNOWN_ID, 'user-not-found'],
    ]);
    expect(added[2]?.error?.message).toMatch(/no such user/);

    const listed = await gateway.listMembers(teamId);
    const roles = Object.fromEntries(listed.map((m) => [m.userId, m.roles]));
    expect(roles).toEqual({ [ADMIN_ID]: ['owner'], [TEACHER_ID]: ['owner'], [STUDENT_ID]: [] });
    const student = listed.find((m) => m.userId === STUDENT_ID);
    expect(await gateway.findMembershipId(teamId, STUDENT_ID)).toBe(student?.membershipId);
    expect(await gateway.findMembershipId(teamId, RESIDENT_ID)).toBeNull();

    await gateway.setMemberRole(teamId, student?.membershipId ?? '', 'owner');
    expect((await gateway.listMembers(teamId)).find((m) => m.userId === STUDENT_ID)?.roles).toEqual(['owner']);
    await gateway.setMemberRole(teamId, student?.membershipId ?? '', 'member');
    expect((await gateway.listMembers(teamId)).find((m) => m.userId === STUDENT_ID)?.roles).toEqual([]);

    const removed = await gateway.removeMembers(teamId, [STUDENT_ID, RESIDENT_ID, TEACHER_ID]);
    expect(removed.map((r) => [r.userId, r.error])).toEqual([
      [STUDENT_ID, null],
      [RESIDENT_ID, null], // not a member: the goal holds
      [TEACHER_ID, null],
    ]);
    const last = await gateway.removeMembers(teamId, [ADMIN_ID]);
    expect(last[0]?.error?.code).toBe('last-owner');
    expect((await gateway.listMembers(teamId)).map((m) => m.userId)).toEqual([ADMIN_ID]);
  });

  it('adds more than 200 people in chunks sent side by side', async () => {
    const teamId = await newTeam();
    const seq = await control.lastSeq();
    const people = [...LEARNERS, TEACHER_ID, STUDENT_ID, RESIDENT_ID].map((userId) => ({
      userId,
      role: 'member' as const,
    }));
    // Graph takes 200 per request: 43 distinct people is one request; pad with repeats to show de-duplication.
    const results = await gateway.addMembers(teamId, [...people, ...people]);
    expect(results).toHaveLength(43);
    expect(results.every((r) => r.error === null)).toBe(true);
    expect(await control.requestsTo(seq, 'POST', '/v1.0/teams/{teamId}/members/add')).toHaveLength(1);
  });
});

describe('readMemberDelta', () => {
  it('sees a change made in Teams, nothing when nothing changed, and restarts an expired link', async () => {
    const teamA = await newTeam();
    const teamB = await newTeam();
    await gateway.addMembers(teamA, [{ userId: STUDENT_ID, role: 'member' }]);
    const first = await gateway.readMemberDelta([teamA, teamB], null);
    expect(first.resyncRequired).toBe(false);
    expect(first.changes.get(teamA)?.added).toContain(STUDENT_ID);

    const quiet = await gateway.readMemberDelta([teamA, teamB], first.deltaLink);
    expect(quiet.changes.size).toBe(0);
    expect(quiet.deleted).toEqual([]);

    // Someone adds a member in Teams, outside the sync.
    await addMembersDirectly(plain, teamB, [{ userId: RESIDENT_ID, owner: false }]);
    const changed = await gateway.readMemberDelta([teamA, teamB], quiet.deltaLink);
    expect([...changed.changes]).toEqual([[teamB, { added: [RESIDENT_ID], removed: [] }]]);

    const expired = changed.deltaLink.replace(/\$deltatoken=[^&]+/, '$deltatoken=expired');
    const restarted = await gateway.readMemberDelta([teamA, teamB], expired);
    expect(restarted).toMatchObject({ resyncRequired: true, deleted: [] });
    expect(restarted.changes.size).toBe(0);
    expect((await gateway.readMemberDelta([teamA, teamB], restarted.deltaLink)).changes.size).toBe(0);
  });
});
