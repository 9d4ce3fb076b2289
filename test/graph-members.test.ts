// members.ts and members-bulk.ts against the emulator over real HTTP (token from the real authorization flow):
// members/add in requests of ≤ 200 with per-person results (207 for an unknown user, already a member = success),
// members/remove in requests of ≤ 20 (not a member = success), the last owner kept (bulk part, DELETE and PATCH),
// role changes, a lost answer on members/add retried safely, a missing team, and two teams' changes in one $batch.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../emulator/src/server.js';
import {
  addMembers,
  addMembersCalls,
  createTeamFromGroup,
  createUnifiedGroupForTeam,
  GraphClient,
  LastOwnerError,
  listTeamMembers,
  MemberNotFoundError,
  performBatch,
  removeMember,
  removeMembers,
  removeMembersCalls,
  setMemberRole,
  TeamNotFoundError,
} from '../src/microsoft/graph/index.js';
import { type EmulatorControl, TestClock } from '../src/microsoft/graph/testing/emulator-control.js';
import { keyRecordingLimiter, learnerIds, seedWithLearners, startSignedInEmulator } from './support/graph-session.js';

const ADMIN_ID = 'a1b2c3d4-0001-4000-8000-000000000001';
const TEACHER_ID = 'a1b2c3d4-0002-4000-8000-000000000002';
const UNKNOWN_ID = 'ffffffff-0000-4000-8000-00000000dead';
const LEARNERS = learnerIds(210);

let emu: RunningEmulator;
let control: EmulatorControl;
let graph: GraphClient;
const limiterKeys: Array<string | undefined> = [];
const limiter = keyRecordingLimiter(limiterKeys);
let serial = 0;

/** A team whose owners are the signed-in admin and, unless told otherwise, the teacher. */
async function newTeam(owners: string[] = [TEACHER_ID]): Promise<string> {
  serial += 1;
  const group = await createUnifiedGroupForTeam(graph, {
    displayName: `Members ${serial}`,
    mailNickname: `members-${serial}`,
    visibility: 'Private',
    ...(owners.length > 0 ? { ownerUserIds: owners, signedInUserId: ADMIN_ID } : {}),
  });
  return (await createTeamFromGroup(graph, group.id)).team.id;
}

beforeAll(async () => {
  const clock = new TestClock();
  const started = await startSignedInEmulator({
    seed: seedWithLearners(LEARNERS),
    now: clock.now,
    graph: { limits: 'off', teamOperationMs: 0, replicationDelayMs: 0 },
  });
  ({ emu, control } = started);
  const { token } = started;
  graph = new GraphClient({
    graphUrl: emu.graphUrl,
    getAccessToken: async () => token,
    limiter,
    retry: { baseDelayMs: 5 },
  });
});

afterEach(async () => {
  await control.clearFaults();
});

afterAll(async () => {
  await emu?.stop();
});

describe('addMembers', () => {
  it('adds 200 per request, reports an unknown user per person (207), and keys the limiter by team', async () => {
    const teamId = await newTeam();
    const seq = await control.lastSeq();
    limiterKeys.length = 0;
    const wanted = [
      ...LEARNERS.slice(0, 204).map((userId) => ({ userId, owner: false })),
      { userId: UNKNOWN_ID, owner: false },
      { userId: LEARNERS[0] ?? '', owner: false }, // a duplicate: asked once
    ];
    const results = await addMembers(graph, teamId, wanted);
    expect(results).toHaveLength(205);
    const unknown = results.find((r) => r.userId === UNKNOWN_ID);
    expect(unknown).toMatchObject({ status: 'user-not-found', ok: false, graphCode: 'NotFound' });
    expect(unknown?.publicMessage).toMatch(/no such user/);
    expect(results.filter((r) => r.status === 'added')).toHaveLength(204);
    const requests = await control.requestsTo(seq, 'POST', '/v1.0/teams/{teamId}/members/add');
    expect(requests.map((r) => r.status)).toEqual([200, 207]);
    expect(new Set(limiterKeys)).toEqual(new Set([`team:${teamId}`]));
    const members = await listTeamMembers(graph, teamId);
    expect(members.filter((m) => !m.owner)).toHaveLength(204);
    expect(
      members
        .filter((m) => m.owner)
        .map((m) => m.userId)
        .sort(),
    ).toEqual([ADMIN_ID, TEACHER_ID].sort());
  });

  it('adding people who are already members succeeds and changes nothing', async () => {
    const teamId = await newTeam();
    const people = LEARNERS.slice(0, 3).map((userId) => ({ userId, owner: false }));
    await addMembers(graph, teamId, people);
    const again = await addMembers(graph, teamId, people);
    expect(again.every((r) => r.ok)).toBe(true);
    expect(await listTeamMembers(graph, teamId)).toHaveLength(5);
  });

  it('is retried after a lost answer (members/add is safe to repeat) and adds each person once', async () => {
    const teamId = await newTeam();
    await control.fault({ route: '/v1.0/teams/*/members/add', kind: 'lost-response', count: 1 });
    const seq = await control.lastSeq();
    const results = await addMembers(graph, teamId, [{ userId: LEARNERS[5] ?? '', owner: true }]);
    expect(results).toMatchObject([{ status: 'added', ok: true }]);
    const requests = await control.requestsTo(seq, 'POST', '/v1.0/teams/{teamId}/members/add');
    expect(requests.map((r) => r.status)).toEqual([null, 200]);
    const added = (await listTeamMembers(graph, teamId)).filter((m) => m.userId === LEARNERS[5]);
    expect(added).toMatchObject([{ owner: true }]);
  });

  it('throws TeamNotFoundError for a team that does not exist', async () => {
    const missing = '00000000-0000-4000-8000-00000000beef';
    await expect(addMembers(graph, missing, [{ userId: TEACHER_ID, owner: false }])).rejects.toBeInstanceOf(
      TeamNotFoundError,
    );
    await expect(listTeamMembers(graph, missing)).rejects.toBeInstanceOf(TeamNotFoundError);
  });
});

describe('removeMembers and the last owner', () => {
  it('removes 20 per request; someone who is not a member counts as removed', async () => {
    const teamId = await newTeam();
    await addMembers(
      graph,
      teamId,
      LEARNERS.slice(0, 24).map((userId) => ({ userId, owner: false })),
    );
    const seq = await control.lastSeq();
    const results = await removeMembers(graph, teamId, [...LEARNERS.slice(0, 24), LEARNERS[100] ?? '']);
    expect(results).toHaveLength(25);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.find((r) => r.userId === LEARNERS[100])?.status).toBe('not-a-member');
    const requests = await control.requestsTo(seq, 'POST', '/v1.0/teams/{teamId}/members/remove');
    expect(requests.map((r) => r.status)).toEqual([204, 207]);
    expect((await listTeamMembers(graph, teamId)).map((m) => m.userId).sort()).toEqual([ADMIN_ID, TEACHER_ID].sort());
  });

  it('keeps the last owner: a bulk part says last-owner, DELETE and PATCH throw LastOwnerError', async () => {
    const teamId = await newTeam([]); // the signed-in admin is the only owner
    await addMembers(graph, teamId, [{ userId: LEARNERS[7] ?? '', owner: false }]);
    const [part] = await removeMembers(graph, teamId, [ADMIN_ID]);
    expect(part).toMatchObject({ status: 'last-owner', ok: false, graphCode: 'BadRequest' });
    expect(part?.publicMessage).toMatch(/at least one owner/);
    const owner = (await listTeamMembers(graph, teamId)).find((m) => m.userId === ADMIN_ID);
    if (!owner) throw new Error('no owner');
    await expect(removeMember(graph, teamId, owner.membershipId)).rejects.toBeInstanceOf(LastOwnerError);
    await expect(setMemberRole(graph, teamId, owner.membershipId, false)).rejects.toBeInstanceOf(LastOwnerError);
  });

  it('promotes and demotes in place, removes one membership (twice: already gone), unknown membership → error', async () => {
    const teamId = await newTeam([]);
    await addMembers(graph, teamId, [{ userId: LEARNERS[8] ?? '', owner: false }]);
    const find = async () => (await listTeamMembers(graph, teamId)).find((m) => m.userId === LEARNERS[8]);
    const member = await find();
    if (!member) throw new Error('not added');
    await setMemberRole(graph, teamId, member.membershipId, true);
    expect((await find())?.owner).toBe(true);
    await setMemberRole(graph, teamId, member.membershipId, false);
    expect((await find())?.owner).toBe(false);
    expect(await removeMember(graph, teamId, member.membershipId)).toBe('removed');
    expect(await removeMember(graph, teamId, member.membershipId)).toBe('already-gone');
    await expect(setMemberRole(graph, teamId, member.membershipId, true)).rejects.toBeInstanceOf(MemberNotFoundError);
  });
});

describe('members in $batch', () => {
  it("packs two teams' adds and removals into one envelope, each settled with per-person results", async () => {
    const a = await newTeam();
    const b = await newTeam();
    await addMembers(graph, b, [{ userId: LEARNERS[20] ?? '', owner: false }]);
    const seq = await control.lastSeq();
    const calls = [
      ...addMembersCalls(
        graph,
        a,
        [
          { userId: LEARNERS[21] ?? '', owner: false },
          { userId: UNKNOWN_ID, owner: false },
        ],
        'a-add',
      ),
      ...addMembersCalls(graph, b, [{ userId: LEARNERS[22] ?? '', owner: true }], 'b-add'),
      ...removeMembersCalls(graph, b, [LEARNERS[20] ?? ''], 'b-remove'),
    ];
    const settled = await performBatch<unknown>(graph, calls);
    expect(settled.map((s) => [s.id, s.ok])).toEqual([
      ['a-add-0', true],
      ['b-add-0', true],
      ['b-remove-0', true],
    ]);
    const aAdd = settled[0];
    expect(aAdd?.ok && aAdd.value).toEqual([
      expect.objectContaining({ userId: LEARNERS[21], status: 'added' }),
      expect.objectContaining({ userId: UNKNOWN_ID, status: 'user-not-found' }),
    ]);
    expect((await control.requestsSince(seq)).filter((r) => r.route === '/v1.0/$batch')).toHaveLength(1);
    const bMembers = await listTeamMembers(graph, b);
    expect(bMembers.find((m) => m.userId === LEARNERS[22])?.owner).toBe(true);
    expect(bMembers.some((m) => m.userId === LEARNERS[20])).toBe(false);
  });
});
