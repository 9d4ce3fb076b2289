// The Graph client against the emulator over real HTTP, with a token from the real authorization flow: paging,
// $batch splitting and inner 429s with Retry-After (fault injection), 401 → one refresh → retry, 5xx retries capped,
// POSTs not repeated blindly, lost connections, timeouts, the log line and the counters; users.ts and me.ts.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TenantSeed } from '../emulator/src/context.js';
import { type RunningEmulator, startEmulator } from '../emulator/src/server.js';
import { firstApp } from '../emulator/src/testing/oauth.js';
import type { IntegrationDatabase } from '../src/db/index.js';
import {
  findUsersByMailOrUpn,
  GraphClient,
  GraphError,
  type GraphLimiter,
  GraphNetworkError,
  getMe,
  listSupportedTimeZones,
} from '../src/microsoft/graph/index.js';
import {
  completeAuthorization,
  createIdentity,
  type Identity,
  startAuthorization,
} from '../src/microsoft/identity/index.js';
import { followAuthorizeRedirect, openMigrated, testConfig } from '../src/microsoft/testing/identity-fixture.js';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from './support/databases.js';

const DOMAIN = 'elentra-demo.onmicrosoft.com';
const ADMIN = `alex.admin@${DOMAIN}`;
const SQLITE = TEST_ENGINES.find((engine) => engine.dialect === 'sqlite');

interface LogEntry {
  seq: number;
  method: string;
  path: string;
  route: string;
  status: number | null;
  batch?: { seq: number; id: string };
}

/** The default tenant plus 20 learners (one with an apostrophe, one with an upper-case mail) for paging and lookups. */
function seed(): TenantSeed {
  const base = JSON.parse(readFileSync('emulator/seeds/default-tenant.json', 'utf8')) as TenantSeed;
  const learners = Array.from({ length: 20 }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    const name = i === 0 ? "pat.o'neil" : `learner.${n}`;
    return {
      id: `b1b2c3d4-00${n}-4000-8000-0000000000${n}`,
      displayName: `Learner ${n}`,
      mail: i === 1 ? `Learner.${n}@${DOMAIN.toUpperCase()}` : `${name}@${DOMAIN}`,
      userPrincipalName: `${name}@${DOMAIN}`,
    };
  });
  return { ...base, users: [...base.users, ...learners] };
}

let emu: RunningEmulator;
let testDb: TestDatabase;
let database: IntegrationDatabase;
let identity: Identity;
let lines: Array<{ level: string; fields: Record<string, unknown>; message: string }>;
const limiterKeys: Array<string | undefined> = [];

const limiter: GraphLimiter = {
  run: (key, task) => {
    limiterKeys.push(key);
    return task();
  },
};

function client(options: { timeoutMs?: number } = {}): GraphClient {
  return new GraphClient({
    graphUrl: emu.graphUrl,
    getAccessToken: identity.getAccessToken,
    logger: {
      info: (fields, message) => lines.push({ level: 'info', fields, message }),
      warn: (fields, message) => lines.push({ level: 'warn', fields, message }),
    },
    limiter,
    retry: { baseDelayMs: 20, maxDelayMs: 50 },
    ...options,
  });
}

async function control(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
  const init: RequestInit =
    body === undefined
      ? { method }
      : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  return (await fetch(`${emu.controlUrl}${path}`, init)).json();
}

async function fault(rule: Record<string, unknown>): Promise<void> {
  await control('POST', '/faults', rule);
}

async function requestsSince(seq: number): Promise<LogEntry[]> {
  return ((await control('GET', `/requests?since=${seq}`)) as { requests: LogEntry[] }).requests;
}

async function lastSeq(): Promise<number> {
  return (await requestsSince(0)).at(-1)?.seq ?? 0;
}

beforeAll(async () => {
  if (!SQLITE) throw new Error('no SQLite engine');
  emu = await startEmulator({ autoConsent: true, seed: seed() });
  const app = firstApp(emu);
  testDb = await createTestDatabase(SQLITE);
  const config = testConfig(
    {
      loginUrl: emu.loginUrl,
      graphUrl: emu.graphUrl,
      tenantId: emu.context.tenant.tenantId,
      clientId: app.clientId,
      clientSecret: app.secret,
      redirectUri: app.redirectUri,
    },
    testDb.url,
  );
  database = await openMigrated(testDb.url);
  identity = createIdentity({ config, database });
  const started = await startAuthorization(identity, { sessionId: 'graph-tests', loginHint: ADMIN });
  const answer = await followAuthorizeRedirect(started.url);
  await completeAuthorization(identity, { answer, sessionId: 'graph-tests', authorizedBy: 'admin' });
});

beforeEach(() => {
  lines = [];
  limiterKeys.length = 0;
});

afterEach(async () => {
  await control('DELETE', '/faults');
});

afterAll(async () => {
  await database?.close();
  await testDb?.drop();
  await emu?.stop();
});

describe('GraphClient', () => {
  it('follows @odata.nextLink pages whole, on the configured host, and counts each request', async () => {
    const graph = client();
    const seq = await lastSeq();
    const pages: number[] = [];
    for await (const page of graph.pages({ path: '/users', query: { $top: 10, $select: 'id,userPrincipalName' } })) {
      pages.push(page.value.length);
      if (page.nextLink) expect(page.nextLink.startsWith(`${emu.graphUrl}/v1.0/users`)).toBe(true);
    }
    expect(pages).toEqual([10, 10, 5]);
    const requests = (await requestsSince(seq)).filter((entry) => entry.route === '/v1.0/users');
    expect(requests).toHaveLength(3);
    expect(graph.stats.snapshot().byRoute['GET /users']?.requests).toBe(3);
    expect(() => graph.urlFor('https://evil.example/v1.0/users?$skiptoken=x')).toThrow(/another address/);
  });

  it('logs one line per request without the token, and passes the limiter key', async () => {
    const graph = client();
    await graph.request({ path: '/me', limiterKey: 'mailbox:me' });
    expect(limiterKeys).toEqual(['mailbox:me']);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.fields).toMatchObject({ method: 'GET', route: '/me', status: 200, attempt: 1 });
    expect(lines[0]?.fields.requestId).toEqual(expect.any(String));
    expect(lines[0]?.fields.durationMs).toEqual(expect.any(Number));
    const token = await identity.getAccessToken();
    expect(JSON.stringify(lines)).not.toContain(token);
    expect(JSON.stringify(lines)).not.toMatch(/bearer/i);
  });

  it('on 401 InvalidAuthenticationToken refreshes once and retries', async () => {
    const graph = client();
    await control('POST', '/tokens/expire', {});
    const seq = await lastSeq();
    const me = await getMe(graph);
    expect(me.userPrincipalName).toBe(ADMIN);
    const log = await requestsSince(seq);
    expect(log.filter((entry) => entry.route === '/v1.0/me').map((entry) => entry.status)).toEqual([401, 200]);
    expect(log.filter((entry) => entry.path.endsWith('/oauth2/v2.0/token'))).toHaveLength(1);
  });

  it('honours Retry-After on a 429 and succeeds', async () => {
    const graph = client();
    await fault({ route: '/v1.0/me', kind: 'status', status: 429, retryAfterSeconds: 1, count: 1 });
    const started = Date.now();
    await getMe(graph);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(graph.stats.snapshot().byRoute['GET /me']).toMatchObject({ requests: 2, throttled: 1, retried: 1 });
  });

  it('caps retries of a 503 and then throws a GraphError with a plain message', async () => {
    const graph = client();
    await fault({ route: '/v1.0/me', kind: 'status', status: 503 });
    const seq = await lastSeq();
    const error = await getMe(graph).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).status).toBe(503);
    expect((error as GraphError).code).toBe('graph.unavailable');
    expect((error as GraphError).message).toContain('GET /me');
    const attempts = (await requestsSince(seq)).filter((entry) => entry.route === '/v1.0/me');
    expect(attempts).toHaveLength(1 + graph.retryPolicy.maxRetries);
  });

  it('retries a 500 once at once for a GET, and never repeats a POST that may have run', async () => {
    const graph = client();
    await fault({ route: '/v1.0/me', kind: 'status', status: 500 });
    await fault({ route: '/v1.0/groups', method: 'POST', kind: 'status', status: 503 });
    const seq = await lastSeq();
    await expect(getMe(graph)).rejects.toBeInstanceOf(GraphError);
    const post = graph.request({ method: 'POST', path: '/groups', body: { displayName: 'x' } });
    await expect(post).rejects.toMatchObject({ status: 503 });
    const log = await requestsSince(seq);
    expect(log.filter((entry) => entry.route === '/v1.0/me')).toHaveLength(2);
    expect(log.filter((entry) => entry.route === '/v1.0/groups')).toHaveLength(1);
  });

  it('retries a GET once after a lost connection or a timeout, but not a POST', async () => {
    const graph = client({ timeoutMs: 500 });
    await fault({ route: '/v1.0/me', kind: 'reset', count: 1 });
    expect((await getMe(graph)).userPrincipalName).toBe(ADMIN);
    await fault({ route: '/v1.0/me', kind: 'timeout', holdSeconds: 2, count: 1 });
    expect((await getMe(graph)).userPrincipalName).toBe(ADMIN);
    await fault({ route: '/v1.0/groups', method: 'POST', kind: 'reset', count: 1 });
    const post = graph.request({ method: 'POST', path: '/groups', body: { displayName: 'x' } });
    await expect(post).rejects.toBeInstanceOf(GraphNetworkError);
  });
});

describe('$batch and users.ts', () => {
  it('finds users by mail or UPN, case-insensitively, 15 per filter, in envelopes of 20', async () => {
    const graph = client();
    const fakes = Array.from({ length: 150 }, (_, i) => `nobody.${i}@${DOMAIN}`);
    const values = [
      ADMIN.toUpperCase(),
      `learner.02@${DOMAIN}`,
      `jordan.nomail@${DOMAIN}`,
      `pat.o'neil@${DOMAIN}`,
      `nobody@${DOMAIN}`,
      ...fakes,
    ];
    const seq = await lastSeq();
    const matches = await findUsersByMailOrUpn(graph, values);
    const byValue = new Map(matches.map((m) => [m.value, m.users]));
    expect(byValue.get(ADMIN.toUpperCase())?.map((u) => [u.userPrincipalName, u.matchedOn])).toEqual([
      [ADMIN, ['mail', 'userPrincipalName']],
    ]);
    expect(byValue.get(`learner.02@${DOMAIN}`)?.[0]?.matchedOn).toEqual(['mail', 'userPrincipalName']);
    expect(byValue.get(`jordan.nomail@${DOMAIN}`)?.[0]?.matchedOn).toEqual(['userPrincipalName']);
    expect(byValue.get(`pat.o'neil@${DOMAIN}`)?.[0]?.id).toBe('b1b2c3d4-0001-4000-8000-000000000001');
    expect(byValue.get(`nobody@${DOMAIN}`)).toEqual([]);

    // 155 values → 11 filters of ≤ 15 on each of two properties = 22 lookups → 2 envelopes (20 + 2).
    const log = await requestsSince(seq);
    expect(log.filter((entry) => entry.route === '/v1.0/$batch')).toHaveLength(2);
    expect(log.filter((entry) => entry.batch !== undefined && entry.route === '/v1.0/users')).toHaveLength(22);
    const stats = graph.stats.snapshot();
    expect(stats.byRoute['POST /$batch']?.requests).toBe(2);
    expect(stats.batched['GET /users']?.requests).toBe(22);
  });

  it('sends inner 429s again after their Retry-After, and maps every answer back by id', async () => {
    const graph = client();
    await fault({ route: '/v1.0/users', kind: 'status', status: 429, retryAfterSeconds: 1, count: 2 });
    const seq = await lastSeq();
    const started = Date.now();
    const results = await graph.batch(
      Array.from({ length: 5 }, (_, i) => ({
        id: `u${i}`,
        method: 'GET' as const,
        url: `/users?$filter=userPrincipalName eq 'learner.0${i + 3}@${DOMAIN}'&$select=id`,
      })),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect([...results.keys()].sort()).toEqual(['u0', 'u1', 'u2', 'u3', 'u4']);
    expect([...results.values()].every((result) => result.status === 200)).toBe(true);
    const inner = (await requestsSince(seq)).filter((entry) => entry.batch !== undefined);
    expect(inner.filter((entry) => entry.status === 429)).toHaveLength(2);
    expect(inner).toHaveLength(7);
    expect(graph.stats.snapshot().batched['GET /users']).toMatchObject({ requests: 7, throttled: 2, retried: 2 });
  });

  it('keeps dependsOn chains in one envelope and retries a 424 with the request it depended on', async () => {
    const graph = client();
    await fault({ route: '/v1.0/me', kind: 'status', status: 429, retryAfterSeconds: 1, count: 1 });
    const requests = [
      ...Array.from({ length: 19 }, (_, i) => ({
        id: `pad${i}`,
        method: 'GET' as const,
        url: '/users?$top=1&$select=id',
      })),
      { id: 'first', method: 'GET' as const, url: '/me' },
      { id: 'second', method: 'GET' as const, url: '/me/outlook/supportedTimeZones', dependsOn: ['first'] },
    ];
    const seq = await lastSeq();
    const results = await graph.batch(requests);
    const inner = (await requestsSince(seq)).filter(
      (entry) => entry.batch?.id === 'first' || entry.batch?.id === 'second',
    );
    expect(results.get('first')?.status).toBe(200);
    expect(results.get('second')?.status).toBe(200);
    expect(results.size).toBe(21);
    // `second` failed with 424 while `first` was throttled, then both went again in one envelope.
    expect(inner.map((entry) => [entry.batch?.id, entry.status])).toEqual([
      ['first', 429],
      ['first', 200],
      ['second', 200],
    ]);
    expect(inner[1]?.batch?.seq).toBe(inner[2]?.batch?.seq);
    expect(graph.stats.snapshot().batched['GET /me/outlook/supportedTimeZones']).toMatchObject({
      requests: 2,
      retried: 1,
    });
  });
});

describe('me.ts', () => {
  it('reads the signed-in account and its supported time zones', async () => {
    const graph = client();
    expect(await getMe(graph)).toMatchObject({ userPrincipalName: ADMIN, id: 'a1b2c3d4-0001-4000-8000-000000000001' });
    const windows = await listSupportedTimeZones(graph);
    expect(windows).toContainEqual(expect.objectContaining({ alias: 'Eastern Standard Time' }));
    const iana = await listSupportedTimeZones(graph, 'Iana');
    expect(iana.map((zone) => zone.alias)).toContain('America/Toronto');
  });
});
