// Test helpers that drive the identity platform over real HTTP, as a browser and a confidential client would:
// PKCE, the sign-in and consent pages (fetch + the hidden flow id), and the token endpoint. Used by the emulator's
// tests; Graph tests can use signIn() to get a real access token through the whole flow.
import { createHash, randomBytes } from 'node:crypto';
import type { RunningEmulator } from '../server.js';

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export interface AuthorizeParams {
  clientId?: string;
  redirectUri?: string;
  scope?: string;
  state?: string;
  codeChallenge?: string;
  loginHint?: string;
  extra?: Record<string, string>;
  tenant?: string;
}

/** The first app of the tenant, with its first secret and redirect URI. */
export function firstApp(emu: RunningEmulator) {
  const app = emu.context.tenant.apps[0];
  if (!app) throw new Error('The seed has no app');
  return { clientId: app.clientId, secret: app.secrets[0]?.value ?? '', redirectUri: app.redirectUris[0] ?? '' };
}

export const PRODUCT_SCOPES = 'offline_access openid profile User.ReadBasic.All Group.ReadWrite.All Team.Create';

export function authorizeUrl(emu: RunningEmulator, p: AuthorizeParams): string {
  const app = firstApp(emu);
  const url = new URL(`${emu.loginUrl}/${p.tenant ?? emu.context.tenant.tenantId}/oauth2/v2.0/authorize`);
  const params: Record<string, string | undefined> = {
    client_id: p.clientId ?? app.clientId,
    response_type: 'code',
    redirect_uri: p.redirectUri ?? app.redirectUri,
    scope: p.scope ?? PRODUCT_SCOPES,
    state: p.state ?? 'state-123',
    code_challenge: p.codeChallenge,
    code_challenge_method: p.codeChallenge ? 'S256' : undefined,
    login_hint: p.loginHint,
    ...p.extra,
  };
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return url.toString();
}

export function flowIdOf(html: string): string {
  const match = html.match(/name="flow" value="([^"]+)"/);
  if (!match?.[1]) throw new Error(`No flow id in page:\n${html.slice(0, 500)}`);
  return match[1];
}

export async function postForm(url: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
}

/**
 * Opens an authorize URL and goes through the pages as a person would: pick `username`, type `password` if asked,
 * then Accept (or Cancel). Returns the final redirect Location (to the app), or throws with the page it got stuck on.
 */
export async function driveSignIn(
  emu: RunningEmulator,
  url: string,
  input: { username: string; password?: string; consent?: 'accept' | 'cancel' },
): Promise<URL> {
  const first = await fetch(url, { redirect: 'manual' });
  if (first.status === 302) return new URL(first.headers.get('location') ?? '');
  let page = await first.text();
  let response = await postForm(`${emu.loginUrl}/common/login`, { flow: flowIdOf(page), username: input.username });
  if (response.status === 200) {
    page = await response.text();
    if (page.includes('name="password"')) {
      response = await postForm(`${emu.loginUrl}/common/login`, {
        flow: flowIdOf(page),
        password: input.password ?? '',
      });
      if (response.status === 200) page = await response.text();
    }
  }
  if (response.status === 302) return new URL(response.headers.get('location') ?? '');
  if (!page.includes('Permissions requested')) throw new Error(`Stuck on page:\n${page.slice(0, 800)}`);
  response = await postForm(`${emu.loginUrl}/common/Consent/Set`, {
    flow: flowIdOf(page),
    action: input.consent ?? 'accept',
  });
  if (response.status !== 302) throw new Error(`Consent answered ${response.status}: ${await response.text()}`);
  return new URL(response.headers.get('location') ?? '');
}

export async function tokenRequest(
  emu: RunningEmulator,
  form: Record<string, string>,
  headers: Record<string, string> = {},
) {
  const response = await postForm(`${emu.loginUrl}/${emu.context.tenant.tenantId}/oauth2/v2.0/token`, form, headers);
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

/** The whole flow for `username` with the first app: a code, then tokens. */
export async function signIn(emu: RunningEmulator, username: string, scope = PRODUCT_SCOPES) {
  const app = firstApp(emu);
  const { verifier, challenge } = pkcePair();
  const redirect = await driveSignIn(emu, authorizeUrl(emu, { scope, codeChallenge: challenge }), { username });
  const code = redirect.searchParams.get('code');
  if (!code) throw new Error(`No code: ${redirect}`);
  const token = await tokenRequest(emu, {
    grant_type: 'authorization_code',
    client_id: app.clientId,
    client_secret: app.secret,
    code,
    redirect_uri: app.redirectUri,
    code_verifier: verifier,
    scope,
  });
  if (token.status !== 200) throw new Error(`Token endpoint answered ${token.status}: ${JSON.stringify(token.body)}`);
  return token.body as { access_token: string; refresh_token?: string; id_token?: string; scope: string };
}
