// What came back to MS_OAUTH_REDIRECT_URL when it is not a usable code: Microsoft's error redirect
// (`?error=access_denied&error_description=AADSTS65004: …`, GRAPH-FACTS §1) and permissions not granted. Both become
// typed errors whose message names what to do; missing permissions are named one by one.
import { aadstsCodeIn } from './aadsts-codes.js';
import { AuthorizationFailedError } from './identity-errors.js';
import { ADMIN_CONSENT_SCOPES, scopeKey } from './scopes.js';
import { tokenEndpointError } from './token-errors.js';

/** The query of the redirect to MS_OAUTH_REDIRECT_URL, success (`code`) or failure (`error`). */
export interface AuthorizationAnswer {
  code?: string | undefined;
  state?: string | undefined;
  error?: string | undefined;
  error_description?: string | undefined;
}

export function scopesMissingError(missing: readonly string[]): AuthorizationFailedError {
  return new AuthorizationFailedError(
    `Microsoft did not grant every permission the integration needs. Missing: ${missing.join(', ')}. ` +
      'A Microsoft tenant administrator must grant them (Azure → app registration → API permissions → Grant admin ' +
      'consent), or an administrator of the tenant must sign in and accept them; then press Authorize Account ' +
      'again. The stored authorization was not changed.',
    { code: 'microsoft.scopes_missing', docs: 'microsoft-consent-missing', missingScopes: missing },
  );
}

/** The requested scopes that a message mentions by name (case-insensitive, whole names only). */
function scopesNamedIn(text: string, requested: readonly string[]): string[] {
  const words = new Set(text.split(/[^A-Za-z0-9._]+/).map((word) => word.replace(/\.+$/, '').toLowerCase()));
  return requested.filter((scope) => words.has(scopeKey(scope)));
}

/**
 * `?error=…` → the matching typed error. Consent missing (AADSTS65001 / `consent_required`) names the permissions:
 * those the description mentions, else the requested ones that need an administrator's consent.
 */
export function answerError(answer: AuthorizationAnswer, requested: readonly string[]): Error {
  if (answer.error === undefined) {
    return new AuthorizationFailedError('Microsoft sent neither a code nor an error. Press Authorize Account again.');
  }
  const aadsts = aadstsCodeIn(answer.error_description);
  if (aadsts === 65001 || answer.error === 'consent_required') {
    const named = scopesNamedIn(answer.error_description ?? '', requested);
    const adminOnly = new Set(ADMIN_CONSENT_SCOPES.map(scopeKey));
    return scopesMissingError(named.length > 0 ? named : requested.filter((s) => adminOnly.has(scopeKey(s))));
  }
  // A bare access_denied is the person pressing Cancel on the consent page (AADSTS65004).
  const code = aadsts ?? (answer.error === 'access_denied' ? 65004 : undefined);
  return tokenEndpointError({ status: 400, error: answer.error, aadsts: code }, 'authorization_code');
}
