// Discovery and keys: every endpoint points at the emulator, the tenant forms Microsoft accepts, and an id token
// that verifies with the published key.
import { createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../server.js';
import { signIn } from '../testing/oauth.js';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.stop());

const config = async (tenant: string) => {
  const response = await fetch(`${emu.loginUrl}/${tenant}/v2.0/.well-known/openid-configuration`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('openid-configuration', () => {
  it('points every endpoint at the emulator, by tenant id or domain', async () => {
    const tid = emu.context.tenant.tenantId;
    for (const tenant of [tid, 'elentra-demo.onmicrosoft.com']) {
      const { body } = await config(tenant);
      expect(body).toMatchObject({
        issuer: `${emu.baseUrl}/${tid}/v2.0`,
        authorization_endpoint: `${emu.baseUrl}/${tid}/oauth2/v2.0/authorize`,
        token_endpoint: `${emu.baseUrl}/${tid}/oauth2/v2.0/token`,
        end_session_endpoint: `${emu.baseUrl}/${tid}/oauth2/v2.0/logout`,
        jwks_uri: `${emu.baseUrl}/${tid}/discovery/v2.0/keys`,
        response_types_supported: expect.arrayContaining(['code']),
      });
    }
  });

  it('keeps organizations in the endpoints and {tenantid} in the issuer, as Microsoft does', async () => {
    const { body } = await config('organizations');
    expect(body.issuer).toBe(`${emu.baseUrl}/{tenantid}/v2.0`);
    expect(body.token_endpoint).toBe(`${emu.baseUrl}/organizations/oauth2/v2.0/token`);
  });

  it('answers AADSTS90002 for an unknown tenant', async () => {
    const { status, body } = await config('nope.onmicrosoft.com');
    expect(status).toBe(400);
    expect(body.error_codes).toEqual([90002]);
  });
});

describe('signing keys', () => {
  it('verify the id token', async () => {
    const { id_token } = await signIn(emu, 'taylor.teacher@elentra-demo.onmicrosoft.com');
    const [header, payload, signature] = String(id_token).split('.');
    const keys = (await (await fetch(`${emu.loginUrl}/common/discovery/v2.0/keys`)).json()) as {
      keys: Array<Record<string, string>>;
    };
    const kid = JSON.parse(Buffer.from(header ?? '', 'base64url').toString()).kid;
    const jwk = keys.keys.find((k) => k.kid === kid);
    expect(jwk).toBeDefined();
    const key = createPublicKey({ key: { kty: 'RSA', n: jwk?.n ?? '', e: jwk?.e ?? '' }, format: 'jwk' });
    expect(
      verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), key, Buffer.from(signature ?? '', 'base64url')),
    ).toBe(true);
  });
});

describe('logout', () => {
  it('returns to a registered URI only', async () => {
    const registered = encodeURIComponent('http://localhost:8080/api/ms-graph-oauth.php');
    const back = await fetch(`${emu.loginUrl}/common/oauth2/v2.0/logout?post_logout_redirect_uri=${registered}`, {
      redirect: 'manual',
    });
    expect(back.status).toBe(302);
    const evil = await fetch(
      `${emu.loginUrl}/common/oauth2/v2.0/logout?post_logout_redirect_uri=https%3A%2F%2Fevil.example`,
      { redirect: 'manual' },
    );
    expect(evil.status).toBe(200);
  });
});
