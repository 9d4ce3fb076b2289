// groups/delta over real HTTP: the first round, member additions and removals, no-change rounds, paging, limits and
// token errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultTestSeed, type GraphHarness, listOf, startHarness } from './test-harness.js';

let h: GraphHarness;
beforeAll(async () => {
  h = await startHarness({ seed: defaultTestSeed(10) });
});
afterAll(() => h.stop());

const learner = (n: number) => `b0000000-0000-4000-8000-000000000${String(n).padStart(3, '0')}`;
const memberOf = (n: number) => ({
  '@odata.type': 'microsoft.graph.aadUserConversationMember',
  roles: [],
  'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${learner(n)}')`,
});
const filterFor = (...ids: string[]) => encodeURIComponent(ids.map((id) => `id eq '${id}'`).join(' or '));

async function round(url: string) {
  const items: Array<Record<string, unknown>> = [];
  let next: string | undefined = url;
  let deltaLink = '';
  while (next) {
    const r = await h.graph('GET', next);
    expect(r.status).toBe(200);
    items.push(...listOf<Record<string, unknown>>(r));
    next = r.body['@odata.nextLink'] as string | undefined;
    deltaLink = (r.body['@odata.deltaLink'] as string | undefined) ?? deltaLink;
  }
  return { items, deltaLink };
}

describe('groups/delta', () => {
  it('tracks members added and removed, and answers value [] when nothing changed', async () => {
    const a = await h.createTeam('Delta A');
    const b = await h.createTeam('Delta B');
    await h.createTeam('Not tracked');
    await h.graph('POST', `/teams/${a}/members/add`, { body: { values: [memberOf(1), memberOf(2)] } });

    const first = await round(`/groups/delta?$select=displayName,members&$filter=${filterFor(a, b)}`);
    expect(first.items.map((g) => g.id).sort()).toEqual([a, b].sort());
    const groupA = first.items.find((g) => g.id === a);
    expect(groupA?.displayName).toBe('Delta A');
    expect(((groupA?.['members@delta'] ?? []) as Array<{ id: string }>).map((m) => m.id).sort()).toEqual(
      [h.user(0).id, learner(1), learner(2)].sort(),
    );
    expect(first.deltaLink).toMatch(/\/groups\/delta\?\$deltatoken=/);

    const quiet = await h.graph('GET', first.deltaLink);
    expect(quiet.body.value).toEqual([]);
    expect(quiet.body['@odata.deltaLink']).toBeTruthy();

    await h.graph('POST', `/teams/${a}/members/add`, { body: { values: [memberOf(3)] } });
    await h.graph('POST', `/teams/${a}/members/remove`, { body: { values: [memberOf(1)] } });
    const changed = await h.graph('GET', quiet.body['@odata.deltaLink'] as string);
    expect(changed.body.value).toEqual([
      {
        id: a,
        displayName: 'Delta A',
        'members@delta': [
          { '@odata.type': '#microsoft.graph.user', id: learner(3) },
          { '@odata.type': '#microsoft.graph.user', id: learner(1), '@removed': { reason: 'deleted' } },
        ],
      },
    ]);
  });

  it('pages a round with Prefer: odata.maxpagesize', async () => {
    const ids = [await h.createTeam('Page 1'), await h.createTeam('Page 2'), await h.createTeam('Page 3')];
    const first = await h.graph('GET', `/groups/delta?$select=displayName&$filter=${filterFor(...ids)}`, {
      headers: { prefer: 'odata.maxpagesize=2' },
    });
    expect(first.body.value).toHaveLength(2);
    expect(first.body['@odata.nextLink']).toMatch(/\$skiptoken=/);
    const second = await h.graph('GET', first.body['@odata.nextLink'] as string, {
      headers: { prefer: 'odata.maxpagesize=2' },
    });
    expect(second.body.value).toHaveLength(1);
    expect(second.body['@odata.deltaLink']).toBeTruthy();
  });

  it('takes at most 50 ids in the filter', async () => {
    const ids = Array.from({ length: 51 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const r = await h.graph('GET', `/groups/delta?$select=members&$filter=${filterFor(...ids)}`);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'Request_UnsupportedQuery' });
  });

  it('starts from now with $deltatoken=latest', async () => {
    const r = await h.graph('GET', '/groups/delta?$deltatoken=latest');
    expect(r.body.value).toEqual([]);
    const id = await h.createTeam('After latest');
    const next = await h.graph('GET', r.body['@odata.deltaLink'] as string);
    expect(listOf<{ id: string }>(next).map((g) => g.id)).toContain(id);
  });

  it('answers syncStateNotFound for an unknown or week-old token, resyncRequired after a reset', async () => {
    const bad = await h.graph('GET', '/groups/delta?$deltatoken=made-up');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      code: 'syncStateNotFound',
      message:
        'The sync state generation is not found. The delta token is expired and data must be synchronized again.',
    });

    const { deltaLink } = await round('/groups/delta?$select=displayName');
    h.advance(8 * 24 * 3600 * 1000);
    expect((await h.graph('GET', deltaLink)).status).toBe(400);

    const fresh = await round('/groups/delta?$select=displayName');
    await h.control('POST', '/reset');
    const afterReset = await h.graph('GET', fresh.deltaLink);
    expect(afterReset.status).toBe(410);
    expect(afterReset.body.error).toMatchObject({ code: 'resyncRequired' });
  });
});
