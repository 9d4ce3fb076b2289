// The Microsoft Account page and the OAuth redirect route against the Microsoft 365 emulator, over Fastify's inject
// for our pages and real HTTP for the emulator's sign-in and consent pages: authorize → connected as the chosen
// user; the Outlook Time Zone from the mailbox, saved and audited; every refused answer (Cancel, admin consent
// missing, replayed, tampered, another session's) with its page; a dead grant in words; disconnect; the switched-off
// and unconfigured pages; and no token, code or secret in the database file, the pages or the log.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../emulator/src/server.js';
import { driveSignIn, firstApp } from '../emulator/src/testing/oauth.js';
import type { WebClient } from '../src/web/testing/web-client.js';
import { ADMIN, startWebFixture, type WebFixture } from '../src/web/testing/web-fixture.js';
import { emulatorWebEnv, textLog } from './support/web-emulator.js';

const ALEX = 'alex.admin@elentra-demo.onmicrosoft.com';
const TAYLOR = 'taylor.teacher@elentra-demo.onmicrosoft.com';
const PAGE = '/admin/microsoft-account';

let emu: RunningEmulator;
let web: WebFixture;
const log = textLog();
const pagesSeen: string[] = [];

async function control(path: string, body: unknown = {}): Promise<void> {
  const response = await fetch(`${emu.controlUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
}

async function signedInAdmin(): Promise<WebClient> {
  const client = web.client();
  await client.signIn(ADMIN.username, ADMIN.password);
  return client;
}

/** Authorize Account → the emulator's pages (as a person would) → the URL Microsoft sends the browser back to. */
async function authorizeAtMicrosoft(
  client: WebClient,
  username: string,
  consent: 'accept' | 'cancel' = 'accept',
): Promise<string> {
  await client.get(PAGE);
  const start = await client.post(`${PAGE}/authorize`, {});
  expect(start.status).toBe(303);
  const back = await driveSignIn(emu, start.location ?? '', { username, consent });
  expect(`${back.origin}${back.pathname}`).toBe('http://localhost:8080/api/ms-graph-oauth.php');
  return `${back.pathname}${back.search}`;
}

async function show(client: WebClient, url: string) {
  const page = await client.get(url);
  pagesSeen.push(page.body);
  return page;
}

beforeAll(async () => {
  emu = await startEmulator({});
  web = await startWebFixture({ log: log.stream, env: emulatorWebEnv(emu, 'http://localhost:8080') });
});

afterAll(async () => {
  await web?.close();
  await emu?.stop();
});

describe('the Microsoft Account page', () => {
  it('starts not authorized, with Authorize Account and the standard time zones, the site’s preselected', async () => {
    const client = await signedInAdmin();
    const page = await show(client, PAGE);
    expect(page.status).toBe(200);
    expect(page.body).toContain('>OAuth Token</h2>');
    expect(page.body).toContain('Not authorized');
    expect(page.body).toMatch(/<button type="submit" class="button button-primary">Authorize Account<\/button>/);
    expect(page.body).not.toContain('Disconnect');
    expect(page.body).toContain('<label for="outlook-time-zone">Outlook Time Zone</label>');
    expect(page.body).toMatch(/<option value="Eastern Standard Time" selected>/);
    expect(page.body).toContain('The list is the standard Windows time zones.');
  });

  it('sends Authorize Account to Microsoft with PKCE and a state, and comes back connected as the chosen user', async () => {
    const client = await signedInAdmin();
    await client.get(PAGE);
    const start = await client.post(`${PAGE}/authorize`, {});
    const authorize = new URL(start.location ?? '');
    expect(`${authorize.origin}${authorize.pathname}`).toBe(
      `${emu.loginUrl}/${emu.context.tenant.tenantId}/oauth2/v2.0/authorize`,
    );
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toMatch(/^[\w-]{43}$/);
    expect(authorize.searchParams.get('redirect_uri')).toBe('http://localhost:8080/api/ms-graph-oauth.php');

    const back = await driveSignIn(emu, authorize.toString(), { username: ALEX });
    const done = await show(client, `${back.pathname}${back.search}`);
    expect(done.status).toBe(303);
    expect(done.location).toBe(`${PAGE}?connected=1`);
    const page = await show(client, done.location ?? '');
    expect(page.body).toContain(`Connected as ${ALEX}.`);
    expect(page.body).toContain('>Connected</span>');
    expect(page.body).toContain('<code>Team.Create</code>');
    expect(page.body).toContain('Access token expires');
    expect(page.body).toContain(`by ${ADMIN.username}`);
    expect(page.body).toContain('>Re-authorize</button>');
    expect(page.body).toContain('>Disconnect</a>');
    expect(page.body).toContain('The list comes from the authorized mailbox.');
    const audit = await web.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'microsoft.authorize')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor: `web:${ADMIN.username}`, target: 'microsoft_graph', ip: '127.0.0.1' });
    expect(JSON.parse(audit.detail ?? '{}')).toMatchObject({ account: ALEX });

    // The same answer again (a replayed code): refused, nothing changes.
    const replay = await show(client, `${back.pathname}${back.search}`);
    expect(replay.status).toBe(400);
    expect(replay.body).toContain('This sign-in was already completed');
  });

  it('saves the Outlook Time Zone, audits it, and warns when it does not match the site', async () => {
    const client = await signedInAdmin();
    await client.get(PAGE);
    const saved = await client.post(`${PAGE}/time-zone`, { zone: 'Pacific Standard Time' });
    expect(saved.location).toBe(`${PAGE}?saved=time-zone`);
    const page = await show(client, saved.location ?? '');
    expect(page.body).toContain('Outlook Time Zone saved: Pacific Standard Time.');
    expect(page.body).toMatch(/<option value="Pacific Standard Time" selected>/);
    expect(page.body).toMatch(/is 3 hours behind the site&#39;s time zone \(DEFAULT_TIMEZONE = America\/Toronto/);
    await client.post(`${PAGE}/time-zone`, { zone: 'Eastern Standard Time' });
    const matching = await show(client, PAGE);
    expect(matching.body).not.toContain('id="time-zone-warning"');
    const row = await web.database.db
      .selectFrom('service_tokens')
      .select('outlook_time_zone')
      .executeTakeFirstOrThrow();
    expect(row.outlook_time_zone).toBe('Eastern Standard Time');
    const audits = await web.database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'microsoft.time_zone_set')
      .orderBy('id')
      .execute();
    expect(audits.map((audit) => JSON.parse(audit.detail ?? '{}'))).toEqual([
      { previous: null, value: 'Pacific Standard Time' },
      { previous: 'Pacific Standard Time', value: 'Eastern Standard Time' },
    ]);
  });

  it('keeps tokens, codes and the client secret out of the database file, the pages and the log', async () => {
    const record = await (await import('../src/microsoft/identity/index.js'))
      .createIdentity({
        config: web.config,
        database: web.database,
      })
      .store.read();
    const secrets = [record?.accessToken, record?.refreshToken, firstApp(emu).secret];
    expect(secrets.every((secret) => typeof secret === 'string' && secret.length > 10)).toBe(true);
    // WAL mode: recent writes are in the -wal file until a checkpoint.
    const files = [web.databaseFile, `${web.databaseFile}-wal`].filter((path) => existsSync(path));
    expect(files.length).toBeGreaterThan(0);
    const file = files.map((path) => readFileSync(path).toString('latin1')).join('\n');
    expect(file).toContain('v1:');
    for (const secret of secrets) {
      expect(file).not.toContain(secret);
      expect(log.text()).not.toContain(secret);
      for (const page of pagesSeen) expect(page).not.toContain(secret);
    }
    expect(log.text()).not.toMatch(/[?&](code|state)=/);
  });
});

describe('answers that do not authorize', () => {
  it('Cancel at consent → a clear message, nothing stored', async () => {
    const client = await signedInAdmin();
    const page = await show(client, await authorizeAtMicrosoft(client, ALEX, 'cancel'));
    expect(page.status).toBe(400);
    expect(page.body).toContain('Authorization cancelled');
    expect(page.body).toContain('The permissions were declined on Microsoft’s consent page');
    expect(page.body).toContain('Back to Microsoft Account');
  });

  it('admin consent missing → says an administrator must grant it and names the permissions', async () => {
    const clientId = firstApp(emu).clientId;
    await control('/consent', { clientId, revoke: ['Group.ReadWrite.All', 'TeamMember.ReadWrite.All'] });
    try {
      const client = await signedInAdmin();
      const page = await show(client, await authorizeAtMicrosoft(client, TAYLOR));
      expect(page.status).toBe(400);
      expect(page.body).toContain('An administrator must grant consent');
      expect(page.body).toContain('Grant admin consent');
      expect(page.body).toContain('<li><code>Group.ReadWrite.All</code></li>');
      expect(page.body).toContain('<li><code>TeamMember.ReadWrite.All</code></li>');
    } finally {
      await control('/consent', { clientId, grant: ['Group.ReadWrite.All', 'TeamMember.ReadWrite.All'] });
    }
  });

  it('a tampered state is refused, and the genuine answer still completes afterwards', async () => {
    const client = await signedInAdmin();
    const answer = await authorizeAtMicrosoft(client, ALEX);
    const url = new URL(answer, 'http://localhost');
    const state = url.searchParams.get('state') ?? '';
    url.searchParams.set('state', `${state.slice(0, -3)}xyz`);
    const tampered = await show(client, `${url.pathname}${url.search}`);
    expect(tampered.status).toBe(400);
    expect(tampered.body).toContain('This answer from Microsoft was not recognised');
    url.searchParams.delete('state');
    expect((await show(client, `${url.pathname}${url.search}`)).body).toContain('cannot be matched to a sign-in');
    expect((await show(client, answer)).location).toBe(`${PAGE}?connected=1`);
  });

  it('an answer started in another session is refused there', async () => {
    const starter = await signedInAdmin();
    const answer = await authorizeAtMicrosoft(starter, ALEX);
    const other = await signedInAdmin();
    const page = await show(other, answer);
    expect(page.status).toBe(400);
    expect(page.body).toContain('This sign-in was started in another session');
    const failures = await web.database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'microsoft.authorize_failed')
      .execute();
    expect(failures.map((row) => JSON.parse(row.detail ?? '{}').code)).toContain('microsoft.oauth_state_other_session');
  });
});

describe('a dead grant and disconnect', () => {
  it('shows "Needs re-authorization" with the reason when Microsoft revoked the grant', async () => {
    await control('/tokens/revoke', {});
    await control('/tokens/expire', {});
    const client = await signedInAdmin();
    const page = await show(client, PAGE);
    expect(page.body).toContain('>Needs re-authorization</span>');
    expect(page.body).toMatch(/<strong>Why:<\/strong> [^<]*(revoked|expired)/);
    expect(page.body).toContain('>Re-authorize</button>');
    expect(page.body).toContain('The list is the standard Windows time zones.');
    // Re-authorizing asks Microsoft to show consent again.
    const start = await client.post(`${PAGE}/authorize`, {});
    expect(new URL(start.location ?? '').searchParams.get('prompt')).toBe('consent');
  });

  it('disconnects after confirmation, audits it, and keeps the time zone', async () => {
    const client = await signedInAdmin();
    await show(client, await authorizeAtMicrosoft(client, ALEX));
    const confirm = await show(client, `${PAGE}/disconnect`);
    expect(confirm.body).toContain('Disconnect the Microsoft account?');
    expect(confirm.body).toContain(ALEX);
    const done = await client.post(`${PAGE}/disconnect`, {});
    expect(done.location).toBe(`${PAGE}?disconnected=1`);
    const page = await show(client, done.location ?? '');
    expect(page.body).toContain('The Microsoft account was disconnected');
    expect(page.body).toContain('Not authorized');
    expect(page.body).toMatch(/<option value="Eastern Standard Time" selected>/);
    const row = await web.database.db.selectFrom('service_tokens').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'disconnected', refresh_token_ciphertext: null, account_username: null });
    const audit = await web.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'microsoft.disconnect')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail ?? '{}')).toEqual({ removed: true, account: ALEX });
  });
});

describe('before the integration can be used', () => {
  it('explains how to switch the integration on, and the menu has no Microsoft Account', async () => {
    const off = await startWebFixture({ teamsEnabled: false });
    try {
      const client = off.client();
      await client.signIn(ADMIN.username, ADMIN.password);
      const page = await client.get(PAGE);
      expect(page.body).toContain('The Microsoft Teams integration is switched off');
      expect(page.body).toContain('elentra-teams settings:set microsoft_teams_enabled 1');
      expect(page.body).toContain('href="/admin/settings"');
      expect(page.body).not.toContain('href="/admin/microsoft-account"');
      expect(page.body).not.toContain('Authorize Account');
    } finally {
      await off.close();
    }
  });

  it('says which Microsoft settings to configure when the app is not registered', async () => {
    const bare = await startWebFixture();
    try {
      const client = bare.client();
      await client.signIn(ADMIN.username, ADMIN.password);
      const page = await client.get(PAGE);
      expect(page.body).toContain('The Microsoft app is not configured yet');
      for (const name of ['MS_AD_TENANT_ID', 'MS_OAUTH_CLIENT_ID', 'MS_OAUTH_CLIENT_SECRET']) {
        expect(page.body).toContain(`<code>${name}</code> is not set`);
      }
      expect(page.body).toContain('docs/azure-setup.md');
      expect((await client.post(`${PAGE}/authorize`, {})).location).toBe(PAGE);
    } finally {
      await bare.close();
    }
  });
});
