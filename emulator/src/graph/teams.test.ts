// Teams over real HTTP: async creation and polling, both creation paths, replication 404, conflicts, archive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultTestSeed, type GraphHarness, listOf, startHarness } from './test-harness.js';

let h: GraphHarness;
beforeAll(async () => {
  h = await startHarness({ seed: defaultTestSeed(5) });
});
afterAll(() => h.stop());

const STANDARD = "https://graph.microsoft.com/v1.0/teamsTemplates('standard')";

async function poll(location: string) {
  return h.graph('GET', location.replace(/^\//, '/'));
}

describe('POST /teams', () => {
  it('answers 202 with Location and Content-Location, and the operation progresses to succeeded', async () => {
    await h.control('POST', '/timing', { teamOperationMs: 3000 });
    h.freeze();
    try {
      const r = await h.graph('POST', '/teams', {
        body: {
          'template@odata.bind': STANDARD,
          displayName: 'Physiology 2026',
          description: 'PHYS',
          visibility: 'Private',
        },
      });
      expect(r.status).toBe(202);
      expect(r.empty).toBe(true);
      const location = r.headers.get('location') ?? '';
      expect(location).toMatch(/^\/teams\('[0-9a-f-]{36}'\)\/operations\('[0-9a-f-]{36}'\)$/);
      const teamId = /teams\('([^']+)'\)/.exec(location)?.[1] ?? '';
      expect(r.headers.get('content-location')).toBe(`/teams('${teamId}')`);

      const first = await poll(location);
      expect(first.body).toMatchObject({
        operationType: 'createTeam',
        status: 'notStarted',
        attemptsCount: 0,
        targetResourceId: teamId,
        targetResourceLocation: `/teams('${teamId}')`,
        error: null,
      });
      expect((await h.graph('GET', `/teams/${teamId}`)).status).toBe(404);
      h.advance(1500);
      expect((await poll(location)).body.status).toBe('inProgress');
      h.advance(1500);
      const done = await poll(location);
      expect(done.body).toMatchObject({ status: 'succeeded', attemptsCount: 1 });

      const team = await h.graph('GET', `/teams/${teamId}`);
      expect(team.status).toBe(200);
      expect(team.body).toMatchObject({
        id: teamId,
        displayName: 'Physiology 2026',
        description: 'PHYS',
        visibility: 'private',
        isArchived: false,
        specialization: 'none',
      });
      const members = await h.graph('GET', `/teams/${teamId}/members`);
      expect(members.body.value).toEqual([expect.objectContaining({ userId: h.user(0).id, roles: ['owner'] })]);
      const group = await h.graph('GET', `/groups/${teamId}`);
      expect(group.body).toMatchObject({
        mailNickname: 'Physiology2026',
        resourceProvisioningOptions: ['Team'],
        visibility: 'Private',
      });
    } finally {
      h.unfreeze();
      await h.control('POST', '/timing', { teamOperationMs: 0 });
    }
  });

  it('answers 404 ItemNotFound for an unknown team', async () => {
    const r = await h.graph('GET', '/teams/00000000-0000-0000-0000-000000000000');
    expect(r.status).toBe(404);
    expect(r.body.error).toMatchObject({
      code: 'ItemNotFound',
      message: 'No team found with Group Id 00000000-0000-0000-0000-000000000000',
    });
  });

  it('derives distinct mailNicknames for teams with the same name', async () => {
    const a = await h.createTeam('Same Name');
    const b = await h.createTeam('Same Name');
    const nickA = (await h.graph('GET', `/groups/${a}`)).body.mailNickname as string;
    const nickB = (await h.graph('GET', `/groups/${b}`)).body.mailNickname as string;
    expect(nickA).toBe('SameName');
    expect(nickB).toMatch(/^SameName\d{4}$/);
  });

  it('takes educationClass only in an education tenant', async () => {
    const edu = await h.graph('POST', '/teams', {
      body: {
        'template@odata.bind': "https://graph.microsoft.com/v1.0/teamsTemplates('educationClass')",
        displayName: 'Class',
      },
    });
    expect(edu.status).toBe(202);
    const id = /teams\('([^']+)'\)/.exec(edu.headers.get('location') ?? '')?.[1];
    expect((await h.graph('GET', `/teams/${id}`)).body).toMatchObject({
      specialization: 'educationClass',
      visibility: 'hiddenMembership',
    });
    const notEdu = await startHarness({ seed: { ...defaultTestSeed(), education: false } });
    try {
      const r = await notEdu.graph('POST', '/teams', {
        body: {
          'template@odata.bind': "https://graph.microsoft.com/v1.0/teamsTemplates('educationClass')",
          displayName: 'Class',
        },
      });
      expect(r.status).toBe(400);
    } finally {
      await notEdu.stop();
    }
  });

  it('refuses other members at creation with delegated permissions', async () => {
    const r = await h.graph('POST', '/teams', {
      body: {
        'template@odata.bind': STANDARD,
        displayName: 'With members',
        members: [
          {
            '@odata.type': '#microsoft.graph.aadUserConversationMember',
            roles: ['owner'],
            'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${h.user(1).id}')`,
          },
        ],
      },
    });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'BadRequest' });
  });

  it('needs Team.Create or Group.ReadWrite.All (Teams answers 403 Forbidden)', async () => {
    const r = await h.graph('POST', '/teams', {
      token: h.token({ scopes: ['User.ReadBasic.All', 'Team.ReadBasic.All'] }),
      body: { 'template@odata.bind': STANDARD, displayName: 'x' },
    });
    expect(r.status).toBe(403);
    expect(r.body.error).toMatchObject({ code: 'Forbidden' });
    expect((r.body.error as { message: string }).message).toContain('Team.Create');
    const teamCreateOnly = await h.graph('POST', '/teams', {
      token: h.token({ scopes: ['Team.Create'] }),
      body: { 'template@odata.bind': STANDARD, displayName: 'ok' },
    });
    expect(teamCreateOnly.status).toBe(202);
  });
});

describe('group first, then PUT /groups/{id}/team', () => {
  async function group(nick: string, owners = true) {
    const r = await h.graph('POST', '/groups', {
      body: {
        displayName: nick,
        mailNickname: nick,
        groupTypes: ['Unified'],
        mailEnabled: true,
        securityEnabled: false,
        ...(owners ? {} : { 'owners@odata.bind': [] }),
      },
    });
    return r.body.id as string;
  }

  it('404s while the group replicates, then 201s, then 409s', async () => {
    await h.control('POST', '/timing', { replicationDelayMs: 15_000 });
    try {
      const id = await group('anat-101-2026');
      const early = await h.graph('PUT', `/groups/${id}/team`, { body: {} });
      expect(early.status).toBe(404);
      expect(early.body.error).toMatchObject({ code: 'NotFound' });
      expect((early.body.error as { message: string }).message).toMatch(
        /^Failed to execute MsGraph backend request GetGroupFromIdS2SRequest/,
      );
      h.advance(15_000);
      const made = await h.graph('PUT', `/groups/${id}/team`, {
        body: { memberSettings: { allowCreateUpdateChannels: false } },
      });
      expect(made.status).toBe(201);
      expect(made.body).toMatchObject({
        id,
        displayName: 'anat-101-2026',
        memberSettings: { allowCreateUpdateChannels: false },
      });
      const again = await h.graph('PUT', `/groups/${id}/team`, { body: {} });
      expect(again.status).toBe(409);
      expect(again.body.error).toMatchObject({ code: 'Conflict' });
      expect((again.body.error as { message: string }).message).toContain('The group is already provisioned');
      expect((await h.graph('GET', `/groups/${id}/team`)).body.id).toBe(id);
      // The deterministic nickname is what the product looks teams up by.
      const lookup = await h.graph('GET', `/groups?$filter=${encodeURIComponent("mailNickname eq 'anat-101-2026'")}`);
      expect(listOf<Record<string, unknown>>(lookup)[0]).toMatchObject({
        id,
        resourceProvisioningOptions: ['Team'],
      });
    } finally {
      await h.control('POST', '/timing', { replicationDelayMs: 0 });
    }
  });

  it('400s for a group without owners', async () => {
    const id = await group('ownerless', false);
    // The caller became owner automatically; remove them through the group API (allowed: no team yet).
    expect((await h.graph('DELETE', `/groups/${id}/owners/${h.user(0).id}/$ref`)).status).toBe(204);
    const r = await h.graph('PUT', `/groups/${id}/team`, { body: {} });
    expect(r.status).toBe(400);
    expect((r.body.error as { message: string }).message).toContain(
      `Group ${id} must have one or more owners in order to create a Team.`,
    );
  });

  it('creates a team from a group with POST /teams and group@odata.bind', async () => {
    const id = await group('from-bind');
    const r = await h.graph('POST', '/teams', {
      body: { 'template@odata.bind': STANDARD, 'group@odata.bind': `https://graph.microsoft.com/v1.0/groups('${id}')` },
    });
    expect(r.status).toBe(202);
    expect(r.headers.get('content-location')).toBe(`/teams('${id}')`);
    expect((await h.graph('GET', `/teams/${id}`)).status).toBe(200);
  });
});

describe('update and archive', () => {
  it('PATCHes a team (204) and its group shows the change', async () => {
    const id = await h.createTeam('Before');
    const r = await h.graph('PATCH', `/teams/${id}`, {
      body: { displayName: 'After', description: 'New', funSettings: { allowGiphy: false } },
    });
    expect(r.status).toBe(204);
    expect((await h.graph('GET', `/teams/${id}`)).body).toMatchObject({
      displayName: 'After',
      description: 'New',
      funSettings: { allowGiphy: false },
    });
    expect((await h.graph('GET', `/groups/${id}`)).body.displayName).toBe('After');
  });

  it('archives and unarchives asynchronously', async () => {
    const id = await h.createTeam('Archive me');
    const archived = await h.graph('POST', `/teams/${id}/archive`);
    expect(archived.status).toBe(202);
    const op = await poll(archived.headers.get('location') ?? '');
    expect(op.body).toMatchObject({ operationType: 'archiveTeam', status: 'succeeded' });
    expect((await h.graph('GET', `/teams/${id}`)).body.isArchived).toBe(true);
    const state = await h.control('GET', '/state');
    expect(listOf<{ id: string; archived: boolean }>(state, 'teams').find((t) => t.id === id)?.archived).toBe(true);
    const back = await h.graph('POST', `/teams/${id}/unarchive`);
    expect((await poll(back.headers.get('location') ?? '')).body.operationType).toBe('unarchiveTeam');
    expect((await h.graph('GET', `/teams/${id}`)).body.isArchived).toBe(false);
  });

  it('lists teams', async () => {
    const id = await h.createTeam('Listed Team');
    const r = await h.graph(
      'GET',
      `/teams?$filter=${encodeURIComponent("displayName eq 'Listed Team'")}&$select=id,description`,
    );
    expect(r.body.value).toEqual([{ id, description: 'Listed Team description' }]);
  });
});
