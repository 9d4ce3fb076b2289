// $batch over real HTTP: limits and malformed batches, dependsOn and 424, inner auth / scopes / throttling / faults.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type GraphHarness, type GraphReply, listOf, startHarness } from './test-harness.js';

let h: GraphHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
afterEach(async () => {
  await h.control('DELETE', '/faults');
  await h.control('POST', '/limits', 'off');
  h.unfreeze();
});

type Inner = { id: string; status: number; headers: Record<string, string>; body?: Record<string, unknown> };
const byId = (r: GraphReply) => new Map(listOf<Inner>(r, 'responses').map((x) => [x.id, x]));
const STANDARD = "https://graph.microsoft.com/v1.0/teamsTemplates('standard')";

describe('shape and limits', () => {
  it('answers every inner request, relative urls with or without a leading slash', async () => {
    const r = await h.graph('POST', '/$batch', {
      body: {
        requests: [
          { id: '1', method: 'GET', url: '/me' },
          { id: '2', method: 'GET', url: `users?$filter=${encodeURIComponent(`mail eq '${h.user(1).mail}'`)}` },
          { id: '3', method: 'GET', url: '/users/nobody@example.com' },
        ],
      },
    });
    expect(r.status).toBe(200);
    const answers = byId(r);
    expect([...answers.keys()].sort()).toEqual(['1', '2', '3']);
    expect(answers.get('1')?.status).toBe(200);
    expect(answers.get('1')?.body?.id).toBe(h.user(0).id);
    expect(answers.get('2')?.body?.value).toHaveLength(1);
    expect(answers.get('3')?.status).toBe(404);
    expect(answers.get('3')?.body?.error).toMatchObject({ code: 'Request_ResourceNotFound' });
  });

  it.each([
    [
      'more than 20 requests',
      { requests: Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' })) },
    ],
    [
      'duplicate ids',
      {
        requests: [
          { id: '1', method: 'GET', url: '/me' },
          { id: '1', method: 'GET', url: '/me' },
        ],
      },
    ],
    ['a body without Content-Type', { requests: [{ id: '1', method: 'POST', url: '/groups', body: {} }] }],
    ['an absolute url', { requests: [{ id: '1', method: 'GET', url: 'https://graph.microsoft.com/v1.0/me' }] }],
    ['an unknown dependency', { requests: [{ id: '1', method: 'GET', url: '/me', dependsOn: ['9'] }] }],
    [
      'a dependency cycle',
      {
        requests: [
          { id: '1', method: 'GET', url: '/me', dependsOn: ['2'] },
          { id: '2', method: 'GET', url: '/me', dependsOn: ['1'] },
        ],
      },
    ],
    ['no requests array', { nope: [] }],
  ])('refuses %s with 400', async (_name, body) => {
    const r = await h.graph('POST', '/$batch', { body });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'BadRequest' });
  });

  it('accepts exactly 20', async () => {
    const r = await h.graph('POST', '/$batch', {
      body: { requests: Array.from({ length: 20 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' })) },
    });
    expect(r.status).toBe(200);
    expect(r.body.responses).toHaveLength(20);
  });
});

describe('dependsOn', () => {
  it('runs dependents after their dependency, and answers 424 when it failed', async () => {
    const team = await h.createTeam('Batch deps');
    const r = await h.graph('POST', '/$batch', {
      body: {
        requests: [
          {
            id: 'rename',
            method: 'PATCH',
            url: `/teams/${team}`,
            headers: { 'Content-Type': 'application/json' },
            body: { displayName: 'Renamed in batch' },
          },
          { id: 'read', method: 'GET', url: `/teams/${team}`, dependsOn: ['rename'] },
          { id: 'bad', method: 'GET', url: '/groups/00000000-0000-0000-0000-000000000000' },
          { id: 'after-bad', method: 'GET', url: '/me', dependsOn: ['bad'] },
        ],
      },
    });
    const answers = byId(r);
    expect(answers.get('rename')?.status).toBe(204);
    expect(answers.get('read')?.body?.displayName).toBe('Renamed in batch');
    expect(answers.get('bad')?.status).toBe(404);
    expect(answers.get('after-bad')?.status).toBe(424);
  });
});

describe('each inner request on its own', () => {
  it('throttles inner requests with Retry-After in their own headers', async () => {
    await h.control('POST', '/limits', { enabled: true, teams: { createTeamPerWindow: 2 } });
    h.freeze();
    const requests = [1, 2, 3].map((i) => ({
      id: String(i),
      method: 'POST',
      url: '/teams',
      headers: { 'content-type': 'application/json' },
      body: { 'template@odata.bind': STANDARD, displayName: `Batch team ${i}` },
    }));
    const r = await h.graph('POST', '/$batch', { body: { requests } });
    expect(r.status).toBe(200);
    const statuses = listOf<Inner>(r, 'responses')
      .map((x) => x.status)
      .sort();
    expect(statuses).toEqual([202, 202, 429]);
    const throttled = listOf<Inner>(r, 'responses').find((x) => x.status === 429);
    expect(throttled?.headers['Retry-After']).toBe('1');
    expect(throttled?.body?.error).toMatchObject({ code: 'TooManyRequests' });
    const accepted = listOf<Inner>(r, 'responses').find((x) => x.status === 202);
    expect(accepted?.headers.Location).toMatch(/^\/teams\('/);
    const log = await h.control('GET', '/requests');
    const inner = listOf<{ batch?: { id: string }; throttled: boolean }>(log, 'requests').filter((e) => e.batch);
    expect(inner.filter((e) => e.throttled)).toHaveLength(1);
  });

  it('checks scopes per inner request', async () => {
    const r = await h.graph('POST', '/$batch', {
      token: h.token({ scopes: ['User.ReadBasic.All'] }),
      body: {
        requests: [
          { id: 'me', method: 'GET', url: '/me' },
          { id: 'groups', method: 'GET', url: '/groups' },
        ],
      },
    });
    const answers = byId(r);
    expect(answers.get('me')?.status).toBe(200);
    expect(answers.get('groups')?.status).toBe(403);
  });

  it('applies a status fault to the inner request only', async () => {
    await h.control('POST', '/faults', { route: '/v1.0/users/*', kind: 'status', status: 503, retryAfterSeconds: 7 });
    const r = await h.graph('POST', '/$batch', {
      body: {
        requests: [
          { id: 'a', method: 'GET', url: `/users/${h.user(1).id}` },
          { id: 'b', method: 'GET', url: '/me' },
        ],
      },
    });
    const answers = byId(r);
    expect(answers.get('a')?.status).toBe(503);
    expect(answers.get('a')?.headers['Retry-After']).toBe('7');
    expect(answers.get('b')?.status).toBe(200);
  });

  it('drops the whole batch connection on an inner lost response, after applying the change', async () => {
    const team = await h.createTeam('Lost in batch');
    await h.control('POST', '/faults', { route: '/v1.0/teams/*', method: 'PATCH', kind: 'lost-response' });
    await expect(
      h.graph('POST', '/$batch', {
        body: {
          requests: [
            {
              id: 'x',
              method: 'PATCH',
              url: `/teams/${team}`,
              headers: { 'content-type': 'application/json' },
              body: { displayName: 'Applied anyway' },
            },
          ],
        },
      }),
    ).rejects.toThrow();
    expect((await h.graph('GET', `/teams/${team}`)).body.displayName).toBe('Applied anyway');
  });
});
