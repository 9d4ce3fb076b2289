// The end of a successful sign-in: check consent once more, record it, issue the authorization code and build the
// redirect `redirect_uri?code=…&state=…&session_state=…` (GRAPH-FACTS §1). Shared by the consent page's Accept and
// by `--auto-consent`.
import { randomUUID } from 'node:crypto';
import type { EmulatorContext, SeedUser } from '../context.js';
import { findApp } from '../tenant/lookup.js';
import { decideConsent, recordConsent } from './consent.js';
import { type AadError, aadError, errorRedirectUrl } from './errors.js';
import type { AuthorizeRequest } from './flows.js';
import type { Identity } from './identity.js';

export function consentRequired(clientId: string, appName: string, scopes: string[]): AadError {
  return aadError(
    'consent_required',
    65001,
    `The user or administrator has not consented to use the application with ID '${clientId}' named '${appName}'. Send an interactive authorization request for this user and resource. Missing admin consent for: ${scopes.join(', ')}.`,
  );
}

/** Returns the URL to redirect the browser to: with a code, or with `error=consent_required`. */
export function completeSignIn(
  ctx: EmulatorContext,
  identity: Identity,
  request: AuthorizeRequest,
  user: SeedUser,
): string {
  const app = findApp(ctx.tenant, request.clientId);
  if (!app) {
    const err = aadError(
      'unauthorized_client',
      700016,
      `Application with identifier '${request.clientId}' was not found.`,
    );
    return errorRedirectUrl(request.redirectUri, err, ctx.now(), request.state);
  }
  const decision = decideConsent(app, user, request.scopes, identity.consents);
  if (!decision.ok) {
    return errorRedirectUrl(
      request.redirectUri,
      consentRequired(app.clientId, app.displayName, decision.needsAdmin),
      ctx.now(),
      request.state,
    );
  }
  recordConsent(app, user, decision.granted, identity.consents);
  const code = identity.tokens.issueCode({
    clientId: app.clientId,
    userId: user.id,
    redirectUri: request.redirectUri,
    scopes: decision.granted,
    codeChallenge: request.codeChallenge,
    nonce: request.nonce,
    issuedAtMs: ctx.now(),
  });
  const url = new URL(request.redirectUri);
  url.searchParams.set('code', code);
  if (request.state !== undefined) url.searchParams.set('state', request.state);
  url.searchParams.set('session_state', randomUUID());
  return url.toString();
}
