// Groups over real HTTP: create with binds, lookup by mailNickname, replication delay, PATCH all-or-nothing, $ref.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultTestSeed, type GraphHarness, listOf, startHarness } from './test-harness.js';

let h: GraphHarness;
beforeAll(async () => {
  h = await startHarness({ seed: defaultTestSeed(25) });
});
afterAll(() => h.stop());

const bind = (id: string) => `https://graph.microsoft.com/v1.0/directoryObjects/${id}`;
const learner = (n: number) => `b0000000-0000-4000-8000-000000000${String(n).padStart(3, '0')}`;

async function createGroup(mailNickname: string, extra: Record<string, unknown> = {}) {
  return h.graph('POST', '/groups', {
    body: {
      displayName: `Group ${mailNickname}`,
      groupTypes: ['Unified'],
      mailEnabled: true,
      securityEnabled: false,
      mailNickname,
      ...extra,
    },
  });
}

describe('create', () => {
  it('creates a Unified group, the caller its owner, members bound at creation', async () => {
    const r = await createGroup('med-101-2026', { 'members@odata.bind': [bind(learner(1)), bind(learner(2))] });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      mailNickname: 'med-101-2026',
      mail: `med-101-2026@${h.emu.context.tenant.domain}`,
      groupTypes: ['Unified'],
      mailEnabled: true,
      securityEnabled: false,
      visibility: 'Public',
      resourceProvisioningOptions: [],
    });
    const id = r.body.id as string;
    const owners = await h.graph('GET', `/groups/${id}/owners`);
    expect(listOf<{ id: string }>(owners).map((u) => u.id)).toEqual([h.user(0).id]);
    const members = await h.graph('GET', `/groups/${id}/members`);
    expect(members.body.value).toHaveLength(2);
    expect(listOf<Record<string, unknown>>(members)[0]?.['@odata.type']).toBe('#microsoft.graph.user');
  });

  it('refuses more than 20 bound members and owners', async () => {
    const r = await createGroup('too-many', {
      'members@odata.bind': Array.from({ length: 21 }, (_, i) => bind(learner(i + 1))),
    });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'Request_BadRequest' });
  });

  it('refuses a nickname already used, and an invalid one', async () => {
    await createGroup('unique-nick');
    const again = await createGroup('UNIQUE-NICK');
    expect(again.status).toBe(400);
    expect(again.body.error).toMatchObject({
      code: 'Request_BadRequest',
      message: 'Another object with the same value for property proxyAddresses already exists.',
    });
    const invalid = await createGroup('has space');
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toMatchObject({
      message: "Invalid value specified for property 'mailNickname' of resource 'Group'.",
    });
  });

  it('needs mailNickname', async () => {
    const r = await h.graph('POST', '/groups', {
      body: { displayName: 'x', mailEnabled: true, securityEnabled: false },
    });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({
      message: "A value is required for property 'mailNickname' of resource 'Group'.",
    });
  });
});

describe('lookup', () => {
  it('finds a group by mailNickname and teams by resourceProvisioningOptions', async () => {
    const created = await createGroup('lookup-me');
    const found = await h.graph(
      'GET',
      `/groups?$filter=${encodeURIComponent("mailNickname eq 'lookup-me'")}&$select=id,displayName`,
    );
    expect(listOf<{ id: string }>(found).map((g) => g.id)).toEqual([created.body.id]);
    const teamId = await h.createTeam('Lookup Team');
    const teams = await h.graph(
      'GET',
      `/groups?$filter=${encodeURIComponent("resourceProvisioningOptions/Any(x:x eq 'Team')")}`,
    );
    expect(listOf<{ id: string }>(teams).map((g) => g.id)).toContain(teamId);
    expect(listOf<{ id: string }>(teams).map((g) => g.id)).not.toContain(created.body.id);
  });
});

describe('replication delay', () => {
  it('hides a new group from reads for the window, then shows it', async () => {
    await h.control('POST', '/timing', { replicationDelayMs: 5000 });
    try {
      const created = await createGroup('replicating');
      const id = created.body.id as string;
      expect((await h.graph('GET', `/groups/${id}`)).status).toBe(404);
      const byNick = await h.graph('GET', `/groups?$filter=${encodeURIComponent("mailNickname eq 'replicating'")}`);
      expect(byNick.body.value).toEqual([]);
      // Writes reach the primary at once.
      expect(
        (await h.graph('PATCH', `/groups/${id}`, { body: { description: 'written during replication' } })).status,
      ).toBe(204);
      h.advance(5000);
      const later = await h.graph('GET', `/groups/${id}`);
      expect(later.status).toBe(200);
      expect(later.body.description).toBe('written during replication');
    } finally {
      await h.control('POST', '/timing', { replicationDelayMs: 0 });
    }
  });
});

describe('PATCH', () => {
  it('adds bound members and owners, all or nothing', async () => {
    const id = (await createGroup('patch-binds')).body.id as string;
    const ok = await h.graph('PATCH', `/groups/${id}`, {
      body: {
        'members@odata.bind': [bind(learner(3))],
        'owners@odata.bind': [`https://graph.microsoft.com/v1.0/users('${h.user(1).userPrincipalName}')`],
      },
    });
    expect(ok.status).toBe(204);
    const dup = await h.graph('PATCH', `/groups/${id}`, {
      body: { 'members@odata.bind': [bind(learner(4)), bind(learner(3))] },
    });
    expect(dup.status).toBe(400);
    expect(dup.body.error).toMatchObject({
      code: 'Request_BadRequest',
      message: "One or more added object references already exist for the following modified properties: 'members'.",
    });
    const unknown = await h.graph('PATCH', `/groups/${id}`, {
      body: { 'members@odata.bind': [bind(learner(5)), bind('00000000-0000-0000-0000-00000000dead')] },
    });
    expect(unknown.status).toBe(404);
    const members = await h.graph('GET', `/groups/${id}/members`);
    // Neither learner 4 nor learner 5 was added: the failed PATCHes changed nothing.
    expect(listOf<{ id: string }>(members).map((u) => u.id)).toEqual([learner(3)]);
    const owners = await h.graph('GET', `/groups/${id}/owners`);
    expect(
      listOf<{ id: string }>(owners)
        .map((u) => u.id)
        .sort(),
    ).toEqual([h.user(0).id, h.user(1).id].sort());
  });

  it('renames and deletes', async () => {
    const id = (await createGroup('rename-me')).body.id as string;
    expect((await h.graph('PATCH', `/groups/${id}`, { body: { displayName: 'Renamed' } })).status).toBe(204);
    expect((await h.graph('GET', `/groups/${id}`)).body.displayName).toBe('Renamed');
    expect((await h.graph('DELETE', `/groups/${id}`)).status).toBe(204);
    expect((await h.graph('GET', `/groups/${id}`)).status).toBe(404);
  });
});

describe('$ref', () => {
  it('adds a member once; a second add is the documented 400; removing twice is 404', async () => {
    const id = (await createGroup('refs')).body.id as string;
    const add = () => h.graph('POST', `/groups/${id}/members/$ref`, { body: { '@odata.id': bind(learner(7)) } });
    expect((await add()).status).toBe(204);
    const again = await add();
    expect(again.status).toBe(400);
    expect(again.body.error).toMatchObject({
      code: 'Request_BadRequest',
      message: "One or more added object references already exist for the following modified properties: 'members'.",
    });
    expect((await h.graph('DELETE', `/groups/${id}/members/${learner(7)}/$ref`)).status).toBe(204);
    const gone = await h.graph('DELETE', `/groups/${id}/members/${learner(7)}/$ref`);
    expect(gone.status).toBe(404);
    expect(gone.body.error).toMatchObject({ code: 'Request_ResourceNotFound' });
  });

  it('never removes the last owner of a team', async () => {
    const teamId = await h.createTeam('Last Owner Group API');
    const r = await h.graph('DELETE', `/groups/${teamId}/owners/${h.user(0).id}/$ref`);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({
      code: 'Request_BadRequest',
      message: 'The group must have at least one owner, hence this owner cannot be removed.',
    });
    expect(
      (await h.graph('POST', `/groups/${teamId}/owners/$ref`, { body: { '@odata.id': bind(h.user(1).id) } })).status,
    ).toBe(204);
    expect((await h.graph('DELETE', `/groups/${teamId}/owners/${h.user(0).id}/$ref`)).status).toBe(204);
  });

  it('needs a group-write scope', async () => {
    const id = (await createGroup('scoped')).body.id as string;
    const r = await h.graph('POST', `/groups/${id}/members/$ref`, {
      token: h.token({ scopes: ['Team.Create', 'User.ReadBasic.All'] }),
      body: { '@odata.id': bind(learner(9)) },
    });
    expect(r.status).toBe(403);
    expect(r.body.error).toMatchObject({ code: 'Authorization_RequestDenied' });
  });
});
