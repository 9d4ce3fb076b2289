// The client secret and the tokens never leave the product in clear (issue 10, docs/security.md): one realistic run
// end to end, everything the product emits captured, then scanned for every secret value the run handled.
// The setting: the demo school in one SQLite file (integration and Elentra tables side by side, as `npm start` has
// them), the Microsoft 365 emulator over real HTTP behind a recording pass-through proxy (test/support/
// recording-proxy.ts: it writes down every token the token endpoint answered and every code, verifier and secret sent
// to it), the web app with its pino logger on a captured stream, at debug level.
// The run: sign in as admin, Authorize Account through the emulator's sign-in and consent pages, a tampered state,
// the genuine answer, a replayed answer; every admin page (crawled from the menus: dashboard, offering pages,
// Microsoft Account, Settings, Scheduled jobs, Troubleshooting), a 404 and a CSRF refusal; `microsoft:sync-teams
// --json`, `microsoft:sync-events --json`, `schedule:run-job microsoft:refresh-token`, `microsoft:doctor --json`,
// `config:check --json` (the CLI in-process); Sync now from the dashboard; then the token endpoint made to fail (access
// tokens expired and the client secret expired; a wrong secret; a revoked grant) and the same commands and pages again.
// The scan: the web log, every CLI stdout/stderr (and anything written to the process's own stdout/stderr), every
// page body and header, every row of every table (audit_log, sync_runs, sync_offering_results, cron_runs …), and the
// SQLite file with its -wal and -shm, before and after a checkpoint and after closing — for each secret in clear,
// URL-encoded, base64 and base64url, and (a long one) its first, middle and last 32 characters; APP_KEY also as its
// decoded bytes (raw in the files, hex and base64url in text). Secrets: MS_OAUTH_CLIENT_SECRET (and the wrong and the
// new secret the run used), APP_KEY, every token, code and PKCE verifier that crossed the proxy, every refresh and
// access token the emulator's store held, the OAuth states, the session cookies, the admin's password.
// The OAuth `code` and `state` travel in URLs the browser sees (the authorize redirect and Microsoft's answer): that is
// by design, so the Location of those redirects is not scanned for them; everything else is.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { formatWithOptions } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdentityTokenStore } from '../emulator/src/identity/token-store.js';
import { type RunningEmulator, startEmulator } from '../emulator/src/server.js';
import { driveSignIn } from '../emulator/src/testing/oauth.js';
import { memoryIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import type { Config } from '../src/config/index.js';
import type { IntegrationDatabase } from '../src/db/index.js';
import { buildDemoTenantSeed, DEMO_DOMAIN, seedDemo } from '../src/elentra/index.js';
import { type ElentraHandle, elentraOnConnection } from '../src/elentra/open-elentra.js';
import { migrateElentraDemoSchema } from '../src/elentra/schema/migrate-demo-schema.js';
import { EmulatorControl } from '../src/microsoft/graph/testing/emulator-control.js';
import { openMigrated, testConfig } from '../src/microsoft/testing/identity-fixture.js';
import { createAccount } from '../src/web/auth/accounts.js';
import { createWebServer } from '../src/web/create-server.js';
import { freePort } from '../src/web/testing/free-port.js';
import { type Page, WebClient } from '../src/web/testing/web-client.js';
import { ADMIN } from '../src/web/testing/web-fixture.js';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from './support/databases.js';
import { type RecordingProxy, startRecordingProxy } from './support/recording-proxy.js';

const ADMIN_MAIL = `it.admin@${DEMO_DOMAIN}`;
const REDIRECT_URI = 'http://localhost:8080/api/ms-graph-oauth.php';
const ACCOUNT_PAGE = '/admin/microsoft-account';
/** The admin pages the crawl must reach (it follows every link from these). */
const ADMIN_PAGES = [
  '/',
  '/admin/dashboard',
  ACCOUNT_PAGE,
  '/admin/settings',
  '/admin/scheduled-jobs',
  '/admin/troubleshooting',
];
const IDS = { tenantId: 'c0ffee00-0000-4000-8000-0000000000a1', clientId: 'c0ffee00-0000-4000-8000-0000000000a2' };
/** Shaped like an Azure client secret value (`~` and all), long enough to be unmistakable. */
const CLIENT_SECRET = `Qx8~${randomBytes(27).toString('base64url')}`;
const WRONG_SECRET = `Wr9~${randomBytes(27).toString('base64url')}`;
const NEXT_SECRET = `Nx7~${randomBytes(27).toString('base64url')}`;
const APP_KEY_BYTES = randomBytes(32);
const APP_KEY = `base64:${APP_KEY_BYTES.toString('base64')}`;

let proxy: RecordingProxy;
let emu: RunningEmulator;
let control: EmulatorControl;
let testDb: TestDatabase;
let databaseFile: string;
let database: IntegrationDatabase;
let elentra: ElentraHandle;
let config: Config;
let web: ReturnType<typeof createWebServer>;
let cliEnv: Record<string, string>;
/** The scan closes the web app and the database itself (to read the files as they are left). */
let closed = false;
const cliCwd = mkdtempSync(join(tmpdir(), 'et-secrets-'));

// ---- What the product emitted --------------------------------------------------------------------------------------
let webLog = '';
/** Everything written to this process's own stdout/stderr while the test ran (nothing should bypass the CliIo). */
let processOutput = '';
const cliOutputs: Array<{ command: string; text: string }> = [];
/** Every page the product served: what is scanned is the body and every header but Set-Cookie and Location. */
const pages: Array<{ url: string; page: Page }> = [];
/** The product's own redirects (Location headers), other than the one to Microsoft's authorize endpoint. */
const ownRedirects: string[] = [];
/** The product's redirects to Microsoft's authorize endpoint: they carry the state by design. */
const authorizeRedirects: string[] = [];
/** Set-Cookie values the product sent (the session cookie is expected there; nothing else secret is). */
const setCookies: string[] = [];
/** The SQLite files' bytes, taken at moments during and after the run. */
const databaseSnapshots: Array<{ when: string; file: string; bytes: Buffer }> = [];

// ---- The secrets the run handled -----------------------------------------------------------------------------------
const states = new Set<string>();
const codes = new Set<string>();
const sessionCookies = new Set<string>();
const emulatorTokens = new Set<string>();

let undoStdio = (): void => undefined;

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

/** Tees this process's stdout, stderr and console (Vitest routes console calls past stdout) into processOutput. */
function captureStdio(): () => void {
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const tee =
    (write: typeof out): typeof out =>
    (chunk: string | Uint8Array, ...rest: unknown[]) => {
      processOutput += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      return Reflect.apply(write, undefined, [chunk, ...rest]) as boolean;
    };
  process.stdout.write = tee(out);
  process.stderr.write = tee(err);
  const originals = CONSOLE_METHODS.map((name) => [name, console[name]] as const);
  for (const [name, original] of originals) {
    console[name] = (...args: unknown[]) => {
      processOutput += `${formatWithOptions({ depth: 10 }, ...args)}\n`;
      original.apply(console, args);
    };
  }
  return () => {
    process.stdout.write = out;
    process.stderr.write = err;
    for (const [name, original] of originals) console[name] = original;
  };
}

/** The refresh and access tokens the emulator currently knows (it keeps them in memory; expired ones drop out). */
function harvestEmulatorTokens(): void {
  const store = emu.context.tokens;
  if (!(store instanceof IdentityTokenStore)) throw new Error('the emulator token store is not the identity store');
  const durable = store.durableTokens();
  for (const [token] of durable.refreshTokens) emulatorTokens.add(token);
  for (const [token] of durable.accessTokens) emulatorTokens.add(token);
}

async function record(client: WebClient, url: string, page: Promise<Page>): Promise<Page> {
  const answer = await page;
  pages.push({ url, page: answer });
  for (const value of client.cookies.values()) sessionCookies.add(value);
  const cookies = answer.headers['set-cookie'];
  for (const cookie of Array.isArray(cookies) ? cookies : cookies ? [cookies] : []) setCookies.push(cookie);
  if (answer.location !== undefined) {
    if (answer.location.startsWith(`${emu.loginUrl}/`)) authorizeRedirects.push(answer.location);
    else ownRedirects.push(answer.location);
  }
  harvestEmulatorTokens();
  return answer;
}

const get = (client: WebClient, url: string) => record(client, url, client.get(url));
const post = (client: WebClient, url: string, form: Record<string, string | null>) =>
  record(client, url, client.post(url, form));

async function signedInAdmin(): Promise<WebClient> {
  const client = new WebClient(web);
  await get(client, '/sign-in');
  const signedIn = await post(client, '/sign-in', { username: ADMIN.username, password: ADMIN.password });
  expect(signedIn.status).toBe(303);
  return client;
}

/** Authorize Account → the emulator's sign-in and consent pages → the answer's path and query on our site. */
async function authorizeAtMicrosoft(client: WebClient): Promise<string> {
  await get(client, ACCOUNT_PAGE);
  const start = await post(client, `${ACCOUNT_PAGE}/authorize`, {});
  expect(start.status).toBe(303);
  const authorize = new URL(start.location ?? '');
  const state = authorize.searchParams.get('state');
  expect(state).toMatch(/^[\w-]{43}$/);
  states.add(state ?? '');
  const back = await driveSignIn(emu, authorize.toString(), { username: ADMIN_MAIL });
  expect(`${back.origin}${back.pathname}`).toBe(REDIRECT_URI);
  const code = back.searchParams.get('code');
  expect(code).toBeTruthy();
  codes.add(code ?? '');
  harvestEmulatorTokens();
  return `${back.pathname}${back.search}`;
}

/** Visits every admin page reachable by links from ADMIN_PAGES (GET only, our own paths, no static files). */
async function crawl(client: WebClient): Promise<string[]> {
  const queue = [...ADMIN_PAGES];
  const visited = new Set<string>();
  while (queue.length > 0 && visited.size < 150) {
    const url = queue.shift() ?? '/';
    if (visited.has(url)) continue;
    visited.add(url);
    const page = await get(client, url);
    expect(page.status, `${url}: ${page.body.slice(0, 300)}`).toBeLessThan(500);
    for (const match of page.body.matchAll(/href="(\/[^"#]*)"/g)) {
      const link = (match[1] ?? '').replaceAll('&amp;', '&');
      if (link.startsWith('/static/') || link.startsWith('/api/') || visited.has(link)) continue;
      queue.push(link);
    }
  }
  return [...visited];
}

async function cli(command: string, ...args: string[]) {
  const io = memoryIo({ env: cliEnv, cwd: cliCwd });
  const code = await main(['node', 'elentra-teams', command, ...args], io);
  const text = [...io.stdout, ...io.stderr].join('\n');
  cliOutputs.push({ command: [command, ...args].join(' '), text });
  harvestEmulatorTokens();
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

async function waitForWebRuns(): Promise<void> {
  await expect
    .poll(
      async () =>
        (await database.db.selectFrom('cron_runs').select('status').where('status', '=', 'running').execute()).length,
      { timeout: 20_000, interval: 100 },
    )
    .toBe(0);
}

function snapshotDatabase(when: string): void {
  for (const suffix of ['', '-wal', '-shm']) {
    const file = `${databaseFile}${suffix}`;
    if (existsSync(file))
      databaseSnapshots.push({ when, file: `integration.sqlite${suffix}`, bytes: readFileSync(file) });
  }
}

// ---- The scan ------------------------------------------------------------------------------------------------------

interface Secret {
  name: string;
  value: string;
}

/**
 * The forms a secret could take in text: clear, URL-encoded, base64 and base64url; and for a long one its first,
 * middle and last 32 characters (a log line that shortens a token still leaks it).
 */
function formsOf(value: string): string[] {
  const forms = new Set([
    value,
    encodeURIComponent(value),
    Buffer.from(value, 'utf8').toString('base64'),
    Buffer.from(value, 'utf8').toString('base64url'),
  ]);
  if (value.length >= 48) {
    const middle = Math.floor(value.length / 2) - 16;
    for (const fragment of [value.slice(0, 32), value.slice(middle, middle + 32), value.slice(-32)])
      forms.add(fragment);
  }
  return [...forms];
}

function allSecrets(): Secret[] {
  const secrets: Secret[] = [
    { name: 'MS_OAUTH_CLIENT_SECRET', value: CLIENT_SECRET },
    { name: 'the wrong client secret tried', value: WRONG_SECRET },
    { name: 'the new client secret', value: NEXT_SECRET },
    { name: 'APP_KEY', value: APP_KEY },
    { name: 'APP_KEY (base64 part)', value: APP_KEY.slice('base64:'.length) },
    { name: 'APP_KEY bytes (hex)', value: APP_KEY_BYTES.toString('hex') },
    { name: 'APP_KEY bytes (base64url)', value: APP_KEY_BYTES.toString('base64url') },
    { name: 'the admin password', value: ADMIN.password },
  ];
  for (const [field, values] of proxy.seen) {
    for (const value of values) secrets.push({ name: `${field} (seen by the proxy)`, value });
  }
  for (const value of emulatorTokens) secrets.push({ name: 'a token the emulator issued', value });
  for (const value of states) secrets.push({ name: 'an OAuth state', value });
  for (const value of codes) secrets.push({ name: 'an authorization code', value });
  for (const value of sessionCookies) secrets.push({ name: 'a session cookie', value });
  const unique = new Map<string, Secret>();
  for (const secret of secrets) if (!unique.has(secret.value)) unique.set(secret.value, secret);
  return [...unique.values()];
}

/** `where: name` for every secret found in `text`, in any of its forms (one entry per secret). */
function leaksIn(where: string, text: string, secrets: Secret[]): string[] {
  const found: string[] = [];
  for (const secret of secrets) {
    const form = formsOf(secret.value).find((candidate) => text.includes(candidate));
    if (form !== undefined)
      found.push(`${where}: ${secret.name}${form === secret.value ? '' : ' (encoded or in part)'}`);
  }
  return found;
}

async function everyRow(): Promise<Map<string, string>> {
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(database.db);
  const rows = new Map<string, string>();
  for (const { name } of tables.rows) {
    const result = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(database.db);
    rows.set(
      name,
      JSON.stringify(result.rows, (_key, value: unknown) =>
        typeof value === 'bigint' ? String(value) : Buffer.isBuffer(value) ? value.toString('latin1') : value,
      ),
    );
  }
  return rows;
}

// ---- The run -------------------------------------------------------------------------------------------------------

beforeAll(async () => {
  undoStdio = captureStdio();
  const sqlite = TEST_ENGINES.find((engine) => engine.dialect === 'sqlite');
  if (!sqlite) throw new Error('no SQLite engine');
  testDb = await createTestDatabase(sqlite);
  databaseFile = testDb.url.replace(/^sqlite:/, '');
  const now = new Date();
  const proxyPort = await freePort();
  const proxyUrl = `http://127.0.0.1:${proxyPort}`;
  const seed = buildDemoTenantSeed({ now, ...IDS, clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT_URI] });
  emu = await startEmulator({
    seed,
    publicBaseUrl: proxyUrl,
    graph: { limits: 'off', teamOperationMs: 0, replicationDelayMs: 0 },
  });
  proxy = await startRecordingProxy(proxyPort, () => ({ host: '127.0.0.1', port: emu.context.options.port }));
  expect(emu.loginUrl).toBe(proxyUrl);
  control = new EmulatorControl(emu.controlUrl);

  const registration = { loginUrl: proxyUrl, graphUrl: proxyUrl, ...IDS, clientSecret: CLIENT_SECRET };
  config = testConfig({ ...registration, redirectUri: REDIRECT_URI }, testDb.url, {
    APP_KEY,
    LOG_LEVEL: 'debug',
  });
  cliEnv = {
    MS_AD_TENANT_ID: IDS.tenantId,
    MS_OAUTH_CLIENT_ID: IDS.clientId,
    MS_OAUTH_CLIENT_SECRET: CLIENT_SECRET,
    MS_LOGIN_URL: proxyUrl,
    MS_GRAPH_URL: proxyUrl,
    ENTRADA_URL: config.ENTRADA_URL,
    DATABASE_URL: testDb.url,
    APP_KEY,
    LOG_LEVEL: 'debug',
  };
  database = await openMigrated(testDb.url);
  elentra = elentraOnConnection(database);
  await migrateElentraDemoSchema(elentra);
  await seedDemo(elentra, { now });
  await createAccount(database, ADMIN);

  const log = new Writable({
    write(chunk, _encoding, done) {
      webLog += String(chunk);
      done();
    },
  });
  web = createWebServer({ config, database, elentra, log });
  await web.ready();
});

afterAll(async () => {
  undoStdio();
  if (!closed) {
    await web?.close();
    await database?.close();
  }
  await proxy?.close();
  await emu?.stop();
  await testDb?.drop();
  rmSync(cliCwd, { recursive: true, force: true });
});

describe('the client secret and tokens never appear in logs, pages, output or the database in clear', () => {
  it('authorizes through the emulator’s pages; a tampered state and a replayed code get error pages', async () => {
    const client = await signedInAdmin();
    const answer = await authorizeAtMicrosoft(client);
    const url = new URL(answer, 'http://localhost');
    const state = url.searchParams.get('state') ?? '';
    url.searchParams.set('state', `${state.slice(0, -3)}xyz`);
    const tampered = await get(client, `${url.pathname}${url.search}`);
    expect(tampered.status).toBe(400);
    expect(tampered.body).toContain('This answer from Microsoft was not recognised');
    const done = await get(client, answer);
    expect(done.location).toBe(`${ACCOUNT_PAGE}?connected=1`);
    expect((await get(client, done.location ?? '')).body).toContain(`Connected as ${ADMIN_MAIL}.`);
    const replay = await get(client, answer);
    expect(replay.status).toBe(400);
    expect(replay.body).toContain('This sign-in was already completed');
    // Another sign-in left half-way (its state stays in flight), and an error page of each kind.
    await authorizeAtMicrosoft(client);
    expect((await get(client, '/admin/no-such-page')).status).toBe(404);
    await get(client, '/admin/settings');
    expect((await post(client, '/admin/settings', { _csrf: 'forged' })).status).toBe(403);
    expect(proxy.seen.get('refresh_token')?.size ?? 0).toBeGreaterThan(0);
    expect(proxy.seen.get('code_verifier')?.size ?? 0).toBeGreaterThan(0);
  });

  it('runs the CLI: sync-teams, sync-events, the refresh job, the doctor, config:check', async () => {
    const teams = await cli('microsoft:sync-teams', '--json');
    expect(teams.code, teams.err).toBe(0);
    const events = await cli('microsoft:sync-events', '--json');
    expect(events.code, events.err).toBe(0);
    const refresh = await cli('schedule:run-job', 'microsoft:refresh-token');
    expect(refresh.code, refresh.err).toBe(0);
    const doctor = await cli('microsoft:doctor', '--json');
    expect(JSON.parse(doctor.out)).toHaveProperty('checks');
    const check = await cli('config:check', '--json');
    expect(check.code, check.err).toBe(0);
    expect(check.out).toContain('MS_OAUTH_CLIENT_SECRET');
  });

  it('visits every admin page, offering pages included, and runs Sync now from the dashboard', async () => {
    const client = await signedInAdmin();
    const visited = await crawl(client);
    for (const page of ADMIN_PAGES) expect(visited).toContain(page);
    expect(visited.some((url) => url.startsWith('/admin/dashboard/offering?'))).toBe(true);
    await get(client, '/admin/dashboard');
    const started = await post(client, '/admin/dashboard/sync', {});
    expect(started.status).toBe(303);
    await waitForWebRuns();
    await get(client, '/admin/dashboard');
    snapshotDatabase('after a good run, before any checkpoint');
  });

  it('the token endpoint failing: expired access tokens and client secret, a wrong secret, a revoked grant', async () => {
    const app = emu.context.tenant.apps[0];
    const secretId = app?.secrets[0]?.id;
    if (!secretId) throw new Error('the demo app has no secret');
    await control.call('POST', '/tokens/expire', {});
    await control.call('POST', `/apps/${IDS.clientId}/secrets/${secretId}/expire`);

    const doctor = await cli('microsoft:doctor', '--json');
    expect(doctor.code).toBe(1);
    expect(doctor.out).toMatch(/AADSTS7000222/);
    expect((await cli('microsoft:sync-teams', '--json')).code).toBe(1);
    // Nothing changed in Elentra since the last run: the events sync may finish without asking Microsoft at all.
    await cli('microsoft:sync-events', '--json');
    expect((await cli('schedule:run-job', 'microsoft:refresh-token')).code).toBe(1);
    cliEnv.MS_OAUTH_CLIENT_SECRET = WRONG_SECRET;
    expect((await cli('microsoft:doctor', '--json')).out).toMatch(/AADSTS7000215/);
    expect((await cli('microsoft:sync-teams')).code).toBe(1);

    const client = await signedInAdmin();
    await get(client, '/admin/dashboard');
    await post(client, '/admin/dashboard/sync', {});
    await waitForWebRuns();
    await crawl(client);
    // Re-authorizing with the expired secret: Microsoft refuses the code exchange, the page says so in words.
    const refused = await get(client, await authorizeAtMicrosoft(client));
    expect(refused.status).toBeGreaterThanOrEqual(400);

    // A new secret, then the grant revoked: the refresh is refused with AADSTS50173.
    await control.call('POST', `/apps/${IDS.clientId}/secrets`, {
      id: 'f0000000-0000-4000-8000-0000000000b1',
      value: NEXT_SECRET,
      expiresAt: '2099-01-01T00:00:00Z',
    });
    cliEnv.MS_OAUTH_CLIENT_SECRET = NEXT_SECRET;
    await control.call('POST', '/tokens/revoke', {});
    const revoked = await cli('microsoft:sync-teams', '--json');
    expect(revoked.code).toBe(1);
    expect(`${revoked.out}\n${revoked.err}`).toMatch(/authoriz/i);
    expect((await cli('microsoft:doctor', '--json')).out).toMatch(/AADSTS50173/);
    expect((await cli('config:check', '--json')).code).toBe(0);
    await crawl(client);
    snapshotDatabase('after the failures, before any checkpoint');
  });

  it('found nothing secret anywhere the product wrote', async () => {
    const secrets = allSecrets();
    // The run really handled what is scanned for.
    for (const field of ['access_token', 'refresh_token', 'id_token', 'code', 'code_verifier', 'client_secret']) {
      expect(proxy.seen.get(field)?.size ?? 0, field).toBeGreaterThan(0);
    }
    expect(states.size).toBeGreaterThanOrEqual(3);
    expect(codes.size).toBeGreaterThanOrEqual(3);
    expect(sessionCookies.size).toBeGreaterThan(0);
    // Every refresh token the emulator issued went through the proxy (so the proxy saw them all).
    for (const token of emulatorTokens) {
      if (token.startsWith('1.A')) expect(proxy.seen.get('refresh_token')?.has(token)).toBe(true);
    }
    expect(webLog).toMatch(/"path":"\/api\/ms-graph-oauth\.php/);
    expect(pages.length).toBeGreaterThan(30);

    const leaks: string[] = [];
    leaks.push(...leaksIn('web log', webLog, secrets));
    leaks.push(...leaksIn('process stdout/stderr', processOutput, secrets));
    for (const { command, text } of cliOutputs) leaks.push(...leaksIn(`CLI ${command}`, text, secrets));
    for (const { url, page } of pages) {
      const { 'set-cookie': _cookie, location: _location, ...headers } = page.headers;
      leaks.push(...leaksIn(`page ${url}`, `${page.body}\n${JSON.stringify(headers)}`, secrets));
    }
    for (const location of ownRedirects) leaks.push(...leaksIn(`redirect to ${location}`, location, secrets));
    // The authorize redirect carries its state by design; nothing else secret may ride along.
    const notStates = secrets.filter((secret) => !states.has(secret.value));
    for (const location of authorizeRedirects) leaks.push(...leaksIn('authorize redirect', location, notStates));
    // Set-Cookie carries the session cookie by design; no token, code or key may be in it.
    const notCookies = secrets.filter((secret) => !sessionCookies.has(secret.value));
    for (const cookie of setCookies) leaks.push(...leaksIn('Set-Cookie', cookie, notCookies));

    const rows = await everyRow();
    for (const table of ['audit_log', 'sync_runs', 'sync_offering_results', 'cron_runs', 'service_tokens']) {
      expect(rows.get(table)?.length ?? 0, `${table} has rows`).toBeGreaterThan('[]'.length);
    }
    // The error paths wrote their rows too (what is scanned includes failures, in words).
    expect(rows.get('audit_log')).toContain('microsoft.authorize_failed');
    expect(rows.get('cron_runs')).toContain('AADSTS7000222');
    for (const [table, text] of rows) leaks.push(...leaksIn(`table ${table}`, text, secrets));

    snapshotDatabase('before the checkpoint');
    await sql`pragma wal_checkpoint(truncate)`.execute(database.db);
    snapshotDatabase('after the checkpoint');
    await web.close();
    await database.close();
    closed = true;
    snapshotDatabase('after closing');
    expect(databaseSnapshots.some((snapshot) => snapshot.file.endsWith('-wal') && snapshot.bytes.length > 0)).toBe(
      true,
    );
    for (const snapshot of databaseSnapshots) {
      const where = `${snapshot.file} (${snapshot.when})`;
      leaks.push(...leaksIn(where, snapshot.bytes.toString('latin1'), secrets));
      if (snapshot.bytes.includes(APP_KEY_BYTES)) leaks.push(`${where}: APP_KEY's raw bytes`);
    }
    // The encrypted tokens are there (so the scan looked at the right file).
    expect(databaseSnapshots.some((snapshot) => snapshot.bytes.toString('latin1').includes('v1:'))).toBe(true);
    expect(leaks).toEqual([]);
  });
});
