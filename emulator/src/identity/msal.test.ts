// Microsoft's own MSAL for Node against the emulator, configured only through its authority metadata (as the product
// configures it): the authority stays https://login.microsoftonline.com/{tenant} and `authorityMetadata` points every
// endpoint at the emulator. Proves getAuthCodeUrl → authorize → acquireTokenByCode → acquireTokenSilent (refresh).
import { ConfidentialClientApplication, CryptoProvider } from '@azure/msal-node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningEmulator, startEmulator } from '../server.js';
import { driveSignIn, firstApp } from '../testing/oauth.js';

const SCOPES = ['User.ReadBasic.All', 'Group.ReadWrite.All', 'Team.Create', 'TeamMember.ReadWrite.All'];

async function msalFor(emu: RunningEmulator) {
  const app = firstApp(emu);
  const metadata = await (
    await fetch(`${emu.loginUrl}/${emu.context.tenant.tenantId}/v2.0/.well-known/openid-configuration`)
  ).json();
  const cca = new ConfidentialClientApplication({
    auth: {
      clientId: app.clientId,
      clientSecret: app.secret,
      authority: `https://login.microsoftonline.com/${emu.context.tenant.tenantId}`,
      authorityMetadata: JSON.stringify(metadata),
    },
  });
  return { cca, app };
}

function refreshTokenSecrets(serializedCache: string): string[] {
  const cache = JSON.parse(serializedCache) as { RefreshToken?: Record<string, { secret: string }> };
  return Object.values(cache.RefreshToken ?? {}).map((t) => t.secret);
}

describe('MSAL Node against the emulator', () => {
  let emu: RunningEmulator;
  let autoEmu: RunningEmulator;
  beforeAll(async () => {
    [emu, autoEmu] = await Promise.all([startEmulator(), startEmulator({ autoConsent: true })]);
  });
  afterAll(async () => {
    await Promise.all([emu.stop(), autoEmu.stop()]);
  });
  afterEach(() => vi.restoreAllMocks());

  it('signs in through the pages, redeems the code, and refreshes with a rotated refresh token', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const { cca, app } = await msalFor(emu);
    const pkce = await new CryptoProvider().generatePkceCodes();
    const url = await cca.getAuthCodeUrl({
      scopes: SCOPES,
      redirectUri: app.redirectUri,
      codeChallenge: pkce.challenge,
      codeChallengeMethod: 'S256',
      state: 'xyz',
    });
    expect(url.startsWith(`${emu.loginUrl}/${emu.context.tenant.tenantId}/oauth2/v2.0/authorize?`)).toBe(true);

    const redirect = await driveSignIn(emu, url, { username: 'alex.admin@elentra-demo.onmicrosoft.com' });
    expect(redirect.searchParams.get('state')).toBe('xyz');
    const code = redirect.searchParams.get('code') ?? '';

    const result = await cca.acquireTokenByCode({
      code,
      scopes: SCOPES,
      redirectUri: app.redirectUri,
      codeVerifier: pkce.verifier,
    });
    expect(result.account?.username).toBe('alex.admin@elentra-demo.onmicrosoft.com');
    expect(result.account?.homeAccountId).toBe(`a1b2c3d4-0001-4000-8000-000000000001.${emu.context.tenant.tenantId}`);
    expect(result.scopes).toEqual(expect.arrayContaining(SCOPES));
    expect(emu.context.tokens.verifyAccessToken(result.accessToken)).toMatchObject({ ok: true });
    const tokenCalls = fetchSpy.mock.calls.map((c) => String(c[0]).split('?')[0]).filter((u) => u?.endsWith('/token'));
    expect(tokenCalls).toEqual([`${emu.loginUrl}/${emu.context.tenant.tenantId}/oauth2/v2.0/token`]);

    const before = refreshTokenSecrets(cca.getTokenCache().serialize());
    expect(before).toHaveLength(1);
    const account = result.account;
    if (!account) throw new Error('no account');
    const refreshed = await cca.acquireTokenSilent({ account, scopes: SCOPES, forceRefresh: true });
    expect(refreshed.accessToken).not.toBe(result.accessToken);
    expect(emu.context.tokens.verifyAccessToken(refreshed.accessToken)).toMatchObject({ ok: true });
    const after = refreshTokenSecrets(cca.getTokenCache().serialize());
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before[0]);
    expect(fetchSpy.mock.calls.every((c) => String(c[0]).startsWith(emu.baseUrl))).toBe(true);
  });

  it('with --auto-consent and a login_hint, authorize redirects at once', async () => {
    const { cca, app } = await msalFor(autoEmu);
    const pkce = await new CryptoProvider().generatePkceCodes();
    const url = await cca.getAuthCodeUrl({
      scopes: SCOPES,
      redirectUri: app.redirectUri,
      codeChallenge: pkce.challenge,
      codeChallengeMethod: 'S256',
      loginHint: 'alex.admin@elentra-demo.onmicrosoft.com',
    });
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(app.redirectUri);
    const code = location.searchParams.get('code') ?? '';
    const result = await cca.acquireTokenByCode({
      code,
      scopes: SCOPES,
      redirectUri: app.redirectUri,
      codeVerifier: pkce.verifier,
    });
    expect(result.idTokenClaims).toMatchObject({ tid: autoEmu.context.tenant.tenantId, aud: app.clientId });
  });
});
