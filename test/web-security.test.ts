// The web app's defences, route by route: a CSRF token on every form post (missing, wrong, or another session's →
// 403 and nothing changes), every admin route refused to staff (403) and to signed-out visitors, security headers and
// the CSP on every answer, Elentra text escaped (stored XSS through a setting), and no password, cookie or CSRF token
// in the log.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, STAFF, startWebFixture, type WebFixture } from '../src/web/testing/web-fixture.js';

let web: WebFixture;
let logText = '';

/** Every form post of the app with a form it would accept; a new POST route must be listed here (checked below). */
const POSTS: ReadonlyArray<{ url: string; form: Record<string, string>; admin: boolean }> = [
  { url: '/sign-in', form: { username: ADMIN.username, password: ADMIN.password }, admin: false },
  { url: '/sign-out', form: {}, admin: false },
  { url: '/admin/settings', form: { teamsEnabled: '1' }, admin: true },
  { url: '/admin/microsoft-account/authorize', form: {}, admin: true },
  { url: '/admin/microsoft-account/disconnect', form: {}, admin: true },
  { url: '/admin/microsoft-account/time-zone', form: { zone: 'Pacific Standard Time' }, admin: true },
  { url: '/admin/scheduled-jobs/active', form: { job: 'microsoft:sync-teams', active: '1' }, admin: true },
  { url: '/admin/scheduled-jobs/run', form: { job: 'microsoft:sync-teams' }, admin: true },
  { url: '/admin/scheduled-jobs/edit', form: { job: 'microsoft:sync-teams', schedule: '0 1 * * *' }, admin: true },
  { url: '/admin/scheduled-jobs/preview', form: { job: 'microsoft:sync-teams', schedule: '0 1 * * *' }, admin: true },
  { url: '/admin/dashboard/sync', form: {}, admin: true },
  { url: '/admin/dashboard/confirm-removals', form: { offering: 'course:1:period:1', asOf: '1' }, admin: true },
];
const ADMIN_PAGES = [
  '/admin/settings',
  '/admin/microsoft-account',
  '/admin/microsoft-account/disconnect',
  '/admin/scheduled-jobs',
  '/admin/scheduled-jobs/edit?job=microsoft%3Async-teams',
  '/admin/dashboard',
  '/admin/dashboard/offering?key=course%3A1%3Aperiod%3A1',
  '/admin/troubleshooting',
];

async function auditCount(): Promise<number> {
  const rows = await web.database.db.selectFrom('audit_log').select('id').execute();
  return rows.length;
}

beforeAll(async () => {
  const log = new Writable({
    write(chunk, _encoding, done) {
      logText += String(chunk);
      done();
    },
  });
  web = await startWebFixture({ log });
});

afterAll(async () => {
  await web?.close();
});

describe('CSRF', () => {
  it('lists every POST route of the app', () => {
    const routes = web.app.printRoutes({ commonPrefix: false });
    expect(routes.match(/\bPOST\b/g)?.length).toBe(POSTS.length);
    for (const post of POSTS) expect(web.app.hasRoute({ method: 'POST', url: post.url })).toBe(true);
  });

  it.each(POSTS)('refuses $url without a token, with a wrong one, or with another session’s', async (post) => {
    const client = web.client();
    await client.signIn(ADMIN.username, ADMIN.password);
    await client.get('/');
    const other = web.client();
    await other.signIn(ADMIN.username, ADMIN.password);
    await other.get('/');
    const before = await auditCount();
    for (const token of [null, 'wrong-token', other.csrf(), '']) {
      const answer = await client.post(post.url, { ...post.form, _csrf: token });
      expect(answer.status).toBe(403);
      expect(answer.body).toContain('This form could not be accepted');
    }
    expect(await auditCount()).toBe(before);
    expect((await web.database.db.selectFrom('service_tokens').selectAll().execute()).length).toBe(0);
  });

  it('refuses a sign-in form posted without any session', async () => {
    const answer = await web
      .client()
      .post('/sign-in', { username: ADMIN.username, password: ADMIN.password, _csrf: 'x' });
    expect(answer.status).toBe(403);
  });
});

describe('who may use the admin routes', () => {
  it.each(ADMIN_PAGES)('staff get 403 on GET %s', async (url) => {
    const client = web.client();
    await client.signIn(STAFF.username, STAFF.password);
    const answer = await client.get(url);
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('Administrators only');
  });

  it.each(POSTS.filter((post) => post.admin))('staff get 403 on POST $url, with a valid token', async (post) => {
    const client = web.client();
    await client.signIn(STAFF.username, STAFF.password);
    await client.get('/');
    const before = await auditCount();
    expect((await client.post(post.url, post.form)).status).toBe(403);
    expect(await auditCount()).toBe(before);
  });

  it('staff get 403 on the OAuth redirect route too, and see no Microsoft Account entry', async () => {
    const client = web.client();
    await client.signIn(STAFF.username, STAFF.password);
    expect((await client.get('/api/ms-graph-oauth.php?code=x&state=y')).status).toBe(403);
    const home = await client.get('/');
    expect(home.status).toBe(200);
    expect(home.body).not.toContain('Microsoft Account');
    expect(home.body).not.toContain('href="/admin/settings"');
  });

  it.each([...ADMIN_PAGES, '/'])('signed-out visitors to %s are sent to sign in', async (url) => {
    const answer = await web.client().get(url);
    expect(answer.status).toBe(303);
    expect(answer.location).toBe(`/sign-in?next=${encodeURIComponent(url)}`);
  });

  it('a signed-out answer from Microsoft is not consumed and asks to sign in', async () => {
    const answer = await web.client().get('/api/ms-graph-oauth.php?code=abc&state=def');
    expect(answer.status).toBe(401);
    expect(answer.body).toContain('Please sign in');
  });
});

describe('headers, escaping and logs', () => {
  it('sends the CSP and security headers on pages, errors and static files', async () => {
    const client = web.client();
    for (const url of ['/sign-in', '/nope', '/static/app.css']) {
      const answer = await client.get(url);
      expect(answer.headers['content-security-policy']).toBe(
        "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
          "base-uri 'none'; frame-ancestors 'none'; form-action 'self' https://login.microsoftonline.com",
      );
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['referrer-policy']).toBe('same-origin');
      expect(answer.headers['x-frame-options']).toBe('DENY');
    }
    const page = await client.get('/sign-in');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['strict-transport-security']).toBeUndefined();
    const css = await client.get('/static/app.css');
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toContain('text/css');
    const missing = await client.get('/nope');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('Page not found');
  });

  it('escapes Elentra settings text (stored XSS)', async () => {
    const { setSetting } = await import('../src/elentra/index.js');
    const hostile = 'profile,"><script>alert(1)</script><img src=x onerror=alert(2)>,microsoft';
    await setSetting(web.elentra, 'user_menu_ordering', hostile, null);
    const client = web.client();
    await client.signIn(ADMIN.username, ADMIN.password);
    const page = await client.get('/admin/settings');
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.body).toContain('Microsoft Account');
    await setSetting(web.elentra, 'user_menu_ordering', 'profile,microsoft', null);
  });

  it('refuses forms the app never sends with a 400 page, not a crash', async () => {
    const client = web.client();
    await client.signIn(ADMIN.username, ADMIN.password);
    await client.get('/admin/settings');
    expect((await client.post('/admin/settings', { teamsEnabled: 'yes' })).status).toBe(400);
    expect((await client.post('/admin/microsoft-account/time-zone', { zone: 'Mars/Olympus_Mons' })).status).toBe(400);
    expect((await client.get('/admin/microsoft-account?connected=<script>')).status).toBe(400);
  });

  it('writes one line per request with method, path and status, and never a password, cookie or token', async () => {
    const client = web.client();
    await client.signIn(ADMIN.username, ADMIN.password, '/admin/settings?secret=query-value');
    await client.get('/admin/settings?secret=query-value');
    const lines = logText
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.some((line) => line.path === '/admin/settings' && line.status === 200)).toBe(true);
    expect(logText).not.toContain(ADMIN.password);
    expect(logText).not.toContain(STAFF.password);
    expect(logText).not.toContain('query-value');
    for (const value of client.cookies.values()) expect(logText).not.toContain(value);
    expect(logText).not.toContain(client.csrf());
  });
});
