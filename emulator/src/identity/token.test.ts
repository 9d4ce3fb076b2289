// The token endpoint over real HTTP: response fields (GRAPH-FACTS §1) and every documented error, each with its
// AADSTS code, OAuth error and status. The clock is moved instead of sleeping.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../server.js';
import { authorizeUrl, firstApp, PRODUCT_SCOPES, pkcePair, tokenRequest } from '../testing/oauth.js';

const ADMIN = 'alex.admin@elentra-demo.onmicrosoft.com';
let emu: RunningEmulator;
let offsetMs = 0;

beforeAll(async () => {
  emu = await startEmulator({ autoConsent: true, refreshInactivitySeconds: 60, now: () => Date.now() + offsetMs });
});
afterAll(() => emu.stop());
beforeEach(async () => {
  offsetMs = 0;
  await fetch(`${emu.controlUrl}/reset`, { method: 'POST' });
});

async function getCode(scope = PRODUCT_SCOPES, loginHint = ADMIN) {
  const { verifier, challenge } = pkcePair();
  const response = await fetch(authorizeUrl(emu, { scope, codeChallenge: challenge, loginHint }), {
    redirect: 'manual',
  });
  const location = new URL(response.headers.get('location') ?? '');
  const code = location.searchParams.get('code');
  if (!code) throw new Error(`no code: ${location}`);
  return { code, verifier };
}

function codeForm(code: string, verifier: string, extra: Record<string, string> = {}) {
  const app = firstApp(emu);
  return {
    grant_type: 'authorization_code',
    client_id: app.clientId,
    client_secret: app.secret,
    code,
    redirect_uri: app.redirectUri,
    code_verifier: verifier,
    ...extra,
  };
}

async function tokens(scope = PRODUCT_SCOPES) {
  const { code, verifier } = await getCode(scope);
  const result = await tokenRequest(emu, codeForm(code, verifier, { scope }));
  expect(result.status).toBe(200);
  return result.body as { access_token: string; refresh_token: string; scope: string };
}

function refreshForm(refreshToken: string, extra: Record<string, string> = {}) {
  const app = firstApp(emu);
  return {
    grant_type: 'refresh_token',
    client_id: app.clientId,
    client_secret: app.secret,
    refresh_token: refreshToken,
    ...extra,
  };
}

function expectAadError(result: Awaited<ReturnType<typeof tokenRequest>>, status: number, error: string, code: number) {
  expect({ status: result.status, error: result.body.error, codes: result.body.error_codes }).toEqual({
    status,
    error,
    codes: [code],
  });
  expect(result.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(String(result.body.error_description)).toMatch(
    new RegExp(
      `^AADSTS${code}: .+\\r\\nTrace ID: [0-9a-f-]{36}\\r\\nCorrelation ID: [0-9a-f-]{36}\\r\\nTimestamp: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ$`,
    ),
  );
  expect(result.body).toMatchObject({
    trace_id: expect.any(String),
    correlation_id: expect.any(String),
    timestamp: expect.any(String),
  });
}

describe('authorization_code', () => {
  it('answers with Microsoft’s fields', async () => {
    const { code, verifier } = await getCode();
    const result = await tokenRequest(emu, codeForm(code, verifier, { client_info: '1' }));
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(Object.keys(result.body).sort()).toEqual(
      [
        'access_token',
        'client_info',
        'expires_in',
        'ext_expires_in',
        'id_token',
        'refresh_token',
        'scope',
        'token_type',
      ].sort(),
    );
    expect(result.body).toMatchObject({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599 });
    expect(result.body.scope).toBe('User.ReadBasic.All Group.ReadWrite.All Team.Create openid profile email');
    const info = JSON.parse(Buffer.from(String(result.body.client_info), 'base64url').toString());
    expect(info).toEqual({ uid: 'a1b2c3d4-0001-4000-8000-000000000001', utid: emu.context.tenant.tenantId });
    const idClaims = JSON.parse(Buffer.from(String(result.body.id_token).split('.')[1] ?? '', 'base64url').toString());
    expect(idClaims).toMatchObject({
      aud: firstApp(emu).clientId,
      tid: emu.context.tenant.tenantId,
      preferred_username: ADMIN,
      ver: '2.0',
    });
  });

  it('gives no refresh token without offline_access, no id token without openid, no client_info unless asked', async () => {
    const { code, verifier } = await getCode('User.ReadBasic.All');
    const result = await tokenRequest(emu, codeForm(code, verifier));
    expect(Object.keys(result.body).sort()).toEqual([
      'access_token',
      'expires_in',
      'ext_expires_in',
      'scope',
      'token_type',
    ]);
    expect(result.body.scope).toBe('User.ReadBasic.All');
  });

  it('accepts the client secret through HTTP Basic', async () => {
    const app = firstApp(emu);
    const { code, verifier } = await getCode();
    const { client_secret: _s, client_id: _c, ...form } = codeForm(code, verifier);
    const basic = Buffer.from(`${encodeURIComponent(app.clientId)}:${encodeURIComponent(app.secret)}`).toString(
      'base64',
    );
    const result = await tokenRequest(emu, form, { authorization: `Basic ${basic}` });
    expect(result.status).toBe(200);
  });

  it('rejects a wrong secret in HTTP Basic with 401 AADSTS7000215', async () => {
    const app = firstApp(emu);
    const { code, verifier } = await getCode();
    const { client_secret: _s, ...form } = codeForm(code, verifier);
    const basic = Buffer.from(`${app.clientId}:nope`).toString('base64');
    expectAadError(await tokenRequest(emu, form, { authorization: `Basic ${basic}` }), 401, 'invalid_client', 7000215);
  });

  it('rejects a wrong, missing or expired secret', async () => {
    const { code, verifier } = await getCode();
    expectAadError(
      await tokenRequest(emu, codeForm(code, verifier, { client_secret: 'wrong' })),
      401,
      'invalid_client',
      7000215,
    );
    const { client_secret: _s, ...noSecret } = codeForm(code, verifier);
    expectAadError(await tokenRequest(emu, noSecret), 401, 'invalid_client', 7000218);
    const app = firstApp(emu);
    const secretId = emu.context.tenant.apps[0]?.secrets[0]?.id;
    await fetch(`${emu.controlUrl}/apps/${app.clientId}/secrets/${secretId}/expire`, { method: 'POST' });
    expectAadError(await tokenRequest(emu, codeForm(code, verifier)), 401, 'invalid_client', 7000222);
  });

  it('rejects an unknown client id and an unsupported grant type', async () => {
    const { code, verifier } = await getCode();
    const unknown = codeForm(code, verifier, { client_id: '00000000-0000-0000-0000-000000000000' });
    expectAadError(await tokenRequest(emu, unknown), 400, 'unauthorized_client', 700016);
    expectAadError(
      await tokenRequest(emu, codeForm(code, verifier, { grant_type: 'password' })),
      400,
      'unsupported_grant_type',
      70003,
    );
  });

  it('checks PKCE: a wrong or missing verifier is AADSTS501481', async () => {
    const { code } = await getCode();
    expectAadError(await tokenRequest(emu, codeForm(code, pkcePair().verifier)), 400, 'invalid_grant', 501481);
    const { code_verifier: _v, ...noVerifier } = codeForm(code, 'x');
    expectAadError(await tokenRequest(emu, noVerifier), 400, 'invalid_grant', 501481);
  });

  it('redeems a code once: a replay is AADSTS54005', async () => {
    const { code, verifier } = await getCode();
    expect((await tokenRequest(emu, codeForm(code, verifier))).status).toBe(200);
    expectAadError(await tokenRequest(emu, codeForm(code, verifier)), 400, 'invalid_grant', 54005);
  });

  it('lets a code live 10 minutes: after that AADSTS70008', async () => {
    const { code, verifier } = await getCode();
    offsetMs = 10 * 60 * 1000 + 1000;
    expectAadError(await tokenRequest(emu, codeForm(code, verifier)), 400, 'invalid_grant', 70008);
  });

  it('requires the redirect_uri used at authorize (AADSTS500112) and rejects an unknown code (AADSTS70000)', async () => {
    const { code, verifier } = await getCode();
    const other = codeForm(code, verifier, { redirect_uri: 'http://localhost:8080/other' });
    expectAadError(await tokenRequest(emu, other), 401, 'invalid_client', 500112);
    expectAadError(await tokenRequest(emu, codeForm('0.Anope', verifier)), 400, 'invalid_grant', 70000);
  });

  it('echoes the client-request-id as the correlation id', async () => {
    const result = await tokenRequest(emu, codeForm('0.Anope', 'v'), {
      'client-request-id': '11111111-2222-3333-4444-555555555555',
    });
    expect(result.body.correlation_id).toBe('11111111-2222-3333-4444-555555555555');
  });
});

describe('refresh_token', () => {
  it('rotates: a new refresh token every use, and the old one keeps working', async () => {
    const first = await tokens();
    const second = await tokenRequest(emu, refreshForm(first.refresh_token));
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).toEqual(expect.any(String));
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    expect(second.body.access_token).not.toBe(first.access_token);
    expect((await tokenRequest(emu, refreshForm(first.refresh_token))).status).toBe(200);
  });

  it('allows a subset of the scopes', async () => {
    const first = await tokens();
    const result = await tokenRequest(
      emu,
      refreshForm(first.refresh_token, { scope: 'User.ReadBasic.All offline_access' }),
    );
    expect(result.body.scope).toBe('User.ReadBasic.All');
    const check = emu.context.tokens.verifyAccessToken(String(result.body.access_token));
    expect(check.ok && check.grant.scopes).toEqual(['User.ReadBasic.All']);
  });

  it('dies after refreshInactivitySeconds unused: AADSTS700082', async () => {
    const first = await tokens();
    offsetMs = 61_000;
    expectAadError(await tokenRequest(emu, refreshForm(first.refresh_token)), 400, 'invalid_grant', 700082);
  });

  it('answers AADSTS50173 after revocation, and the access token stops working', async () => {
    const first = await tokens();
    const revoke = await fetch(`${emu.controlUrl}/tokens/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: ADMIN }),
    });
    expect(revoke.status).toBe(200);
    expectAadError(await tokenRequest(emu, refreshForm(first.refresh_token)), 400, 'invalid_grant', 50173);
    expect(emu.context.tokens.verifyAccessToken(first.access_token)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('answers AADSTS65001 consent_required when admin consent was withdrawn', async () => {
    const first = await tokens();
    await fetch(`${emu.controlUrl}/consent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: firstApp(emu).clientId, revoke: ['Group.ReadWrite.All'] }),
    });
    const result = await tokenRequest(emu, refreshForm(first.refresh_token));
    expectAadError(result, 400, 'invalid_grant', 65001);
    expect(result.body.suberror).toBe('consent_required');
  });

  it('rejects an unknown refresh token (AADSTS9002313) and an unknown scope (AADSTS70011)', async () => {
    expectAadError(await tokenRequest(emu, refreshForm('1.Anope')), 400, 'invalid_grant', 9002313);
    const first = await tokens();
    expectAadError(
      await tokenRequest(emu, refreshForm(first.refresh_token, { scope: 'Mail.Nope' })),
      400,
      'invalid_scope',
      70011,
    );
  });
});
