// The behaviour layer over real HTTP: documented throttling with Retry-After, latency, every fault kind (Graph and
// identity routes), the request log, the state and reset.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type GraphHarness, listOf, startHarness } from '../graph/test-harness.js';

let h: GraphHarness;
beforeAll(async () => {
  h = await startHarness({ graph: { limits: 'documented' } });
});
afterAll(() => h.stop());
afterEach(async () => {
  h.unfreeze();
  await h.control('DELETE', '/faults');
  await h.control('POST', '/limits', 'documented');
  await h.control('POST', '/latency', { ms: 0 });
});

const STANDARD = "https://graph.microsoft.com/v1.0/teamsTemplates('standard')";
const newTeam = (displayName: string) =>
  h.graph('POST', '/teams', { body: { 'template@odata.bind': STANDARD, displayName } });
const event = {
  subject: 's',
  start: { dateTime: '2026-09-14T08:30:00', timeZone: 'UTC' },
  end: { dateTime: '2026-09-14T09:30:00', timeZone: 'UTC' },
};

describe('throttling at the documented limits', () => {
  it('POST /teams: 10 per second per app, then 429 TooManyRequests with Retry-After', async () => {
    h.freeze();
    const statuses = [];
    for (let i = 0; i < 11; i += 1) statuses.push((await newTeam(`Rate ${i}`)).status);
    expect(statuses).toEqual([...Array(10).fill(202), 429]);
    const throttled = await newTeam('Rate 11');
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('1');
    expect(throttled.body.error).toMatchObject({ code: 'TooManyRequests' });
    h.advance(1000);
    expect((await newTeam('After waiting')).status).toBe(202);
  });

  it('4 requests per second per app on one team, whatever the route', async () => {
    const ok = await newTeam('Per team');
    const id = /teams\('([^']+)'\)/.exec(ok.headers.get('location') ?? '')?.[1];
    h.freeze();
    h.advance(1000);
    const results = [];
    for (const path of [`/teams/${id}`, `/teams/${id}/members`, `/teams/${id}`, `/teams/${id}/members`, `/teams/${id}`])
      results.push((await h.graph('GET', path)).status);
    expect(results).toEqual([200, 200, 200, 200, 429]);
  });

  it('directory: resource units per 10 s, with x-ms-resource-unit and throttle headers', async () => {
    await h.control('POST', '/limits', { directory: { resourceUnits: 6 } });
    h.freeze();
    const first = await h.graph('GET', '/users');
    expect(first.headers.get('x-ms-resource-unit')).toBe('2');
    expect((await h.graph('GET', '/users')).status).toBe(200);
    const third = await h.graph('GET', '/users');
    expect(third.status).toBe(200);
    expect(third.headers.get('x-ms-throttle-limit-percentage')).toBe('1.0');
    const fourth = await h.graph('GET', '/users');
    expect(fourth.status).toBe(429);
    expect(fourth.headers.get('retry-after')).toBe('10');
    expect(fourth.headers.get('x-ms-throttle-scope')).toBe(
      `Tenant_Application/ReadWrite/${h.emu.context.tenant.apps[0]?.clientId}/${h.emu.context.tenant.tenantId}`,
    );
    expect(fourth.headers.get('x-ms-throttle-information')).toBe('ResourceUnitLimitExceeded');
    // $select lowers the cost by one.
    h.advance(10_000);
    expect((await h.graph('GET', '/users?$select=id')).headers.get('x-ms-resource-unit')).toBe('1');
  });

  it('Outlook: a 5th concurrent request to one group calendar is 429 with Retry-After', async () => {
    const created = await newTeam('Calendar load');
    const id = /teams\('([^']+)'\)/.exec(created.headers.get('location') ?? '')?.[1];
    await h.control('POST', '/latency', { ms: 300 });
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => h.graph('POST', `/groups/${id}/events`, { body: event })),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 201, 201, 201, 429]);
    const throttled = answers.find((a) => a.status === 429);
    expect(throttled?.headers.get('retry-after')).toBe('1');
    expect(throttled?.body.error).toMatchObject({
      code: 'ApplicationThrottled',
      message: 'Application is over its MailboxConcurrency limit.',
    });
  });

  it('Outlook: 10,000 requests per 10 minutes per mailbox (scaled down)', async () => {
    const created = await newTeam('Calendar rate');
    const id = /teams\('([^']+)'\)/.exec(created.headers.get('location') ?? '')?.[1];
    await h.control('POST', '/limits', { outlook: { requests: 2 } });
    h.freeze();
    expect((await h.graph('GET', `/groups/${id}/events`)).status).toBe(200);
    expect((await h.graph('GET', `/groups/${id}/events`)).status).toBe(200);
    const third = await h.graph('GET', `/groups/${id}/events`);
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('600');
  });

  it('can be turned off and scaled through the control API', async () => {
    const off = await h.control('POST', '/limits', { enabled: false });
    expect((off.body.limits as { enabled: boolean }).enabled).toBe(false);
    h.freeze();
    for (let i = 0; i < 12; i += 1) expect((await newTeam(`Unlimited ${i}`)).status).toBe(202);
    await h.control('POST', '/limits', { enabled: true, scale: 0.2 });
    h.advance(1000);
    expect((await newTeam('Scaled 1')).status).toBe(202);
    expect((await newTeam('Scaled 2')).status).toBe(202);
    expect((await newTeam('Scaled 3')).status).toBe(429);
    expect((await h.control('POST', '/limits', { teams: { nope: 1 } })).status).toBe(400);
  });
});

describe('latency', () => {
  it('delays every Graph answer by the configured time', async () => {
    await h.control('POST', '/latency', { ms: 200 });
    const started = performance.now();
    expect((await h.graph('GET', '/me')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });
});

describe('faults', () => {
  it.each([
    [429, 'TooManyRequests'],
    [500, 'GeneralException'],
    [503, 'serviceNotAvailable'],
    [504, 'GatewayTimeout'],
  ])('status %i answers in Graph error shape, with Retry-After when given', async (status, code) => {
    await h.control('POST', '/faults', { route: '/v1.0/me', kind: 'status', status, retryAfterSeconds: 3 });
    const r = await h.graph('GET', '/me');
    expect(r.status).toBe(status);
    expect(r.headers.get('retry-after')).toBe('3');
    expect(r.body.error).toMatchObject({ code, innerError: { 'request-id': expect.any(String) } });
  });

  it('fires on the nth match, or a seeded share of matches, within a count', async () => {
    await h.control('POST', '/faults', { route: '/v1.0/users/**', kind: 'status', status: 503, nth: 3 });
    const nth = [];
    for (let i = 0; i < 5; i += 1) nth.push((await h.graph('GET', `/users/${h.user(1).id}`)).status);
    expect(nth).toEqual([200, 200, 503, 200, 200]);
    await h.control('DELETE', '/faults');
    const pattern = async () => {
      await h.control('DELETE', '/faults');
      await h.control('POST', '/faults', {
        route: '/v1.0/me',
        kind: 'status',
        status: 500,
        rate: 0.5,
        seed: 99,
        count: 4,
      });
      const out = [];
      for (let i = 0; i < 16; i += 1) out.push((await h.graph('GET', '/me')).status);
      return out;
    };
    const first = await pattern();
    expect(await pattern()).toEqual(first);
    expect(first.filter((s) => s === 500)).toHaveLength(4);
  });

  it('reset destroys the connection and changes nothing', async () => {
    await h.control('POST', '/faults', { route: '/v1.0/teams', method: 'POST', kind: 'reset' });
    await expect(newTeam('Never made')).rejects.toThrow();
    const state = await h.control('GET', '/state');
    expect(JSON.stringify(state.body)).not.toContain('Never made');
  });

  it('timeout holds the connection, then drops it, and changes nothing', async () => {
    await h.control('POST', '/faults', { route: '/v1.0/teams', method: 'POST', kind: 'timeout', holdSeconds: 0.4 });
    const started = performance.now();
    await expect(newTeam('Timed out')).rejects.toThrow();
    expect(performance.now() - started).toBeGreaterThanOrEqual(380);
    expect(JSON.stringify((await h.control('GET', '/state')).body)).not.toContain('Timed out');
  });

  it('lost-response applies the change, then drops the connection', async () => {
    await h.control('POST', '/faults', { route: '/v1.0/teams', method: 'POST', kind: 'lost-response' });
    await expect(newTeam('Made but unanswered')).rejects.toThrow();
    const state = await h.control('GET', '/state');
    expect(listOf<{ displayName: string }>(state, 'teams').map((t) => t.displayName)).toContain('Made but unanswered');
  });

  it('failed-operation ends the team operation in failed; the group stays, without a team', async () => {
    await h.control('POST', '/faults', { route: '/v1.0/teams', method: 'POST', kind: 'failed-operation' });
    const r = await newTeam('Doomed');
    expect(r.status).toBe(202);
    const id = /teams\('([^']+)'\)/.exec(r.headers.get('location') ?? '')?.[1] ?? '';
    const op = await h.graph('GET', r.headers.get('location') ?? '');
    expect(op.body).toMatchObject({
      status: 'failed',
      error: { code: 'GeneralException', message: expect.stringContaining('CreateTeamFromGroupWithTemplateRequest') },
    });
    expect((await h.graph('GET', `/teams/${id}`)).status).toBe(404);
    const state = await h.control('GET', '/state');
    expect(state.body.groups).toContainEqual(expect.objectContaining({ id, displayName: 'Doomed', team: null }));
    await h.control('DELETE', '/faults');
    expect((await h.graph('PUT', `/groups/${id}/team`, { body: {} })).status).toBe(201);
  });

  it('meeting-missing creates the event without its meeting', async () => {
    const created = await newTeam('Meetingless');
    const id = /teams\('([^']+)'\)/.exec(created.headers.get('location') ?? '')?.[1];
    await h.control('POST', '/faults', { route: '/v1.0/groups/*/events', kind: 'meeting-missing' });
    const r = await h.graph('POST', `/groups/${id}/events`, {
      body: { ...event, isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' },
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ isOnlineMeeting: false, onlineMeetingProvider: 'unknown', onlineMeeting: null });
  });

  it('applies to identity routes too', async () => {
    const tokenUrl = `${h.emu.loginUrl}/${h.emu.context.tenant.tenantId}/oauth2/v2.0/token`;
    await h.control('POST', '/faults', {
      route: '/*/oauth2/v2.0/token',
      kind: 'status',
      status: 503,
      retryAfterSeconds: 5,
    });
    const r = await fetch(tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=refresh_token',
    });
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('5');
    expect(await r.json()).toMatchObject({ error: 'temporarily_unavailable' });
    await h.control('DELETE', '/faults');
    await h.control('POST', '/faults', { route: '/*/oauth2/v2.0/token', kind: 'reset' });
    await expect(fetch(tokenUrl, { method: 'POST', body: 'x' })).rejects.toThrow();
  });

  it('refuses a malformed rule', async () => {
    expect((await h.control('POST', '/faults', { route: '/v1.0/me', kind: 'explode' })).status).toBe(400);
    expect((await h.control('POST', '/faults', { route: '^(unclosed', kind: 'reset' })).status).toBe(400);
    const listed = await h.control('POST', '/faults', [
      { route: '/v1.0/a', kind: 'reset' },
      { route: '/v1.0/b', kind: 'reset' },
    ]);
    expect(listOf<{ id: string }>(listed, 'rules').map((r) => r.id)).toHaveLength(2);
  });
});

describe('request log, state and reset', () => {
  it('logs every request with route, status, throttled and duration; totals by method and route', async () => {
    await h.control('DELETE', '/requests');
    await h.graph('GET', '/me');
    await newTeam('Logged');
    await h.graph('GET', `/users/${h.user(2).id}`);
    await h.graph('POST', '/$batch', { body: { requests: [{ id: 'a', method: 'GET', url: '/me' }] } });
    await fetch(`${h.emu.loginUrl}/${h.emu.context.tenant.tenantId}/v2.0/.well-known/openid-configuration`);
    const log = await h.control('GET', '/requests');
    const requests = log.body.requests as Array<Record<string, unknown>>;
    expect(requests.map((r) => [r.method, r.route, r.status])).toEqual([
      ['GET', '/v1.0/me', 200],
      ['POST', '/v1.0/teams', 202],
      ['GET', '/v1.0/users/{userId}', 200],
      ['POST', '/v1.0/$batch', 200],
      ['GET', '/v1.0/me', 200],
      ['GET', '/:tenant/v2.0/.well-known/openid-configuration', 200],
    ]);
    const batchSeq = requests[3]?.seq;
    expect(requests[4]?.batch).toEqual({ seq: batchSeq, id: 'a' });
    expect(requests[2]?.path).toBe(`/v1.0/users/${h.user(2).id}`);
    expect(requests.every((r) => typeof r.durationMs === 'number' && r.throttled === false)).toBe(true);
    expect(log.body.totals).toEqual({
      byMethod: { GET: 4, POST: 2 },
      byRoute: {
        'GET /v1.0/me': 2,
        'POST /v1.0/teams': 1,
        'GET /v1.0/users/{userId}': 1,
        'POST /v1.0/$batch': 1,
        'GET /:tenant/v2.0/.well-known/openid-configuration': 1,
      },
      reads: 4,
      writes: 1,
      throttled: 0,
    });
    await h.control('DELETE', '/requests');
    expect((await h.control('GET', '/requests')).body.requests).toEqual([]);
  });

  it('shows the tenant without secrets', async () => {
    const state = await h.control('GET', '/state');
    expect(state.body.tenant).toEqual({
      tenantId: h.emu.context.tenant.tenantId,
      domain: h.emu.context.tenant.domain,
      displayName: expect.any(String),
      education: true,
    });
    expect(JSON.stringify(state.body)).not.toContain(h.emu.context.tenant.apps[0]?.secrets[0]?.value ?? 'x');
    expect(JSON.stringify(state.body.users)).not.toContain('Passw0rd!');
    expect(state.body.teams).toEqual(expect.any(Array));
  });

  it('clears Graph state, faults and the log on reset', async () => {
    await newTeam('Before reset');
    await h.control('POST', '/faults', { route: '/v1.0/me', kind: 'reset' });
    expect((await h.control('POST', '/reset')).status).toBeLessThan(300);
    const state = await h.control('GET', '/state');
    expect(state.body.teams).toEqual([]);
    expect(state.body.groups).toEqual([]);
    expect((await h.control('GET', '/faults')).body.rules).toEqual([]);
    expect((await h.graph('GET', '/me')).status).toBe(200);
  });
});

it('stops promptly while a timeout fault holds a connection', async () => {
  const other = await startHarness();
  await other.control('POST', '/faults', { route: '/v1.0/me', kind: 'timeout', holdSeconds: 60 });
  const held = other.graph('GET', '/me').catch((error: unknown) => error);
  await new Promise((resolve) => setTimeout(resolve, 100));
  const started = performance.now();
  await other.stop();
  expect(performance.now() - started).toBeLessThan(5000);
  expect(await held).toBeInstanceOf(Error);
});
