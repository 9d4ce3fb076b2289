// Signing in and out of the web app over Fastify's inject: the session cookie (encrypted, HttpOnly, SameSite=Lax,
// Secure under https, a new id at sign-in), the same answer for an unknown user and a wrong password, throttling per
// user name and per address, the safe `next` redirect, sign-out, and the audit rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebClient } from '../src/web/testing/web-client.js';
import { ADMIN, STAFF, startWebFixture, type WebFixture } from '../src/web/testing/web-fixture.js';

let web: WebFixture;
let clock = Date.now();

async function auditRows(action: string) {
  return web.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();
}

beforeAll(async () => {
  web = await startWebFixture({ now: () => clock });
});

afterAll(async () => {
  await web?.close();
});

describe('sign-in', () => {
  it('sends a signed-out visitor to the sign-in page and back to where they were going', async () => {
    const client = web.client();
    const home = await client.get('/admin/settings?x=1');
    expect(home.status).toBe(303);
    expect(home.location).toBe('/sign-in?next=%2Fadmin%2Fsettings%3Fx%3D1');
    const form = await client.get(home.location ?? '');
    expect(form.status).toBe(200);
    expect(form.body).toContain('<label for="username">Username</label>');
    expect(form.body).toContain('<label for="password">Password</label>');
    expect(form.body).toMatch(/<button type="submit"[^>]*>Sign in<\/button>/);
    const signedIn = await client.post('/sign-in', {
      username: ADMIN.username,
      password: ADMIN.password,
      next: '/admin/settings?x=1',
    });
    expect(signedIn.status).toBe(303);
    expect(signedIn.location).toBe('/admin/settings?x=1');
    expect((await client.get('/admin/settings')).status).toBe(200);
  });

  it('issues a new session at sign-in (no fixation) in an encrypted, HttpOnly, SameSite=Lax cookie', async () => {
    const client = web.client();
    await client.get('/sign-in');
    const before = client.cookies.get('et_session');
    const anonymousCsrf = client.csrf();
    const answer = await client.post('/sign-in', { username: ADMIN.username, password: ADMIN.password });
    const header = String(answer.headers['set-cookie']);
    expect(header).toMatch(/^et_session=v1\.[\w-]+; Max-Age=28800; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(header).not.toContain(ADMIN.username);
    const after = client.cookies.get('et_session');
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    await client.get('/admin/settings');
    expect(client.csrf()).not.toBe(anonymousCsrf);
    // The cookie planted before sign-in is still anonymous: it opens no admin page.
    const planted = web.client();
    planted.cookies.set('et_session', before ?? '');
    expect((await planted.get('/admin/settings')).status).toBe(303);
  });

  it('answers an unknown user and a wrong password alike, and audits both', async () => {
    const client = web.client();
    const unknown = await client.signIn('nobody.here', 'whatever password');
    const wrong = await client.signIn(STAFF.username, 'not the password');
    for (const answer of [unknown, wrong]) {
      expect(answer.status).toBe(401);
      expect(answer.body).toContain('The username or password is not correct.');
      expect(answer.body).not.toContain('whatever password');
    }
    const failures = await auditRows('auth.sign_in_failed');
    expect(failures.map((row) => row.target)).toEqual(expect.arrayContaining(['nobody.here', STAFF.username]));
    expect(failures.every((row) => row.ip === '127.0.0.1' && row.actor === 'web:anonymous')).toBe(true);
    expect((await auditRows('auth.sign_in')).at(-1)).toMatchObject({ actor: `web:${ADMIN.username}`, ip: '127.0.0.1' });
  });

  it('locks a user name for 15 minutes after 5 failures, known or unknown, then lets the right password in', async () => {
    const other = await startWebFixture({ now: () => clock });
    try {
      const client = other.client();
      for (let attempt = 0; attempt < 5; attempt += 1) {
        expect((await client.signIn(STAFF.username, `wrong ${attempt}`)).status).toBe(401);
        expect((await client.signIn('ghost.user', `wrong ${attempt}`)).status).toBe(401);
      }
      const locked = await client.signIn(STAFF.username, STAFF.password);
      expect(locked.status).toBe(429);
      expect(locked.body).toContain('Too many failed sign-in attempts. Wait 15 minutes');
      expect((await client.signIn('ghost.user', 'anything else')).body).toContain('Too many failed sign-in attempts');
      const row = await other.database.db
        .selectFrom('web_accounts')
        .select(['failed_attempts', 'locked_until'])
        .where('username', '=', STAFF.username)
        .executeTakeFirstOrThrow();
      expect(row.failed_attempts).toBe(5);
      expect(row.locked_until).toBe(clock + 15 * 60_000);
      clock += 15 * 60_000 + 1;
      expect((await client.signIn(STAFF.username, STAFF.password)).status).toBe(303);
    } finally {
      await other.close();
    }
  });

  it('blocks an address that fails too often across many user names', async () => {
    const other = await startWebFixture({ now: () => clock, throttle: { maxFailuresPerAddress: 4 } });
    try {
      const client = other.client();
      for (let attempt = 0; attempt < 4; attempt += 1) await client.signIn(`name${attempt}`, 'wrong password');
      expect((await client.signIn(ADMIN.username, ADMIN.password)).status).toBe(429);
      // Another address is not affected.
      const elsewhere = new WebClient(other.app, '10.0.0.9');
      expect((await elsewhere.signIn(ADMIN.username, ADMIN.password)).status).toBe(303);
    } finally {
      await other.close();
    }
  });

  it.each(['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)'])(
    'ignores an unsafe next %j and goes home',
    async (next) => {
      const client = web.client();
      const answer = await client.signIn(ADMIN.username, ADMIN.password, next);
      expect(answer.status).toBe(303);
      expect(answer.location).toBe('/');
    },
  );

  it('signs out with a POST, clears the cookie and audits it', async () => {
    const client = web.client();
    await client.signIn(ADMIN.username, ADMIN.password);
    await client.get('/');
    const out = await client.post('/sign-out', {});
    expect(out.status).toBe(303);
    expect(out.location).toBe('/sign-in?signed-out');
    expect(String(out.headers['set-cookie'])).toMatch(/et_session=;.*Expires=Thu, 01 Jan 1970/);
    expect(client.cookies.has('et_session')).toBe(false);
    expect((await client.get('/')).status).toBe(303);
    expect((await client.get('/sign-in?signed-out')).body).toContain('You have signed out.');
    expect((await auditRows('auth.sign_out')).at(-1)).toMatchObject({ actor: `web:${ADMIN.username}` });
  });

  it('treats a tampered cookie, or one whose account is gone or changed role, as signed out', async () => {
    const client = web.client();
    await client.signIn(ADMIN.username, ADMIN.password);
    const cookie = client.cookies.get('et_session') ?? '';
    client.cookies.set('et_session', `${cookie.slice(0, -4)}AAAA`);
    expect((await client.get('/')).status).toBe(303);

    const demoted = web.client();
    await demoted.signIn(STAFF.username, STAFF.password);
    expect((await demoted.get('/')).status).toBe(200);
    await web.database.db
      .updateTable('web_accounts')
      .set({ role: 'admin' })
      .where('username', '=', STAFF.username)
      .execute();
    expect((await demoted.get('/')).status).toBe(303);
    await web.database.db
      .updateTable('web_accounts')
      .set({ role: 'staff' })
      .where('username', '=', STAFF.username)
      .execute();
  });

  it('marks the cookie Secure with the __Host- prefix when ENTRADA_URL is https', async () => {
    const secure = await startWebFixture({ env: { ENTRADA_URL: 'https://elentra.example.edu' } });
    try {
      const answer = await secure.client().get('/sign-in');
      expect(String(answer.headers['set-cookie'])).toMatch(
        /^__Host-et_session=v1\.[\w-]+;.*HttpOnly; Secure; SameSite=Lax$/,
      );
      expect(answer.headers['strict-transport-security']).toBe('max-age=31536000');
    } finally {
      await secure.close();
    }
  });
});
