// Team members over real HTTP: list, add one, members/add (200 / 207), members/remove (204 / 207), roles,
// last-owner protection, opaque ids, and the one model shared with the group API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultTestSeed, type GraphHarness, listOf, startHarness } from './test-harness.js';

let h: GraphHarness;
beforeAll(async () => {
  h = await startHarness({ seed: defaultTestSeed(30) });
});
afterAll(() => h.stop());

const learner = (n: number) => `b0000000-0000-4000-8000-000000000${String(n).padStart(3, '0')}`;
const userBind = (key: string) => `https://graph.microsoft.com/v1.0/users('${key}')`;
const value = (key: string, roles: string[] = []) => ({
  '@odata.type': 'microsoft.graph.aadUserConversationMember',
  roles,
  'user@odata.bind': userBind(key),
});
type Member = { id: string; userId: string; roles: string[] };

async function members(teamId: string): Promise<Member[]> {
  return (await h.graph('GET', `/teams/${teamId}/members?$top=999`)).body.value as Member[];
}

describe('add', () => {
  it('adds one member (201) with an opaque membership id', async () => {
    const teamId = await h.createTeam('Add one');
    const r = await h.graph('POST', `/teams/${teamId}/members`, { body: value(learner(1)) });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      '@odata.type': '#microsoft.graph.aadUserConversationMember',
      userId: learner(1),
      roles: [],
      displayName: 'Learner 001',
    });
    const id = r.body.id as string;
    expect(id).not.toContain(learner(1));
    expect(Buffer.from(id, 'base64').toString('latin1')).not.toContain(learner(1));
    expect((await h.graph('GET', `/teams/${teamId}/members/${encodeURIComponent(id)}`)).body.userId).toBe(learner(1));
  });

  it('adds in bulk: 200 when all succeed, by id or userPrincipalName', async () => {
    const teamId = await h.createTeam('Bulk add');
    const r = await h.graph('POST', `/teams/${teamId}/members/add`, {
      body: { values: [value(learner(2)), value(`learner003@${h.emu.context.tenant.domain}`, ['owner'])] },
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      '@odata.context': `${h.graphBase}/$metadata#Collection(microsoft.graph.aadUserConversationMemberResult)`,
      value: [
        { '@odata.type': '#microsoft.graph.aadUserConversationMemberResult', userId: learner(2), error: null },
        { '@odata.type': '#microsoft.graph.aadUserConversationMemberResult', userId: learner(3), error: null },
      ],
    });
    expect((await members(teamId)).find((m) => m.userId === learner(3))?.roles).toEqual(['owner']);
  });

  it('answers 207 with an error for each unknown user, adding the others', async () => {
    const teamId = await h.createTeam('Partial add');
    const ghost = '00000000-0000-4000-8000-00000000dead';
    const r = await h.graph('POST', `/teams/${teamId}/members/add`, {
      body: { values: [value(learner(4)), value(ghost)] },
    });
    expect(r.status).toBe(207);
    expect(r.body.value).toEqual([
      { '@odata.type': '#microsoft.graph.aadUserConversationMemberResult', userId: learner(4), error: null },
      {
        '@odata.type': '#microsoft.graph.aadUserConversationMemberResult',
        userId: ghost,
        error: { code: 'NotFound', message: 'Could not find resource' },
      },
    ]);
    expect((await members(teamId)).map((m) => m.userId)).toContain(learner(4));
  });

  it('takes at most 200 values', async () => {
    const teamId = await h.createTeam('Too many');
    const r = await h.graph('POST', `/teams/${teamId}/members/add`, {
      body: { values: Array.from({ length: 201 }, () => value(learner(1))) },
    });
    expect(r.status).toBe(400);
  });

  it('needs TeamMember.ReadWrite.All (Group.ReadWrite.All is not enough)', async () => {
    const teamId = await h.createTeam('Scopes');
    const r = await h.graph('POST', `/teams/${teamId}/members/add`, {
      token: h.token({ scopes: ['Group.ReadWrite.All'] }),
      body: { values: [value(learner(1))] },
    });
    expect(r.status).toBe(403);
    expect(r.body.error).toMatchObject({ code: 'Forbidden' });
  });
});

describe('list', () => {
  it('pages with $top and filters as the docs examples do', async () => {
    const teamId = await h.createTeam('List');
    await h.graph('POST', `/teams/${teamId}/members/add`, {
      body: { values: [5, 6, 7, 8, 9].map((n) => value(learner(n))) },
    });
    const ids: string[] = [];
    let url: string | undefined = `/teams/${teamId}/members?$top=2`;
    while (url) {
      const r = await h.graph('GET', url);
      expect(r.body['@odata.count']).toBe(6);
      ids.push(...listOf<Member>(r).map((m) => m.userId));
      url = r.body['@odata.nextLink'] as string | undefined;
    }
    expect(ids).toHaveLength(6);
    const filter = `(microsoft.graph.aadUserConversationMember/userId eq '${learner(7)}')`;
    const one = await h.graph('GET', `/teams/${teamId}/members?$filter=${encodeURIComponent(filter)}`);
    expect(listOf<Member>(one).map((m) => m.userId)).toEqual([learner(7)]);
    const owners = await h.graph(
      'GET',
      `/teams/${teamId}/members?$filter=${encodeURIComponent("roles/any(r:r eq 'owner')")}&$select=userId`,
    );
    expect(owners.body.value).toEqual([
      { '@odata.type': '#microsoft.graph.aadUserConversationMember', id: expect.any(String), userId: h.user(0).id },
    ]);
  });
});

describe('remove and roles', () => {
  it('removes in bulk: 204 when all go, 207 with results otherwise, at most 20', async () => {
    const teamId = await h.createTeam('Bulk remove');
    await h.graph('POST', `/teams/${teamId}/members/add`, {
      body: { values: [10, 11, 12].map((n) => value(learner(n))) },
    });
    const all = await h.graph('POST', `/teams/${teamId}/members/remove`, {
      body: { values: [value(learner(10)), value(learner(11))] },
    });
    expect(all.status).toBe(204);
    const partial = await h.graph('POST', `/teams/${teamId}/members/remove`, {
      body: { values: [value(learner(12)), value(learner(13))] },
    });
    expect(partial.status).toBe(207);
    expect(partial.body.value).toEqual([
      { '@odata.type': '#microsoft.graph.aadUserConversationMemberResult', userId: learner(12), error: null },
      {
        '@odata.type': '#microsoft.graph.aadUserConversationMemberResult',
        userId: learner(13),
        error: { code: 'NotFound', message: 'Could not find resource' },
      },
    ]);
    expect((await members(teamId)).map((m) => m.userId)).toEqual([h.user(0).id]);
    const tooMany = await h.graph('POST', `/teams/${teamId}/members/remove`, {
      body: { values: Array.from({ length: 21 }, () => value(learner(1))) },
    });
    expect(tooMany.status).toBe(400);
  });

  it('logs who each write took out of the team, also when the answer is lost', async () => {
    const teamId = await h.createTeam('Removal log');
    await h.graph('POST', `/teams/${teamId}/members/add`, {
      body: { values: [15, 16, 17].map((n) => value(learner(n))) },
    });
    await h.control('POST', '/faults', { route: '/v1.0/teams/*/members/remove', kind: 'lost-response', count: 1 });
    const seq = listOf<{ seq: number }>(await h.control('GET', '/requests'), 'requests').at(-1)?.seq ?? 0;
    await h
      .graph('POST', `/teams/${teamId}/members/remove`, { body: { values: [value(learner(15))] } })
      .catch(() => null);
    const one = (await members(teamId)).find((m) => m.userId === learner(16)) as Member;
    await h.graph('DELETE', `/teams/${teamId}/members/${encodeURIComponent(one.id)}`);
    await h.graph('POST', `/teams/${teamId}/members/add`, { body: { values: [value(learner(18))] } });
    const log = listOf<{ seq: number; method: string; removed?: unknown }>(
      await h.control('GET', `/requests?since=${seq}`),
      'requests',
    );
    const writes = log.filter((e) => e.method !== 'GET');
    expect(writes.map((e) => [e.method, e.removed ?? null])).toEqual([
      ['POST', { groupId: teamId, userIds: [learner(15)] }],
      ['DELETE', { groupId: teamId, userIds: [learner(16)] }],
      ['POST', null],
    ]);
  });

  it('never lets a team lose its last owner', async () => {
    const teamId = await h.createTeam('Last owner');
    const owner = (await members(teamId))[0] as Member;
    const del = await h.graph('DELETE', `/teams/${teamId}/members/${encodeURIComponent(owner.id)}`);
    expect(del.status).toBe(400);
    expect(del.body.error).toMatchObject({ code: 'BadRequest' });
    const demote = await h.graph('PATCH', `/teams/${teamId}/members/${encodeURIComponent(owner.id)}`, {
      body: { '@odata.type': '#microsoft.graph.aadUserConversationMember', roles: [] },
    });
    expect(demote.status).toBe(400);
    const bulk = await h.graph('POST', `/teams/${teamId}/members/remove`, { body: { values: [value(owner.userId)] } });
    expect(bulk.status).toBe(207);
    expect(listOf<{ error: { code: string } }>(bulk)[0]?.error.code).toBe('BadRequest');

    // With a second owner, the first may step down and then leave.
    const added = await h.graph('POST', `/teams/${teamId}/members`, { body: value(learner(14), ['owner']) });
    expect(added.body.roles).toEqual(['owner']);
    const stepDown = await h.graph('PATCH', `/teams/${teamId}/members/${encodeURIComponent(owner.id)}`, {
      body: { roles: [] },
    });
    expect(stepDown.status).toBe(200);
    expect(stepDown.body.roles).toEqual([]);
    expect((await h.graph('DELETE', `/teams/${teamId}/members/${encodeURIComponent(owner.id)}`)).status).toBe(204);
    expect((await members(teamId)).map((m) => [m.userId, m.roles])).toEqual([[learner(14), ['owner']]]);
  });

  it('shares one model with the group API', async () => {
    const teamId = await h.createTeam('One model');
    await h.graph('POST', `/teams/${teamId}/members`, { body: value(learner(15), ['owner']) });
    const owners = await h.graph('GET', `/groups/${teamId}/owners`);
    expect(listOf<{ id: string }>(owners).map((u) => u.id)).toContain(learner(15));
    await h.graph('POST', `/groups/${teamId}/members/$ref`, {
      body: { '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${learner(16)}` },
    });
    expect((await members(teamId)).find((m) => m.userId === learner(16))?.roles).toEqual([]);
    const state = await h.control('GET', '/state');
    const team = listOf<{ id: string; members: Array<{ userId: string; roles: string[] }> }>(state, 'teams').find(
      (t) => t.id === teamId,
    );
    expect(team?.members).toContainEqual(expect.objectContaining({ userId: learner(15), roles: ['owner'] }));
  });

  it('404s members of a team that does not exist', async () => {
    const r = await h.graph('GET', '/teams/00000000-0000-0000-0000-000000000000/members');
    expect(r.status).toBe(404);
  });
});
