// `grant_type=refresh_token`. Microsoft's rules (GRAPH-FACTS §1): every use returns a new refresh token and the old
// one is not revoked; a refresh token unused for 90 days (refreshInactivitySeconds) dies with 700082; a revoked grant
// (password reset, admin revocation: `POST /_emulator/tokens/revoke`) answers 50173; `scope` may name the same
// scopes or a subset, and any scope that is no longer consented answers 65001 with suberror `consent_required`.
import type { EmulatorContext, SeedApp } from '../context.js';
import { findUser } from '../tenant/lookup.js';
import { canonicalScope, isOidcScope } from '../tenant/scopes.js';
import type { GrantResult } from './auth-code-grant.js';
import { missingParameter } from './authorize-request.js';
import { consentRequired } from './complete-sign-in.js';
import { consentedScopes, expandDefault } from './consent.js';
import { aadError } from './errors.js';
import type { FormBody } from './form.js';
import type { Identity } from './identity.js';
import { tokenResponse } from './token-response.js';

const dateOf = (ms: number) => new Date(ms).toISOString();

export function redeemRefreshToken(
  ctx: EmulatorContext,
  identity: Identity,
  app: SeedApp,
  form: FormBody,
): GrantResult {
  if (!form.refresh_token) return { ok: false, err: missingParameter('refresh_token') };
  const record = identity.tokens.findRefreshToken(form.refresh_token);
  if (!record)
    return { ok: false, err: aadError('invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.') };
  if (record.clientId !== app.clientId) {
    return {
      ok: false,
      err: aadError(
        'invalid_grant',
        70000,
        'Provided grant is invalid or malformed. The refresh token was issued to another application.',
      ),
    };
  }
  const nowMs = ctx.now();
  if (record.revoked) {
    const message = `The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '${dateOf(record.lastUsedMs)}' and the TokensValidFrom date (before which tokens are not valid) for this user is '${dateOf(nowMs)}'.`;
    return { ok: false, err: aadError('invalid_grant', 50173, message) };
  }
  const idleMs = nowMs - record.lastUsedMs;
  if (idleMs > ctx.options.refreshInactivitySeconds * 1000) {
    const message = `The refresh token has expired due to inactivity. The token was issued on '${dateOf(record.lastUsedMs)}' and was inactive for ${Math.floor(idleMs / 1000)} seconds.`;
    return { ok: false, err: aadError('invalid_grant', 700082, message) };
  }
  const user = findUser(ctx.tenant, record.userId);
  if (!user)
    return {
      ok: false,
      err: aadError('invalid_grant', 70000, 'Provided grant is invalid or malformed. The user no longer exists.'),
    };

  const requested: string[] = [];
  for (const raw of (form.scope ?? record.scopes.join(' ')).trim().split(/\s+/).filter(Boolean)) {
    const scope = canonicalScope(raw);
    if (!scope) {
      return {
        ok: false,
        err: aadError(
          'invalid_scope',
          70011,
          `The provided value for the input parameter 'scope' is not valid. The scope '${raw}' is not valid.`,
        ),
      };
    }
    requested.push(scope);
  }
  const consented = consentedScopes(app, user, identity.consents);
  const scopes = expandDefault(requested, consented);
  const missing = scopes.filter((s) => !isOidcScope(s) && !consented.has(s));
  if (missing.length > 0) {
    const err = consentRequired(app.clientId, app.displayName, missing);
    return { ok: false, err: { ...err, error: 'invalid_grant', suberror: 'consent_required' } };
  }
  record.lastUsedMs = nowMs;
  // offline_access carries over (a refresh token always comes back); openid / profile only when asked for again.
  const granted = [...new Set([...scopes, ...record.scopes.filter((s) => s === 'offline_access')])];
  const body = tokenResponse(ctx, identity, {
    user,
    app,
    scopes: granted,
    nonce: undefined,
    withClientInfo: form.client_info === '1',
  });
  return { ok: true, body };
}
