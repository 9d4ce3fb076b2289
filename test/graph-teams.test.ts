// groups.ts, team-creation.ts, teams.ts, team-operation.ts and groups-delta.ts against the emulator over real HTTP,
// with a token from the real authorization flow and the emulator's clock moved instead of waiting: look-up-before-
// create (also after a lost answer), the replication 404 retried 3 × 10 s, 409 "already provisioned" as success, a
// group without owner, POST /teams polled ≥ 30 s apart to success, to failure (failed-operation) and to a timeout,
// rename / archive, several teams' reads and writes in one $batch, and group delta rounds.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../emulator/src/server.js';
import {
  addMembers,
  archiveTeam,
  createTeam,
  createTeamFromGroup,
  createUnifiedGroupForTeam,
  findGroupByMailNickname,
  findGroupByMailNicknameCall,
  GraphClient,
  GraphNetworkError,
  GroupHasNoOwnerError,
  GroupNotReplicatedError,
  getGroup,
  getTeam,
  getTeamCall,
  groupsDelta,
  listGroupOwners,
  MailNicknameTakenError,
  performBatch,
  removeMembers,
  TeamNotFoundError,
  TeamOperationFailedError,
  TeamOperationPendingError,
  unarchiveTeam,
  updateTeam,
  updateTeamCall,
  waitForTeamOperation,
} from '../src/microsoft/graph/index.js';
import { type EmulatorControl, TestClock } from '../src/microsoft/graph/testing/emulator-control.js';
import { startSignedInEmulator } from './support/graph-session.js';

const ADMIN_ID = 'a1b2c3d4-0001-4000-8000-000000000001';
const TEACHER_ID = 'a1b2c3d4-0002-4000-8000-000000000002';
const STUDENT_ID = 'a1b2c3d4-0003-4000-8000-000000000003';
const RESIDENT_ID = 'a1b2c3d4-0004-4000-8000-000000000004';

let emu: RunningEmulator;
let control: EmulatorControl;
let graph: GraphClient;
const clock = new TestClock();
let serial = 0;

function nickname(): string {
  serial += 1;
  return `test-course-${serial}`;
}

async function newGroup(owners: string[] = [TEACHER_ID]) {
  const mailNickname = nickname();
  return createUnifiedGroupForTeam(graph, {
    displayName: `Course ${mailNickname}`,
    description: 'A course offering',
    mailNickname,
    visibility: 'Private',
    ownerUserIds: owners,
    signedInUserId: ADMIN_ID,
  });
}

beforeAll(async () => {
  const started = await startSignedInEmulator({
    now: clock.now,
    graph: { limits: 'off', teamOperationMs: 0, replicationDelayMs: 0 },
  });
  ({ emu, control } = started);
  const { token } = started;
  graph = new GraphClient({ graphUrl: emu.graphUrl, getAccessToken: async () => token, retry: { baseDelayMs: 5 } });
});

afterEach(async () => {
  await control.clearFaults();
  await control.timing({ teamOperationMs: 0, replicationDelayMs: 0 });
});

afterAll(async () => {
  await emu?.stop();
});

describe('groups', () => {
  it('looks up by mailNickname before creating, and binds the signed-in user beside the given owners', async () => {
    const mailNickname = nickname();
    expect(await findGroupByMailNickname(graph, mailNickname)).toBeNull();
    const created = await createUnifiedGroupForTeam(graph, {
      displayName: 'MED 101: Anatomy (2026)',
      mailNickname,
      visibility: 'Private',
      ownerUserIds: [TEACHER_ID],
      signedInUserId: ADMIN_ID,
    });
    expect(created).toMatchObject({ mailNickname, visibility: 'Private', hasTeam: false });
    expect((await findGroupByMailNickname(graph, mailNickname))?.id).toBe(created.id);
    const owners = await listGroupOwners(graph, created.id);
    expect(owners?.map((o) => o.id).sort()).toEqual([ADMIN_ID, TEACHER_ID].sort());
  });

  it('without owners, Microsoft makes the signed-in user the owner (group-post-groups.md example 1)', async () => {
    const group = await createUnifiedGroupForTeam(graph, {
      displayName: 'No owners given',
      mailNickname: nickname(),
      visibility: 'Private',
    });
    expect((await listGroupOwners(graph, group.id))?.map((o) => o.id)).toEqual([ADMIN_ID]);
  });

  it('after a lost answer to POST /groups: a retry is refused, the look-up adopts the group once replicated', async () => {
    await control.timing({ replicationDelayMs: 20_000 });
    await control.fault({ route: '/v1.0/groups', method: 'POST', kind: 'lost-response', count: 1 });
    const mailNickname = nickname();
    const wanted = { displayName: 'Lost', mailNickname, visibility: 'Private' as const, ownerUserIds: [TEACHER_ID] };
    await expect(createUnifiedGroupForTeam(graph, wanted)).rejects.toBeInstanceOf(GraphNetworkError);
    expect(await findGroupByMailNickname(graph, mailNickname)).toBeNull(); // still replicating
    const again = await createUnifiedGroupForTeam(graph, wanted).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(MailNicknameTakenError);
    expect((again as MailNicknameTakenError).retryAfterSeconds).toBe(60);
    await clock.sleep(20_000);
    const found = await findGroupByMailNickname(graph, mailNickname);
    expect(found?.displayName).toBe('Lost');
    const state = await control.state();
    expect(state.groups.filter((g) => g.mailNickname === mailNickname)).toHaveLength(1);
  });

  it('getGroup and listGroupOwners answer null for a group that does not exist', async () => {
    expect(await getGroup(graph, '00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await listGroupOwners(graph, '00000000-0000-4000-8000-000000000000')).toBeNull();
  });
});

describe('createTeamFromGroup', () => {
  it('retries the replication 404 three times, 10 s apart, then gets 201', async () => {
    await control.timing({ replicationDelayMs: 25_000 });
    const group = await newGroup();
    const seq = await control.lastSeq();
    const sleptBefore = clock.sleptMs;
    const { team, created } = await createTeamFromGroup(graph, group.id, { sleep: clock.sleep });
    expect(created).toBe(true);
    expect(team).toMatchObject({ id: group.id, displayName: group.displayName, isArchived: false });
    const puts = await control.requestsTo(seq, 'PUT', '/v1.0/groups/{groupId}/team');
    expect(puts.map((r) => r.status)).toEqual([404, 404, 404, 201]);
    expect(clock.sleptMs - sleptBefore).toBe(30_000);
    expect((await getGroup(graph, group.id))?.hasTeam).toBe(true);
  });

  it('gives up after the documented retries with GroupNotReplicatedError (wait 15 minutes)', async () => {
    await control.timing({ replicationDelayMs: 60_000 });
    const group = await newGroup();
    const seq = await control.lastSeq();
    const error = await createTeamFromGroup(graph, group.id, { sleep: clock.sleep }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GroupNotReplicatedError);
    expect(await control.requestsTo(seq, 'PUT', '/v1.0/groups/{groupId}/team')).toHaveLength(4);
    expect((error as GroupNotReplicatedError).retryAfterSeconds).toBe(900);
    expect((error as GroupNotReplicatedError).graph?.graphCode).toBe('NotFound');
  });

  it('treats 409 "already provisioned" as success and reads the team', async () => {
    const group = await newGroup();
    await createTeamFromGroup(graph, group.id);
    const seq = await control.lastSeq();
    const again = await createTeamFromGroup(graph, group.id);
    expect(again).toMatchObject({ created: false, team: { id: group.id } });
    const log = await control.requestsSince(seq);
    expect(log.map((r) => `${r.method} ${r.route} ${r.status}`)).toEqual([
      'PUT /v1.0/groups/{groupId}/team 409',
      'GET /v1.0/teams/{teamId} 200',
    ]);
  });

  it('refuses a group without owner with GroupHasNoOwnerError', async () => {
    const group = await newGroup();
    for (const owner of [ADMIN_ID, TEACHER_ID]) {
      await graph.request({ method: 'DELETE', path: `/groups/${group.id}/owners/${owner}/$ref` });
    }
    await expect(createTeamFromGroup(graph, group.id)).rejects.toBeInstanceOf(GroupHasNoOwnerError);
  });

  it('with a template, uses POST /teams + group@odata.bind and polls the operation', async () => {
    await control.timing({ teamOperationMs: 45_000 });
    const group = await newGroup();
    const { team, created } = await createTeamFromGroup(graph, group.id, {
      template: 'educationClass',
      sleep: clock.sleep,
    });
    expect(created).toBe(true);
    expect(team).toMatchObject({ id: group.id, specialization: 'educationClass' });
  });
});

describe('createTeam (POST /teams)', () => {
  it('polls the operation no more often than every 30 s until it succeeds', async () => {
    await control.timing({ teamOperationMs: 70_000 });
    const seq = await control.lastSeq();
    const { teamId, operation } = await createTeam(
      graph,
      { displayName: 'Standalone team', template: 'standard', visibility: 'private' },
      { sleep: clock.sleep },
    );
    expect(operation).toMatchObject({ status: 'succeeded', operationType: 'createTeam', targetResourceId: teamId });
    const polls = await control.requestsTo(seq, 'GET', '/v1.0/teams/{teamId}/operations/{operationId}');
    expect(polls).toHaveLength(3);
    const times = polls.map((p) => Date.parse(p.at));
    for (let i = 1; i < times.length; i += 1) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(30_000);
    expect((await getTeam(graph, teamId))?.displayName).toBe('Standalone team');
  });

  it('reports a failed operation (failed-operation fault) as TeamOperationFailedError', async () => {
    await control.fault({ route: '/v1.0/teams', method: 'POST', kind: 'failed-operation', count: 1 });
    const error = await createTeam(
      graph,
      { displayName: 'Doomed', template: 'standard' },
      { sleep: clock.sleep },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TeamOperationFailedError);
    expect((error as TeamOperationFailedError).operation.error?.code).toBe('GeneralException');
  });

  it('times out with TeamOperationPendingError carrying the operation, which can be polled again later', async () => {
    await control.timing({ teamOperationMs: 10 * 60_000 });
    const error = await createTeam(
      graph,
      { displayName: 'Slow team', template: 'standard' },
      { sleep: clock.sleep, timeoutMs: 60_000 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TeamOperationPendingError);
    const { started } = error as TeamOperationPendingError;
    expect(await getTeam(graph, started.teamId)).toBeNull();
    const done = await waitForTeamOperation(graph, started, { sleep: clock.sleep, pollIntervalMs: 5 * 60_000 });
    expect(done.status).toBe('succeeded');
    expect((await getTeam(graph, started.teamId))?.displayName).toBe('Slow team');
  });
});

describe('teams', () => {
  it('renames, archives and unarchives a team; a missing team is null or TeamNotFoundError', async () => {
    const group = await newGroup();
    await createTeamFromGroup(graph, group.id);
    await updateTeam(graph, group.id, { displayName: 'MED 101: Anatomy (renamed)', description: 'New' });
    expect(await getTeam(graph, group.id)).toMatchObject({
      displayName: 'MED 101: Anatomy (renamed)',
      description: 'New',
    });
    await archiveTeam(graph, group.id, { wait: { sleep: clock.sleep } });
    expect((await getTeam(graph, group.id))?.isArchived).toBe(true);
    await unarchiveTeam(graph, group.id, { wait: { sleep: clock.sleep } });
    expect((await getTeam(graph, group.id))?.isArchived).toBe(false);
    const missing = '00000000-0000-4000-8000-0000000000ff';
    expect(await getTeam(graph, missing)).toBeNull();
    await expect(updateTeam(graph, missing, { displayName: 'x' })).rejects.toBeInstanceOf(TeamNotFoundError);
    await expect(archiveTeam(graph, missing)).rejects.toBeInstanceOf(TeamNotFoundError);
  });

  it("packs several teams' look-ups and renames into one $batch envelope, each settled on its own", async () => {
    const a = await newGroup();
    const b = await newGroup();
    await createTeamFromGroup(graph, a.id);
    await createTeamFromGroup(graph, b.id);
    const seq = await control.lastSeq();
    const settled = await performBatch<unknown>(graph, [
      findGroupByMailNicknameCall('find-a', a.mailNickname ?? ''),
      findGroupByMailNicknameCall('find-none', 'no-such-course'),
      getTeamCall('team-b', b.id),
      updateTeamCall('rename-a', a.id, { displayName: 'Renamed in a batch' }),
      updateTeamCall('rename-gone', '00000000-0000-4000-8000-0000000000fe', { displayName: 'x' }),
    ]);
    const byId = new Map(settled.map((s) => [s.id, s]));
    expect(byId.get('find-a')).toMatchObject({ ok: true, value: { id: a.id } });
    expect(byId.get('find-none')).toMatchObject({ ok: true, value: null });
    expect(byId.get('team-b')).toMatchObject({ ok: true, value: { id: b.id } });
    expect(byId.get('rename-a')).toMatchObject({ ok: true });
    const gone = byId.get('rename-gone');
    expect(gone?.ok === false && gone.error).toBeInstanceOf(TeamNotFoundError);
    const envelopes = (await control.requestsSince(seq)).filter((r) => r.route === '/v1.0/$batch');
    expect(envelopes).toHaveLength(1);
    expect((await getTeam(graph, a.id))?.displayName).toBe('Renamed in a batch');
  });
});

describe('groupsDelta', () => {
  it('reports members added and removed in Teams since the last round, nothing when nothing changed', async () => {
    const group = await newGroup();
    await createTeamFromGroup(graph, group.id);
    await addMembers(graph, group.id, [{ userId: STUDENT_ID, owner: false }]);
    const first = await groupsDelta(graph, [group.id]);
    if (first.resync) throw new Error('unexpected resync');
    // A first round lists every current member as added.
    expect(first.changes).toEqual([
      { groupId: group.id, addedUserIds: [STUDENT_ID], removedUserIds: [], groupRemoved: false },
    ]);

    const quiet = await groupsDelta(graph, [group.id], first.deltaLink);
    if (quiet.resync) throw new Error('unexpected resync');
    expect(quiet.changes).toEqual([]);

    await addMembers(graph, group.id, [{ userId: RESIDENT_ID, owner: false }]);
    const added = await groupsDelta(graph, [], quiet.deltaLink);
    if (added.resync) throw new Error('unexpected resync');
    expect(added.changes).toEqual([
      { groupId: group.id, addedUserIds: [RESIDENT_ID], removedUserIds: [], groupRemoved: false },
    ]);

    await removeMembers(graph, group.id, [STUDENT_ID]);
    const removed = await groupsDelta(graph, [], added.deltaLink);
    if (removed.resync) throw new Error('unexpected resync');
    expect(removed.changes).toEqual([
      { groupId: group.id, addedUserIds: [], removedUserIds: [STUDENT_ID], groupRemoved: false },
    ]);
  });

  it('starts from now with `latest`, and answers { resync: true } for a token Microsoft no longer knows', async () => {
    const group = await newGroup();
    const latest = await groupsDelta(graph, [group.id], undefined, { latest: true });
    if (latest.resync) throw new Error('unexpected resync');
    expect(latest.changes).toEqual([]);
    const broken = latest.deltaLink.replace(/\$deltatoken=[^&]+/, '$deltatoken=not-a-token');
    expect(await groupsDelta(graph, [], broken)).toEqual({ resync: true, graphCode: 'syncStateNotFound' });
  });

  it('refuses more than 50 groups in one query', async () => {
    const ids = Array.from({ length: 51 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    await expect(groupsDelta(graph, ids)).rejects.toThrow(/1 to 50 groups/);
  });
});
