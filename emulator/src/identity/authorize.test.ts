// authorize and its pages over real HTTP: validation in Microsoft's order (an error page, never a redirect, until the
// redirect URI is known to be registered), the sign-in and consent pages, Cancel, admin consent and passwords.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TenantSeed } from '../context.js';
import { type RunningEmulator, startEmulator } from '../server.js';
import { DEFAULT_SEED_PATH, loadSeedFile } from '../tenant/load-seed.js';
import { authorizeUrl, driveSignIn, flowIdOf, pkcePair, postForm } from '../testing/oauth.js';

const TEACHER = 'taylor.teacher@elentra-demo.onmicrosoft.com';
const RESIDENT = 'riley.resident@elentra-demo.onmicrosoft.com';
let emu: RunningEmulator;
const { challenge } = pkcePair();

beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.stop());
beforeEach(async () => {
  await fetch(`${emu.controlUrl}/reset`, { method: 'POST' });
});

async function resetWith(change: (seed: TenantSeed) => void) {
  const seed = loadSeedFile(DEFAULT_SEED_PATH);
  change(seed);
  const response = await fetch(`${emu.controlUrl}/reset`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(seed),
  });
  expect(response.status).toBe(200);
}

async function errorPageOf(url: string) {
  const response = await fetch(url, { redirect: 'manual' });
  return { status: response.status, location: response.headers.get('location'), body: await response.text() };
}

async function redirectOf(url: string) {
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location') ?? '');
}

describe('authorize validation', () => {
  it('shows an error page, without redirecting, for an unknown client id (AADSTS700016)', async () => {
    const page = await errorPageOf(
      authorizeUrl(emu, { clientId: '00000000-0000-0000-0000-000000000000', codeChallenge: challenge }),
    );
    expect(page).toMatchObject({ status: 400, location: null });
    expect(page.body).toContain('AADSTS700016');
  });

  it('shows an error page, without redirecting, for an unregistered redirect URI (AADSTS50011)', async () => {
    const page = await errorPageOf(
      authorizeUrl(emu, { redirectUri: 'https://evil.example/steal', codeChallenge: challenge }),
    );
    expect(page).toMatchObject({ status: 400, location: null });
    expect(page.body).toContain('AADSTS50011');
    expect(page.body).toContain('https://evil.example/steal');
  });

  it('compares redirect URIs exactly (a trailing slash is a different URI)', async () => {
    const page = await errorPageOf(
      authorizeUrl(emu, { redirectUri: 'http://localhost:8080/api/ms-graph-oauth.php/', codeChallenge: challenge }),
    );
    expect(page.body).toContain('AADSTS50011');
  });

  it('shows AADSTS90002 for an unknown tenant, and accepts the domain and organizations', async () => {
    expect(
      (await errorPageOf(authorizeUrl(emu, { tenant: 'nope.onmicrosoft.com', codeChallenge: challenge }))).body,
    ).toContain('AADSTS90002');
    for (const tenant of ['elentra-demo.onmicrosoft.com', 'organizations', 'common']) {
      expect((await fetch(authorizeUrl(emu, { tenant, codeChallenge: challenge }))).status).toBe(200);
    }
  });

  it.each([
    ['an unknown scope', { scope: 'openid Mail.Nope', codeChallenge: challenge }, 'invalid_scope', 'AADSTS70011'],
    ['no PKCE challenge', {}, 'invalid_request', 'AADSTS9002325'],
    [
      'a plain PKCE challenge',
      { codeChallenge: challenge, extra: { code_challenge_method: 'plain' } },
      'invalid_request',
      'AADSTS9002325',
    ],
    [
      'response_type=token',
      { codeChallenge: challenge, extra: { response_type: 'token' } },
      'unsupported_response_type',
      'AADSTS700054',
    ],
    [
      'prompt=none without a session',
      { codeChallenge: challenge, extra: { prompt: 'none' } },
      'login_required',
      'AADSTS50058',
    ],
  ])('redirects back with an error for %s', async (_name, params, error, aadsts) => {
    const location = await redirectOf(authorizeUrl(emu, { ...params, state: 's1' }));
    expect(location.origin + location.pathname).toBe('http://localhost:8080/api/ms-graph-oauth.php');
    expect(location.searchParams.get('error')).toBe(error);
    expect(location.searchParams.get('error_description')).toMatch(new RegExp(`^${aadsts}: `));
    expect(location.searchParams.get('state')).toBe('s1');
  });
});

describe('sign-in and consent pages', () => {
  it('redirects with code, state and session_state after Accept', async () => {
    const location = await driveSignIn(emu, authorizeUrl(emu, { codeChallenge: challenge, state: 'abc' }), {
      username: 'alex.admin@elentra-demo.onmicrosoft.com',
    });
    expect(location.searchParams.get('code')).toMatch(/^0\.A/);
    expect(location.searchParams.get('state')).toBe('abc');
    expect(location.searchParams.get('session_state')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lists the requested permissions with Accept and Cancel; Cancel answers access_denied AADSTS65004', async () => {
    const first = await fetch(authorizeUrl(emu, { codeChallenge: challenge, state: 'st' }));
    const signIn = await postForm(`${emu.loginUrl}/common/login`, {
      flow: flowIdOf(await first.text()),
      username: TEACHER,
    });
    const consent = await signIn.text();
    expect(consent).toContain('Permissions requested');
    expect(consent).toContain('Group.ReadWrite.All');
    expect(consent).toMatch(/<button[^>]*value="accept"[^>]*>Accept<\/button>/);
    expect(consent).toMatch(/<button[^>]*value="cancel"[^>]*>Cancel<\/button>/);
    const cancel = await postForm(`${emu.loginUrl}/common/Consent/Set`, { flow: flowIdOf(consent), action: 'cancel' });
    const location = new URL(cancel.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('error_description')).toMatch(/^AADSTS65004: /);
    expect(location.searchParams.get('state')).toBe('st');
  });

  it('a flow is single-use and cannot be forged', async () => {
    const first = await fetch(authorizeUrl(emu, { codeChallenge: challenge }));
    const flow = flowIdOf(await first.text());
    expect((await postForm(`${emu.loginUrl}/common/Consent/Set`, { flow, action: 'accept' })).status).toBe(400);
    expect((await postForm(`${emu.loginUrl}/common/login`, { flow: 'forged', username: TEACHER })).status).toBe(400);
    const consent = await (await postForm(`${emu.loginUrl}/common/login`, { flow, username: TEACHER })).text();
    expect(
      (await postForm(`${emu.loginUrl}/common/Consent/Set`, { flow: flowIdOf(consent), action: 'accept' })).status,
    ).toBe(302);
    expect(
      (await postForm(`${emu.loginUrl}/common/Consent/Set`, { flow: flowIdOf(consent), action: 'accept' })).status,
    ).toBe(400);
  });

  it('asks for a password only when the seed user has one, and refuses a wrong one', async () => {
    const first = await fetch(authorizeUrl(emu, { codeChallenge: challenge }));
    const passwordPage = await (
      await postForm(`${emu.loginUrl}/common/login`, { flow: flowIdOf(await first.text()), username: RESIDENT })
    ).text();
    expect(passwordPage).toContain('type="password"');
    const wrong = await (
      await postForm(`${emu.loginUrl}/common/login`, { flow: flowIdOf(passwordPage), password: 'guess' })
    ).text();
    expect(wrong).toContain('Your account or password is incorrect');
    const location = await driveSignIn(emu, authorizeUrl(emu, { codeChallenge: challenge }), {
      username: RESIDENT,
      password: 'Passw0rd!',
    });
    expect(location.searchParams.get('code')).toBeTruthy();
  });

  it('says so when the typed user does not exist', async () => {
    const first = await fetch(authorizeUrl(emu, { codeChallenge: challenge }));
    const again = await (
      await postForm(`${emu.loginUrl}/common/login`, { flow: flowIdOf(await first.text()), username: 'ghost@x.org' })
    ).text();
    expect(again).toContain('find an account with that username');
    expect(again).toContain('value="ghost@x.org"');
  });

  it('answers consent_required (AADSTS65001) when a user who is not an admin asks for an admin-only scope without admin consent', async () => {
    await resetWith((seed) => {
      if (seed.apps[0]) seed.apps[0].adminConsentedScopes = [];
    });
    const location = await driveSignIn(emu, authorizeUrl(emu, { codeChallenge: challenge, state: 'q' }), {
      username: TEACHER,
    });
    expect(location.searchParams.get('error')).toBe('consent_required');
    expect(location.searchParams.get('error_description')).toMatch(/^AADSTS65001: /);
    expect(location.searchParams.get('state')).toBe('q');
    // An administrator's Accept grants it for the whole tenant; then the teacher gets through.
    await driveSignIn(emu, authorizeUrl(emu, { codeChallenge: challenge }), {
      username: 'alex.admin@elentra-demo.onmicrosoft.com',
    });
    const after = await driveSignIn(emu, authorizeUrl(emu, { codeChallenge: challenge }), { username: TEACHER });
    expect(after.searchParams.get('code')).toBeTruthy();
  });

  it('escapes seed text on the pages', async () => {
    await resetWith((seed) => {
      if (seed.apps[0]) seed.apps[0].displayName = '<script>alert(1)</script>';
      if (seed.users[1]) seed.users[1].displayName = '"><img src=x onerror=alert(1)>';
    });
    const page = await (await fetch(authorizeUrl(emu, { codeChallenge: challenge }))).text();
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
