// Validates `GET /{tenant}/oauth2/v2.0/authorize` in Microsoft's order (GRAPH-FACTS §1). Until the client id and the
// redirect URI are known to belong together, errors are shown as a page (redirecting to an unregistered URI would
// hand the code or error to whoever wrote the link); after that, errors go back to the app as a redirect.
import type { TenantState } from '../context.js';
import { findApp, isKnownTenantSegment } from '../tenant/lookup.js';
import { canonicalScope } from '../tenant/scopes.js';
import { type AadError, aadError } from './errors.js';
import type { AuthorizeRequest } from './flows.js';

export type AuthorizeValidation =
  | { kind: 'ok'; request: AuthorizeRequest }
  | { kind: 'page'; err: AadError }
  | { kind: 'redirect'; redirectUri: string; state: string | undefined; err: AadError };

export type Query = Record<string, string | undefined>;

export function missingParameter(name: string): AadError {
  return aadError('invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`);
}

export function tenantNotFound(segment: string): AadError {
  return aadError(
    'invalid_tenant',
    90002,
    `Tenant '${segment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
  );
}

export function appNotFound(clientId: string, tenant: TenantState): AadError {
  return aadError(
    'unauthorized_client',
    700016,
    `Application with identifier '${clientId}' was not found in the directory '${tenant.displayName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
  );
}

export function validateAuthorizeRequest(tenant: TenantState, segment: string, q: Query): AuthorizeValidation {
  if (!isKnownTenantSegment(tenant, segment)) return { kind: 'page', err: tenantNotFound(segment) };
  if (!q.client_id) return { kind: 'page', err: missingParameter('client_id') };
  const app = findApp(tenant, q.client_id);
  if (!app) return { kind: 'page', err: appNotFound(q.client_id, tenant) };
  if (!q.redirect_uri) return { kind: 'page', err: missingParameter('redirect_uri') };
  // Exact, case-sensitive string comparison, as Microsoft documents for redirect URIs.
  if (!app.redirectUris.includes(q.redirect_uri)) {
    const message = `The redirect URI '${q.redirect_uri}' specified in the request does not match the redirect URIs configured for the application '${app.clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.`;
    return { kind: 'page', err: aadError('invalid_request', 50011, message) };
  }
  const back = (err: AadError): AuthorizeValidation => ({
    kind: 'redirect',
    redirectUri: q.redirect_uri ?? '',
    state: q.state,
    err,
  });

  if (!q.response_type) return back(missingParameter('response_type'));
  if (q.response_type !== 'code') {
    return back(
      aadError(
        'unsupported_response_type',
        700054,
        `response_type '${q.response_type}' is not enabled for the application.`,
      ),
    );
  }
  if (q.response_mode && q.response_mode !== 'query') {
    return back(
      aadError(
        'invalid_request',
        900144,
        `response_mode '${q.response_mode}' is not supported by the emulator; use 'query'.`,
      ),
    );
  }
  if (!q.scope?.trim()) return back(missingParameter('scope'));
  const scopes: string[] = [];
  for (const raw of q.scope.trim().split(/\s+/)) {
    const scope = canonicalScope(raw);
    if (!scope) {
      return back(
        aadError(
          'invalid_scope',
          70011,
          `The provided value for the input parameter 'scope' is not valid. The scope '${raw}' is not valid.`,
        ),
      );
    }
    if (!scopes.includes(scope)) scopes.push(scope);
  }
  // PKCE is required here (the product always sends it); only S256 is accepted, `plain` defeats the purpose.
  if (!q.code_challenge) {
    return back(aadError('invalid_request', 9002325, 'Proof Key for Code Exchange is required for this application.'));
  }
  if (q.code_challenge_method !== 'S256') {
    return back(
      aadError(
        'invalid_request',
        9002325,
        `Proof Key for Code Exchange: code_challenge_method must be 'S256', not '${q.code_challenge_method ?? 'plain'}'.`,
      ),
    );
  }
  const prompt = q.prompt;
  if (prompt && !['login', 'none', 'consent', 'select_account'].includes(prompt)) {
    return back(aadError('invalid_request', 90023, `Unsupported 'prompt' value '${prompt}'.`));
  }
  return {
    kind: 'ok',
    request: {
      tenantSegment: segment,
      clientId: app.clientId,
      redirectUri: q.redirect_uri,
      scopes,
      state: q.state,
      nonce: q.nonce,
      codeChallenge: q.code_challenge,
      loginHint: q.login_hint,
      prompt,
    },
  };
}
