// Authorizing the Microsoft account end to end against the emulator over real HTTP: MSAL's authorize URL, the
// auto-consent redirect, the code exchange, the encrypted service token; and every way an answer can be refused
// (state tampered, replayed, expired, from another session; code replayed; consent missing; Cancel).
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningEmulator, startEmulator } from '../emulator/src/server.js';
import { firstApp } from '../emulator/src/testing/oauth.js';
import type { Config } from '../src/config/index.js';
import type { IntegrationDatabase } from '../src/db/index.js';
import {
  AuthorizationFailedError,
  AuthorizationStateError,
  completeAuthorization,
  createIdentity,
  type Identity,
  startAuthorization,
} from '../src/microsoft/identity/index.js';
import { followAuthorizeRedirect, openMigrated, testConfig } from '../src/microsoft/testing/identity-fixture.js';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from './support/databases.js';

const ADMIN = 'alex.admin@elentra-demo.onmicrosoft.com';
const TEACHER = 'taylor.teacher@elentra-demo.onmicrosoft.com';
const SQLITE = TEST_ENGINES.find((engine) => engine.dialect === 'sqlite');

let emu: RunningEmulator;
let testDb: TestDatabase;
let database: IntegrationDatabase;
let config: Config;
let clock = 0;
let identity: Identity;

async function control(path: string, body: unknown = {}): Promise<unknown> {
  const response = await fetch(`${emu.controlUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return response.json();
}

async function authorize(sessionId: string, loginHint = ADMIN) {
  const started = await startAuthorization(identity, { sessionId, loginHint });
  return { started, answer: await followAuthorizeRedirect(started.url) };
}

async function stateError(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AuthorizationStateError)) throw new Error(`expected a state error, got ${String(error)}`);
  return error.problem;
}

beforeAll(async () => {
  if (!SQLITE) throw new Error('no SQLite engine');
  emu = await startEmulator({ autoConsent: true });
  const app = firstApp(emu);
  testDb = await createTestDatabase(SQLITE);
  const registration = {
    loginUrl: emu.loginUrl,
    graphUrl: emu.graphUrl,
    tenantId: emu.context.tenant.tenantId,
    clientId: app.clientId,
    clientSecret: app.secret,
    redirectUri: app.redirectUri,
  };
  config = testConfig(registration, testDb.url);
  database = await openMigrated(testDb.url);
  identity = createIdentity({ config, database, now: () => Date.now() + clock });
});

afterAll(async () => {
  await database?.close();
  await testDb?.drop();
  await emu?.stop();
});

afterEach(async () => {
  clock = 0;
  vi.restoreAllMocks();
  await control('/reset');
});

describe('authorization code flow with PKCE', () => {
  it('builds the authorize URL from MS_LOGIN_URL with every scope, PKCE S256 and the redirect URL', async () => {
    const { url } = await startAuthorization(identity, { sessionId: 'session-a', loginHint: ADMIN });
    const parsed = new URL(url);
    expect(`${parsed.origin}${parsed.pathname}`).toBe(
      `${emu.loginUrl}/${emu.context.tenant.tenantId}/oauth2/v2.0/authorize`,
    );
    const params = parsed.searchParams;
    expect(params.get('client_id')).toBe(config.MS_OAUTH_CLIENT_ID);
    expect(params.get('redirect_uri')).toBe(config.MS_OAUTH_REDIRECT_URL);
    expect(params.get('response_type')).toBe('code');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // With a login_hint no prompt is sent (select_account and a hint exclude each other); without, select_account.
    expect(params.get('prompt')).toBeNull();
    expect(params.get('login_hint')).toBe(ADMIN);
    const unhinted = await startAuthorization(identity, { sessionId: 'session-a' });
    expect(new URL(unhinted.url).searchParams.get('prompt')).toBe('select_account');
    expect(params.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const scopes = (params.get('scope') ?? '').split(' ');
    expect(scopes).toEqual(expect.arrayContaining([...config.MS_OAUTH_SCOPES]));
  });

  it('signs in, redeems the code with MSAL over http, and stores the token encrypted', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const { answer } = await authorize('session-a');
    expect(answer.redirectedTo).toBe(config.MS_OAUTH_REDIRECT_URL);
    const done = await completeAuthorization(identity, { answer, sessionId: 'session-a', authorizedBy: 'admin' });

    expect(done.account).toEqual({
      username: ADMIN,
      homeAccountId: `a1b2c3d4-0001-4000-8000-000000000001.${emu.context.tenant.tenantId}`,
      tenantId: emu.context.tenant.tenantId,
    });
    // Every request, MSAL's included, went to MS_LOGIN_URL: no discovery call to login.microsoftonline.com.
    const urls = fetchSpy.mock.calls.map(([input]) => (input instanceof Request ? input.url : String(input)));
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.every((url) => url.startsWith(emu.baseUrl))).toBe(true);

    const summary = await identity.store.summary();
    expect(summary).toMatchObject({ status: 'connected', reason: null, authorizedBy: 'admin' });
    expect(summary.grantedScopes.map((s) => s.toLowerCase())).toEqual(
      expect.arrayContaining(config.MS_OAUTH_SCOPES.map((s) => s.toLowerCase())),
    );
    const row = await database.db.selectFrom('service_tokens').selectAll().executeTakeFirstOrThrow();
    expect(row.refresh_token_ciphertext).toMatch(/^v1:[0-9a-f]{8}:/);
    expect(row.access_token_ciphertext).toMatch(/^v1:[0-9a-f]{8}:/);
    const record = await identity.store.read();
    expect(record?.refreshToken).toMatch(/^1\.A/);
    expect(emu.context.tokens.verifyAccessToken(record?.accessToken ?? '')).toMatchObject({ ok: true });

    // Re-authorizing asks Microsoft for consent again.
    const again = await startAuthorization(identity, { sessionId: 'session-a' });
    expect(new URL(again.url).searchParams.get('prompt')).toBe('consent');
  });

  it('keeps no token, secret, verifier or session id in plain text in the SQLite file', async () => {
    const { answer } = await authorize('session-secret-123');
    await completeAuthorization(identity, { answer, sessionId: 'session-secret-123', authorizedBy: 'admin' });
    const pending = await startAuthorization(identity, { sessionId: 'session-pending-456' });
    const record = await identity.store.read();
    const file = testDb.url.slice('sqlite:'.length);
    // Checkpoint the WAL into the main file, and read both anyway.
    await sql`PRAGMA wal_checkpoint(FULL)`.execute(database.db);
    const bytes = ['', '-wal']
      .map((suffix) => {
        try {
          return readFileSync(`${file}${suffix}`).toString('latin1');
        } catch {
          return '';
        }
      })
      .join('');
    const secrets = {
      refreshToken: record?.refreshToken ?? 'missing',
      accessToken: record?.accessToken ?? 'missing',
      clientSecret: config.MS_OAUTH_CLIENT_SECRET?.reveal() ?? 'missing',
      sessionId: 'session-pending-456',
      state: new URL(pending.url).searchParams.get('state') ?? 'missing',
    };
    expect(bytes.length).toBeGreaterThan(0);
    for (const [name, secret] of Object.entries(secrets)) {
      expect(secret.length, name).toBeGreaterThan(10);
      expect(bytes.includes(secret), `${name} found in the database file`).toBe(false);
    }
    expect(bytes.includes(ADMIN)).toBe(true); // the file was really read: the account name is there
  });
});

describe('answers that are refused', () => {
  it('rejects a missing, tampered, replayed or expired state, and one from another session', async () => {
    const { answer } = await authorize('session-b');
    const tampered = `${answer.state?.slice(0, -1)}${answer.state?.endsWith('A') ? 'B' : 'A'}`;
    const attempt = (state: string | undefined, sessionId: string) =>
      completeAuthorization(identity, { answer: { ...answer, state }, sessionId, authorizedBy: 'admin' });

    expect(await stateError(attempt(undefined, 'session-b'))).toBe('missing');
    expect(await stateError(attempt(tampered, 'session-b'))).toBe('unknown');
    expect(await stateError(attempt(answer.state, 'session-other'))).toBe('other-session');
    // The rightful session can still finish after someone else tried its state.
    await attempt(answer.state, 'session-b');
    expect(await stateError(attempt(answer.state, 'session-b'))).toBe('used');

    const late = await authorize('session-c');
    clock = 10 * 60_000 + 1_000;
    expect(
      await stateError(completeAuthorization(identity, { ...late, sessionId: 'session-c', authorizedBy: 'admin' })),
    ).toBe('expired');
  });

  it('rejects a replayed code with a plain message and keeps the stored token', async () => {
    const first = await authorize('session-d');
    await completeAuthorization(identity, { answer: first.answer, sessionId: 'session-d', authorizedBy: 'admin' });
    const before = await identity.store.read();
    const second = await startAuthorization(identity, { sessionId: 'session-d' });
    const replay = { code: first.answer.code, state: new URL(second.url).searchParams.get('state') ?? undefined };
    const error = await completeAuthorization(identity, {
      answer: replay,
      sessionId: 'session-d',
      authorizedBy: 'admin',
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthorizationFailedError);
    expect((error as AuthorizationFailedError).message).toMatch(/already used/);
    expect((error as AuthorizationFailedError).message).toContain('AADSTS54005');
    expect((await identity.store.read())?.refreshToken).toBe(before?.refreshToken);
  });

  it('names the permission that was not consented', async () => {
    await control('/consent', { clientId: config.MS_OAUTH_CLIENT_ID, revoke: ['TeamMember.ReadWrite.All'] });
    const { answer } = await authorize('session-e', TEACHER);
    expect(answer.error).toBe('consent_required');
    const error = await completeAuthorization(identity, {
      answer,
      sessionId: 'session-e',
      authorizedBy: 'admin',
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthorizationFailedError);
    expect((error as AuthorizationFailedError).code).toBe('microsoft.scopes_missing');
    expect((error as AuthorizationFailedError).missingScopes).toEqual(['TeamMember.ReadWrite.All']);
    expect((error as AuthorizationFailedError).message).toContain('Missing: TeamMember.ReadWrite.All');
  });

  it('explains a Cancel on the consent page', async () => {
    const before = await identity.store.summary();
    const started = await startAuthorization(identity, { sessionId: 'session-f' });
    const state = new URL(started.url).searchParams.get('state') ?? undefined;
    const answer = { state, error: 'access_denied', error_description: 'AADSTS65004: User declined to consent.' };
    const error = await completeAuthorization(identity, {
      answer,
      sessionId: 'session-f',
      authorizedBy: 'admin',
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthorizationFailedError);
    expect((error as AuthorizationFailedError).message).toMatch(/declined/);
    expect(await identity.store.summary()).toEqual(before);
  });
});
