// Attacks on the web app and the command line that must fail: SQL injection through the settings and cron forms and
// `settings:set` (refused or stored verbatim, every table intact), an open redirect through the sign-in `next`, a
// session cookie planted before sign-in (never adopted), and every admin route — as Fastify itself lists them, so a
// route added later cannot be missed — refused to staff and to signed-out visitors.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { ADMIN, STAFF, startWebFixture, type WebFixture } from '../src/web/testing/web-fixture.js';

const INJECTIONS = ["'; DROP TABLE settings; --", '1 OR 1=1', "1' OR '1'='1", '"; DROP TABLE cron; --'];
/** Routes anyone may reach: everything else must be for administrators. */
const PUBLIC = new Set(['GET /', 'GET /sign-in', 'POST /sign-in', 'POST /sign-out', 'GET /healthz', 'GET /*']);
/** Signed in, but not an administrator's: it checks the session itself (test/web-security.test.ts). */
const OAUTH_REDIRECT = 'GET /api/ms-graph-oauth.php';

let web: WebFixture;

/** Every `METHOD /path` Fastify has, read from its route tree (HEAD is GET's twin). */
function registeredRoutes(): string[] {
  const tree = web.app.printRoutes({ commonPrefix: false });
  const routes: string[] = [];
  const stack: Array<{ depth: number; path: string }> = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:[│ ] {3})*)[└├]── (\S+) \(([^)]+)\)/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    const segment = match[2] ?? '';
    while (stack.length > 0 && (stack.at(-1)?.depth ?? 0) >= depth) stack.pop();
    const parent = stack.at(-1)?.path ?? '';
    const path = parent === '' ? segment : parent === '/' ? `/${segment}` : `${parent}${segment}`;
    stack.push({ depth, path });
    for (const method of (match[3] ?? '').split(', ')) if (method !== 'HEAD') routes.push(`${method} ${path}`);
  }
  return [...new Set(routes)].sort();
}

async function tablesIntact(): Promise<void> {
  expect((await web.elentra.db.selectFrom('settings').selectAll().execute()).length).toBeGreaterThan(0);
  await web.database.db.selectFrom('cron').selectAll().execute(); // throws if the table were gone
  expect((await web.database.db.selectFrom('web_accounts').selectAll().execute()).length).toBe(2);
}

beforeAll(async () => {
  web = await startWebFixture();
});

afterAll(async () => {
  await web?.close();
});

describe('SQL injection', () => {
  it.each(INJECTIONS)('POST /admin/settings with %j: refused with 400, nothing changed', async (value) => {
    const client = web.client();
    await client.signIn(ADMIN.username, ADMIN.password);
    await client.get('/admin/settings');
    const before = await web.elentra.db.selectFrom('settings').selectAll().orderBy('shortname').execute();
    const answer = await client.post('/admin/settings', { teamsEnabled: value, menuEntry: value });
    expect(answer.status).toBe(400);
    expect(await web.elentra.db.selectFrom('settings').selectAll().orderBy('shortname').execute()).toEqual(before);
    await tablesIntact();
  });

  it.each(INJECTIONS)(
    'the cron edit form with %j as schedule or job: refused in words, nothing saved',
    async (value) => {
      const client = web.client();
      await client.signIn(ADMIN.username, ADMIN.password);
      await client.get('/admin/scheduled-jobs/edit?job=microsoft%3Async-teams');
      const before = await web.database.db.selectFrom('cron').selectAll().orderBy('name').execute();
      const badSchedule = await client.post('/admin/scheduled-jobs/edit', {
        job: 'microsoft:sync-teams',
        schedule: value,
      });
      expect(badSchedule.status).toBe(400);
      expect(badSchedule.body).toContain('Nothing was saved.');
      await client.get('/admin/scheduled-jobs/edit?job=microsoft%3Async-teams');
      const badJob = await client.post('/admin/scheduled-jobs/edit', { job: value, schedule: '0 1 * * *' });
      expect(badJob.status).toBeGreaterThanOrEqual(400);
      expect(badJob.body).toContain('There is no job named');
      await client.get('/admin/scheduled-jobs');
      const badSwitch = await client.post('/admin/scheduled-jobs/active', { job: value, active: '1' });
      expect(badSwitch.status).toBeGreaterThanOrEqual(400);
      expect(await web.database.db.selectFrom('cron').selectAll().orderBy('name').execute()).toEqual(before);
      await tablesIntact();
    },
  );

  it('settings:set stores a hostile value verbatim, refuses a hostile name, and drops no table', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'et-sqli-'));
    try {
      const env = { DATABASE_URL: `sqlite:${join(folder, 'db.sqlite')}` };
      const run = async (...args: string[]) => {
        const io = memoryIo({ cwd: folder, env });
        const code = await main(['node', 'elentra-teams', ...args], io);
        return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
      };
      expect((await run('migrate')).code).toBe(0);
      expect((await run('demo:seed')).code).toBe(0);
      for (const value of INJECTIONS) {
        expect((await run('settings:set', 'microsoft_teams_enabled', value)).code).toBe(0);
        expect((await run('settings:get', 'microsoft_teams_enabled')).out).toBe(value);
        const badName = await run('settings:set', `x${value}`, '1');
        expect(badName.code).toBe(2);
        expect(badName.err).toMatch(/a setting name is 1–64 letters/);
      }
      const roster = await run('elentra:roster', '--json');
      expect(roster.code).toBe(0);
      const io = memoryIo({ cwd: folder, env });
      expect(await main(['node', 'elentra-teams', 'schedule:list'], io)).toBe(0);
      expect((await run('settings:get', 'user_menu_ordering')).code).toBe(0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('the hostile values never reached SQL as text: the tables still have their rows', async () => {
    const { rows } = await sql<{ n: number }>`select count(*) as n from settings`.execute(web.elentra.db);
    expect(Number(rows[0]?.n)).toBeGreaterThan(0);
  });
});

describe('open redirect through the sign-in `next`', () => {
  it.each([
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example/',
    '/%2F%2Fevil.example/',
    '/%5Cevil.example',
    'javascript:alert(1)',
    ' //evil.example',
    '/\t/evil.example',
    'http:/evil.example',
  ])('next=%j → home, not another site', async (next) => {
    const client = web.client();
    const page = await client.get(`/sign-in?next=${encodeURIComponent(next)}`);
    expect(page.body).not.toContain('evil.example');
    const answer = await client.post('/sign-in', { username: ADMIN.username, password: ADMIN.password, next });
    expect(answer.status).toBe(303);
    expect(answer.location).toBe('/');
  });

  it('a path on this site is kept', async () => {
    const answer = await web.client().signIn(ADMIN.username, ADMIN.password, '/admin/scheduled-jobs?x=1');
    expect(answer.location).toBe('/admin/scheduled-jobs?x=1');
  });
});

describe('session fixation', () => {
  it('a cookie planted by an attacker is never adopted: sign-in issues a new one, and the planted one stays out', async () => {
    const attacker = web.client();
    await attacker.get('/sign-in');
    const planted = attacker.cookies.get('et_session') ?? '';
    expect(planted).not.toBe('');
    const victim = web.client();
    victim.cookies.set('et_session', planted);
    await victim.get('/sign-in');
    await victim.post('/sign-in', { username: ADMIN.username, password: ADMIN.password });
    const issued = victim.cookies.get('et_session');
    expect(issued).toBeDefined();
    expect(issued).not.toBe(planted);
    expect((await victim.get('/admin/settings')).status).toBe(200);
    expect((await attacker.get('/admin/settings')).status).toBe(303);
    const forged = web.client();
    forged.cookies.set('et_session', 'v1.forged-value-chosen-by-an-attacker');
    expect((await forged.get('/admin/settings')).status).toBe(303);
  });
});

describe('every admin route, as Fastify lists them', () => {
  it('the route tree is read completely', () => {
    const routes = registeredRoutes();
    expect(routes).toContain('POST /admin/settings');
    expect(routes).toContain('GET /admin/scheduled-jobs/edit');
    for (const route of routes.filter((r) => !r.endsWith('*'))) {
      const [method, url] = route.split(' ');
      expect(web.app.hasRoute({ method: (method ?? '') as 'GET', url: url ?? '' }), route).toBe(true);
    }
  });

  it('everything that is not public is refused to staff (403) and to signed-out visitors', async () => {
    const routes = registeredRoutes().filter((route) => !PUBLIC.has(route) && route !== OAUTH_REDIRECT);
    expect(routes.length).toBeGreaterThanOrEqual(16);
    const staff = web.client();
    await staff.signIn(STAFF.username, STAFF.password);
    for (const route of routes) {
      const [method, url] = route.split(' ') as ['GET' | 'POST', string];
      expect(url.startsWith('/admin/'), `${route} is neither public nor under /admin/`).toBe(true);
      await staff.get('/');
      const asStaff = method === 'GET' ? await staff.get(url) : await staff.post(url, {});
      expect(asStaff.status, `staff ${route}`).toBe(403);
      expect(asStaff.body).toContain('Administrators only');
      const anonymous = web.client();
      await anonymous.get('/sign-in');
      const signedOut = method === 'GET' ? await anonymous.get(url) : await anonymous.post(url, {});
      if (method === 'GET') {
        expect(signedOut.status, `signed out ${route}`).toBe(303);
        expect(signedOut.location).toMatch(/^\/sign-in\?next=/);
      } else {
        expect(signedOut.status, `signed out ${route}`).toBeGreaterThanOrEqual(401);
        expect(signedOut.status).toBeLessThanOrEqual(403);
      }
    }
    await tablesIntact();
  });
});
