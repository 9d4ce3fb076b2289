// `grant_type=authorization_code`: redeem a code from authorize. Checks, with Microsoft's codes (GRAPH-FACTS §1):
// unknown or another app's code 70000; already redeemed 54005; revoked or older than 10 minutes 70008; redirect_uri
// different from the one at authorize 500112 (`invalid_client`, as Entra answers); PKCE verifier 501481.
import { createHash } from 'node:crypto';
import type { EmulatorContext, SeedApp } from '../context.js';
import { findUser } from '../tenant/lookup.js';
import { missingParameter } from './authorize-request.js';
import { type AadError, aadError } from './errors.js';
import type { FormBody } from './form.js';
import type { Identity } from './identity.js';
import { tokenResponse } from './token-response.js';

/** "The authorization code lives about 10 minutes" (Microsoft identity platform docs). */
export const AUTH_CODE_LIFETIME_MS = 10 * 60 * 1000;

export type GrantResult = { ok: true; body: Record<string, string | number> } | { ok: false; err: AadError };

const invalidCode = (detail: string) =>
  aadError('invalid_grant', 70000, `The provided value for the 'code' parameter is not valid. ${detail}`);

export function redeemAuthorizationCode(
  ctx: EmulatorContext,
  identity: Identity,
  app: SeedApp,
  form: FormBody,
): GrantResult {
  if (!form.code) return { ok: false, err: missingParameter('code') };
  const record = identity.tokens.findCode(form.code);
  if (!record) return { ok: false, err: invalidCode('The code is unknown to this tenant.') };
  if (record.clientId !== app.clientId)
    return { ok: false, err: invalidCode('The code was issued to another application.') };
  if (record.redeemed) {
    const message =
      'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.';
    return { ok: false, err: aadError('invalid_grant', 54005, message) };
  }
  if (record.revoked || ctx.now() - record.issuedAtMs > AUTH_CODE_LIFETIME_MS) {
    const message =
      'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.';
    return { ok: false, err: aadError('invalid_grant', 70008, message) };
  }
  if (!form.redirect_uri) return { ok: false, err: missingParameter('redirect_uri') };
  if (form.redirect_uri !== record.redirectUri) {
    const message = `The reply address '${form.redirect_uri}' does not match the reply address '${record.redirectUri}' provided when requesting Authorization code.`;
    return { ok: false, err: aadError('invalid_client', 500112, message) };
  }
  const challenge = form.code_verifier
    ? createHash('sha256').update(form.code_verifier).digest('base64url')
    : undefined;
  if (challenge !== record.codeChallenge) {
    const message = 'The Code_Verifier does not match the code_challenge supplied in the authorization request.';
    return { ok: false, err: aadError('invalid_grant', 501481, message) };
  }
  const user = findUser(ctx.tenant, record.userId);
  if (!user) return { ok: false, err: invalidCode('The user no longer exists.') };
  record.redeemed = true;
  const body = tokenResponse(ctx, identity, {
    user,
    app,
    scopes: record.scopes,
    nonce: record.nonce,
    withClientInfo: form.client_info === '1',
  });
  return { ok: true, body };
}
