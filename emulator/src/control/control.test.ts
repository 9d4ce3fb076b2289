// The control API's base over real HTTP: tenant, reset (with seed validation), token revocation and expiry, minted
// tokens, app secrets and admin consent.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../server.js';
import { DEFAULT_SEED_PATH, loadSeedFile } from '../tenant/load-seed.js';
import { firstApp, signIn, tokenRequest } from '../testing/oauth.js';

let emu: RunningEmulator;
const TEACHER = 'taylor.teacher@elentra-demo.onmicrosoft.com';

async function post(path: string, body?: unknown) {
  const response = await fetch(`${emu.controlUrl}${path}`, {
    method: 'POST',
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.stop());
beforeEach(async () => {
  await post('/reset');
});

describe('GET /_emulator/tenant', () => {
  it('shows users and apps without passwords or secret values', async () => {
    const text = await (await fetch(`${emu.controlUrl}/tenant`)).text();
    const tenant = JSON.parse(text);
    expect(tenant).toMatchObject({ tenantId: emu.context.tenant.tenantId, domain: 'elentra-demo.onmicrosoft.com' });
    expect(tenant.users).toHaveLength(5);
    expect(tenant.apps[0].secrets[0]).toEqual({ id: expect.any(String), expiresAt: '2099-12-31T00:00:00Z' });
    expect(text).not.toContain('emulator-secret-value');
    expect(text).not.toContain('Passw0rd!');
  });
});

describe('POST /_emulator/reset', () => {
  it('refuses an invalid seed and lists every problem with its path', async () => {
    const seed = loadSeedFile(DEFAULT_SEED_PATH);
    const result = await post('/reset', { ...seed, tenantId: 'nope', users: [{ id: 'x' }] });
    expect(result.status).toBe(400);
    expect(result.body.error).toMatchObject({ code: 'InvalidSeed' });
    const details = (result.body.error as { details: string[] }).details.join('\n');
    expect(details).toContain('tenantId: must be a GUID');
    expect(details).toContain('users[0].displayName');
    expect(emu.context.tenant.tenantId).toBe(seed.tenantId);
  });

  it('replaces the tenant, forgets tokens and runs the reset hooks', async () => {
    const { access_token } = await signIn(emu, TEACHER);
    const seen: string[] = [];
    emu.context.onReset.push((seed) => seen.push(seed.tenantId));
    const seed = {
      ...loadSeedFile(DEFAULT_SEED_PATH),
      tenantId: '11111111-1111-4111-8111-111111111111',
      domain: 'other.onmicrosoft.com',
    };
    expect((await post('/reset', seed)).status).toBe(200);
    expect(emu.context.tenant).toMatchObject({ tenantId: seed.tenantId, domain: 'other.onmicrosoft.com' });
    expect(seen).toEqual([seed.tenantId]);
    expect(emu.context.tokens.verifyAccessToken(access_token)).toEqual({ ok: false, reason: 'invalid' });
    emu.context.onReset.pop();
  });
});

describe('tokens', () => {
  it('expire: access tokens expire now, refresh tokens keep working', async () => {
    const first = await signIn(emu, TEACHER);
    expect((await post('/tokens/expire')).body).toEqual({ expired: 1 });
    expect(emu.context.tokens.verifyAccessToken(`Bearer ${first.access_token}`)).toEqual({
      ok: false,
      reason: 'expired',
    });
    const app = firstApp(emu);
    const refreshed = await tokenRequest(emu, {
      grant_type: 'refresh_token',
      client_id: app.clientId,
      client_secret: app.secret,
      refresh_token: first.refresh_token ?? '',
    });
    expect(refreshed.status).toBe(200);
  });

  it('revoke: every user when no userId is given; 404 for an unknown user', async () => {
    const a = await signIn(emu, TEACHER);
    const b = await signIn(emu, 'sam.student@elentra-demo.onmicrosoft.com');
    expect((await post('/tokens/revoke', {})).status).toBe(200);
    for (const t of [a, b]) expect(emu.context.tokens.verifyAccessToken(t.access_token).ok).toBe(false);
    expect((await post('/tokens/revoke', { userId: 'ghost@x.org' })).status).toBe(404);
  });

  it('mints an access token for tests', async () => {
    const result = await post('/tokens', { userId: TEACHER, scopes: ['user.readbasic.all'] });
    const check = emu.context.tokens.verifyAccessToken(String(result.body.access_token));
    expect(check).toMatchObject({
      ok: true,
      grant: { scopes: ['User.ReadBasic.All'], userId: 'a1b2c3d4-0002-4000-8000-000000000002' },
    });
  });
});

describe('apps and consent', () => {
  it('adds a secret that works at the token endpoint', async () => {
    const app = firstApp(emu);
    const added = await post(`/apps/${app.clientId}/secrets`, { value: 'fresh-secret' });
    expect(added.status).toBe(201);
    const result = await tokenRequest(emu, {
      grant_type: 'refresh_token',
      client_id: app.clientId,
      client_secret: 'fresh-secret',
      refresh_token: 'x',
    });
    expect(result.body.error_codes).toEqual([9002313]);
    expect((await post('/apps/00000000-0000-0000-0000-000000000000/secrets', {})).status).toBe(404);
  });

  it('grants and revokes admin consent; refuses unknown scopes', async () => {
    const clientId = firstApp(emu).clientId;
    const granted = await post('/consent', { clientId, grant: ['team.create'], revoke: ['Group.ReadWrite.All'] });
    expect(granted.body.adminConsentedScopes).toEqual(['TeamMember.ReadWrite.All', 'Team.Create']);
    expect((await post('/consent', { clientId, grant: ['Mail.Nope'] })).status).toBe(400);
  });
});
