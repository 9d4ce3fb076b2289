// The service token over time, against the emulator over real HTTP and on every configured database engine:
// refresh ahead of expiry with rotation and re-encryption, concurrent refreshes from separate processes (separate
// database handles) that never lose the newest refresh token, the 90-day inactivity expiry, revocation, an expired
// client secret, the keep-alive job, disconnect, and APP_KEY rotation.
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../emulator/src/server.js';
import { firstApp } from '../emulator/src/testing/oauth.js';
import { type Config, requireAppKey } from '../src/config/index.js';
import { type IntegrationDatabase, openIntegrationDatabase } from '../src/db/index.js';
import {
  AccessTokenSource,
  ClientSecretError,
  completeAuthorization,
  createIdentity,
  disconnectMicrosoftAccount,
  type Identity,
  NotAuthorizedError,
  ReauthorizationRequiredError,
  runRefreshTokenJob,
  ServiceTokenStore,
  startAuthorization,
  tokenKeys,
  tokenKeysFromConfig,
} from '../src/microsoft/identity/index.js';
import { followAuthorizeRedirect, openMigrated, testConfig } from '../src/microsoft/testing/identity-fixture.js';
import { createTestDatabase, describeEachEngine, type TestDatabase } from './support/databases.js';

const ADMIN = 'alex.admin@elentra-demo.onmicrosoft.com';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface LogEntry {
  seq: number;
  method: string;
  path: string;
  status: number | null;
}

describeEachEngine('service token refresh', (engine) => {
  let emu: RunningEmulator;
  let emulatorOffsetMs = 0;
  let ourOffsetMs = 0;
  let testDb: TestDatabase;
  let config: Config;
  let registration: Parameters<typeof testConfig>[0];
  const handles: IntegrationDatabase[] = [];
  let identity: Identity;

  const now = () => Date.now() + ourOffsetMs;

  async function control(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const init: RequestInit =
      body === undefined
        ? { method }
        : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
    return (await fetch(`${emu.controlUrl}${path}`, init)).json();
  }

  async function lastSeq(): Promise<number> {
    const { requests } = (await control('GET', '/requests')) as { requests: LogEntry[] };
    return requests.at(-1)?.seq ?? 0;
  }

  async function tokenRequestsSince(seq: number): Promise<LogEntry[]> {
    const { requests } = (await control('GET', `/requests?since=${seq}`)) as { requests: LogEntry[] };
    return requests.filter((entry) => entry.method === 'POST' && entry.path.endsWith('/oauth2/v2.0/token'));
  }

  async function openStore(keys = tokenKeysFromConfig(config)): Promise<ServiceTokenStore> {
    // Already migrated in beforeAll (concurrent migrateToLatest on one SQLite file can fail with SQLITE_BUSY).
    const database = await openIntegrationDatabase(testDb.url);
    handles.push(database);
    return new ServiceTokenStore({ database, keys, tokenId: config.MS_SERVICE_TOKEN_ID, now });
  }

  async function connect(): Promise<void> {
    const started = await startAuthorization(identity, { sessionId: 'session', loginHint: ADMIN });
    const answer = await followAuthorizeRedirect(started.url);
    await completeAuthorization(identity, { answer, sessionId: 'session', authorizedBy: 'admin' });
  }

  /** A source with its own store and database handle: what a separate process would have. */
  async function process(keys = tokenKeysFromConfig(config)) {
    const store = await openStore(keys);
    return { store, source: new AccessTokenSource({ config, store }) };
  }

  beforeAll(async () => {
    emu = await startEmulator({ autoConsent: true, now: () => Date.now() + emulatorOffsetMs });
    const app = firstApp(emu);
    testDb = await createTestDatabase(engine);
    registration = {
      loginUrl: emu.loginUrl,
      graphUrl: emu.graphUrl,
      tenantId: emu.context.tenant.tenantId,
      clientId: app.clientId,
      clientSecret: app.secret,
      redirectUri: app.redirectUri,
    };
    config = testConfig(registration, testDb.url);
    const database = await openMigrated(testDb.url);
    handles.push(database);
    identity = createIdentity({ config, database, now });
  });

  afterEach(async () => {
    ourOffsetMs = 0;
    emulatorOffsetMs = 0;
    await control('POST', '/reset', {});
  });

  afterAll(async () => {
    await Promise.all(handles.map((handle) => handle.close()));
    await testDb?.drop();
    await emu?.stop();
  });

  it('uses the stored access token while it has more than 5 minutes left', async () => {
    await connect();
    const { source, store } = await process();
    const seq = await lastSeq();
    ourOffsetMs = HOUR - 10 * 60_000;
    expect(await source.getAccessToken()).toBe((await store.read())?.accessToken);
    expect(await tokenRequestsSince(seq)).toHaveLength(0);
  });

  it('refreshes ahead of expiry, rotating the refresh token and re-encrypting both', async () => {
    await connect();
    const { source, store } = await process();
    const before = await store.read();
    const rowBefore = await handles[0]?.db.selectFrom('service_tokens').selectAll().executeTakeFirstOrThrow();
    const seq = await lastSeq();
    ourOffsetMs = HOUR - 4 * 60_000;

    const token = await source.getAccessToken();
    const after = await store.read();
    const rowAfter = await handles[0]?.db.selectFrom('service_tokens').selectAll().executeTakeFirstOrThrow();
    expect(await tokenRequestsSince(seq)).toHaveLength(1);
    expect(token).not.toBe(before?.accessToken);
    expect(after?.accessToken).toBe(token);
    expect(after?.refreshToken).not.toBe(before?.refreshToken);
    expect(after?.version).toBe((before?.version ?? 0) + 1);
    expect(after?.lastRefreshedAt).toBeGreaterThan(before?.lastRefreshedAt ?? 0);
    expect(rowAfter?.refresh_token_ciphertext).not.toBe(rowBefore?.refresh_token_ciphertext);
    expect(rowAfter?.access_token_ciphertext).not.toBe(rowBefore?.access_token_ciphertext);
    expect(emu.context.tokens.verifyAccessToken(token)).toMatchObject({ ok: true });
  });

  it('10 concurrent calls from 3 processes after expiry: all succeed, one token wins, nothing newer is lost', async () => {
    await connect();
    const processes = await Promise.all([process(), process(), process()]);
    const initial = await processes[0]?.store.read();
    const seq = await lastSeq();
    ourOffsetMs = 2 * HOUR;

    const calls = Array.from({ length: 10 }, (_, i) => processes[i % 3]?.source.getAccessToken());
    const tokens = await Promise.all(calls);
    const stored = await processes[0]?.store.read();
    const refreshes = await tokenRequestsSince(seq);

    // In-process calls coalesce: at most one refresh per process; every caller got the token that was saved.
    expect(refreshes.length).toBeGreaterThanOrEqual(1);
    expect(refreshes.length).toBeLessThanOrEqual(3);
    expect(refreshes.every((entry) => entry.status === 200)).toBe(true);
    expect(new Set(tokens)).toEqual(new Set([stored?.accessToken]));
    // Exactly one save won; a loser never overwrote it with its own (older or newer-but-unsaved) pair.
    expect(stored?.version).toBe((initial?.version ?? 0) + 1);
    expect(stored?.refreshToken).not.toBe(initial?.refreshToken);
    // The stored refresh token is live: the next refresh (another process) redeems it.
    ourOffsetMs = 4 * HOUR;
    const later = await process();
    await expect(later.source.getAccessToken()).resolves.toBeTypeOf('string');
    expect((await later.store.read())?.version).toBe((stored?.version ?? 0) + 1);
  });

  it('when 3 processes all redeem at once, the losers use the winner’s token instead of failing', async () => {
    await connect();
    // Every process reads the same version before any refreshes: three refreshes, two version conflicts.
    let waiting: Array<() => void> = [];
    let armed = true;
    const barrierStore = async () => {
      const store = await openStore();
      const read = store.read.bind(store);
      store.read = async () => {
        const record = await read();
        if (!armed) return record;
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          if (waiting.length === 3) {
            armed = false;
            for (const release of waiting) release();
            waiting = [];
          }
        });
        return record;
      };
      return new AccessTokenSource({ config, store });
    };
    const sources = await Promise.all([barrierStore(), barrierStore(), barrierStore()]);
    const initial = await identity.store.read();
    const seq = await lastSeq();
    ourOffsetMs = 2 * HOUR;

    const tokens = await Promise.all(sources.map((source) => source.getAccessToken()));
    const stored = await identity.store.read();
    expect(await tokenRequestsSince(seq)).toHaveLength(3);
    expect(new Set(tokens)).toEqual(new Set([stored?.accessToken]));
    expect(stored?.version).toBe((initial?.version ?? 0) + 1);
    const later = await process();
    ourOffsetMs = 4 * HOUR;
    await expect(later.source.getAccessToken()).resolves.toBeTypeOf('string');
  });

  it('90 days without use: needs re-authorization with the reason in words, and jobs stop at once', async () => {
    await connect();
    const { source } = await process();
    emulatorOffsetMs = 91 * DAY;
    ourOffsetMs = 91 * DAY;
    const error = await source.getAccessToken().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReauthorizationRequiredError);
    expect((error as ReauthorizationRequiredError).aadsts).toBe(700082);
    expect((error as ReauthorizationRequiredError).message).toContain('expired after 90 days without use');
    expect((error as ReauthorizationRequiredError).message).toContain('Re-authorize');

    const summary = await identity.store.summary();
    expect(summary.status).toBe('needs_reauthorization');
    expect(summary.reason).toContain('90 days');
    const row = await handles[0]?.db.selectFrom('service_tokens').selectAll().executeTakeFirstOrThrow();
    expect(row?.refresh_token_ciphertext).toBeNull();

    const seq = await lastSeq();
    const other = await process();
    await expect(other.source.getAccessToken()).rejects.toBeInstanceOf(ReauthorizationRequiredError);
    await expect(runRefreshTokenJob({ config, store: other.store })).rejects.toThrow(/90 days/);
    expect(await tokenRequestsSince(seq)).toHaveLength(0);
  });

  it('a revoked grant (password reset, admin revocation) needs re-authorization with the reason', async () => {
    await connect();
    const { source } = await process();
    await control('POST', '/tokens/revoke', {});
    ourOffsetMs = 2 * HOUR;
    const error = await source.getAccessToken().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReauthorizationRequiredError);
    expect((error as ReauthorizationRequiredError).aadsts).toBe(50173);
    expect((await identity.store.summary()).reason).toMatch(/revoked/);
  });

  it('an expired client secret says to create a new one, and leaves the token alone', async () => {
    await connect();
    const { source } = await process();
    const app = emu.context.tenant.apps[0];
    await control('POST', `/apps/${app?.clientId}/secrets/${app?.secrets[0]?.id}/expire`, {});
    ourOffsetMs = 2 * HOUR;
    const error = await source.getAccessToken().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ClientSecretError);
    expect((error as ClientSecretError).message).toMatch(/new client secret/);
    expect((error as ClientSecretError).message).toContain('MS_OAUTH_CLIENT_SECRET');
    expect((error as ClientSecretError).message).not.toContain(config.MS_OAUTH_CLIENT_SECRET?.reveal() ?? '');
    expect((await identity.store.summary()).status).toBe('connected');
  });

  it('the keep-alive job refreshes even a fresh token; without authorization it does nothing', async () => {
    await connect();
    const { store } = await process();
    const before = await store.read();
    const seq = await lastSeq();
    const result = await runRefreshTokenJob({ config, store });
    expect(result.outcome).toBe('refreshed');
    expect(await tokenRequestsSince(seq)).toHaveLength(1);
    expect((await store.read())?.refreshToken).not.toBe(before?.refreshToken);

    await store.setOutlookTimeZone('Eastern Standard Time');
    expect(await disconnectMicrosoftAccount({ config, store })).toBe(true);
    expect((await runRefreshTokenJob({ config, store })).outcome).toBe('not-authorized');
    await expect(new AccessTokenSource({ config, store }).getAccessToken()).rejects.toBeInstanceOf(NotAuthorizedError);
    const summary = await store.summary();
    expect(summary).toMatchObject({ status: 'disconnected', account: null, outlookTimeZone: 'Eastern Standard Time' });
  });

  it('after an APP_KEY rotation the old key decrypts and the next refresh re-encrypts under the new key', async () => {
    await connect();
    const oldKeys = tokenKeysFromConfig(config);
    const newKeys = tokenKeys(randomBytes(32), [oldKeys.current.key]);
    const { store, source } = await process(newKeys);
    const before = await store.read();
    expect(before?.keyId).toBe(oldKeys.current.id);
    ourOffsetMs = 2 * HOUR;
    await source.getAccessToken();
    const after = await store.read();
    expect(after?.keyId).toBe(newKeys.current.id);
    const withoutOld = await process(tokenKeys(newKeys.current.key));
    expect((await withoutOld.store.read())?.refreshToken).toBe(after?.refreshToken);
  });

  it('rotation by configuration: APP_PREVIOUS_KEYS decrypts the old token, the next refresh re-encrypts it', async () => {
    await connect();
    const oldKey = config.APP_KEY?.reveal() ?? '';
    const newKey = randomBytes(32).toString('hex');
    const rotated = testConfig(registration, testDb.url, { APP_KEY: newKey, APP_PREVIOUS_KEYS: ` ${oldKey} ,` });
    const oldId = tokenKeysFromConfig(config).current.id;
    const newId = tokenKeysFromConfig(rotated).current.id;
    expect(newId).not.toBe(oldId);

    // Without APP_PREVIOUS_KEYS the new key alone cannot read the token…
    const newKeyOnly = testConfig(registration, testDb.url, { APP_KEY: newKey });
    const database = await openIntegrationDatabase(testDb.url);
    handles.push(database);
    const lost = createIdentity({ config: newKeyOnly, database, now }).store;
    await expect(lost.read()).rejects.toThrow(/cannot be decrypted.*APP_KEY \(id [0-9a-f]{8}\) that is not configured/);

    // …with it, every createIdentity() reads it, and the next refresh writes it under the new key.
    const identityAfterRestart = createIdentity({ config: rotated, database, now });
    const before = await identityAfterRestart.store.read();
    expect(before?.keyId).toBe(oldId);
    ourOffsetMs = 2 * HOUR;
    const result = await runRefreshTokenJob({ config: rotated, store: identityAfterRestart.store });
    expect(result.outcome).toBe('refreshed');
    const after = await identityAfterRestart.store.read();
    expect(after?.keyId).toBe(newId);
    expect(requireAppKey(rotated).toString('hex')).toBe(newKey);

    // The old key can now be removed from the configuration.
    expect((await lost.read())?.refreshToken).toBe(after?.refreshToken);
  });
});
