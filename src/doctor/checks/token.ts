// Check: a Microsoft authorization is stored, it refreshes, and every scope the service requests was granted (the
// admin-consent ones included). Microsoft answers a refresh whose scope lost its consent with AADSTS65001, so a
// withdrawn admin consent shows here. Pure: the stored summary and the refresh outcome are given.
import { isAppError } from '../../lib/errors.js';
import { AADSTS_CODES, aadstsCodeIn } from '../../microsoft/identity/aadsts-codes.js';
import {
  AppRegistrationError,
  AuthorizationRequiredError,
  ClientSecretError,
  LoginUnavailableError,
  type ServiceTokenSummary,
} from '../../microsoft/identity/index.js';
import { missingScopes } from '../../microsoft/identity/scopes.js';
import { type CheckResult, fail, pass, skip } from '../check-result.js';
import { TOKEN } from '../check-specs.js';
import type { RefreshOutcome } from '../token-outcomes.js';

export interface TokenCheckInput {
  /** The token's state before the doctor refreshed it. */
  before: ServiceTokenSummary;
  refresh: RefreshOutcome;
  /** Scopes granted after the refresh (the refresh answer's). */
  grantedScopes: readonly string[];
  /** MS_OAUTH_SCOPES. */
  requestedScopes: readonly string[];
}

const AUTHORIZE_FIX =
  'An administrator opens the profile menu → Microsoft Account and presses Authorize Account (Re-authorize when ' +
  'one is stored), signing in as the account the integration acts as.';
const CONSENT_FIX =
  'A Microsoft tenant administrator opens the app registration → API permissions, adds any missing permission and ' +
  'presses Grant admin consent; then press Re-authorize on the Microsoft Account page.';

/** The section that explains a stored reason (a message ending in `(Microsoft: …, AADSTSn)`, or a decryption). */
export function docsForReason(reason: string | null): string {
  if (reason === null) return 'microsoft-authorization-expired';
  if (/cannot be decrypted/.test(reason)) return 'app-key-changed';
  const code = aadstsCodeIn(reason);
  return (code === undefined ? undefined : AADSTS_CODES.get(code)?.docs) ?? 'microsoft-authorization-expired';
}

function fixFor(docs: string): string {
  if (docs === 'microsoft-consent-missing') return CONSENT_FIX;
  if (docs === 'app-key-changed') return `Restore the previous APP_KEY on every server, or: ${AUTHORIZE_FIX}`;
  return AUTHORIZE_FIX;
}

function who(summary: ServiceTokenSummary): string {
  return summary.account === null ? 'the authorized account' : summary.account.username;
}

export function checkToken(input: TokenCheckInput): CheckResult {
  const { before, refresh } = input;
  if (before.status === 'disconnected' || refresh.kind === 'not-attempted') {
    if (before.status === 'needs_reauthorization') {
      const docs = docsForReason(before.reason);
      const reason = before.reason ?? 'Microsoft no longer accepts the stored authorization.';
      return fail(TOKEN, `Needs re-authorization (${who(before)}): ${reason}`, fixFor(docs), docs);
    }
    return fail(TOKEN, 'No Microsoft account is authorized.', AUTHORIZE_FIX, 'microsoft-not-authorized');
  }
  if (refresh.kind === 'failed') {
    const { error } = refresh;
    if (error instanceof ClientSecretError || error instanceof AppRegistrationError) {
      return skip(TOKEN, 'the token endpoint refused the app’s credentials (see the client secret check).');
    }
    if (error instanceof LoginUnavailableError) {
      return skip(TOKEN, `Microsoft’s sign-in service did not answer: ${error.publicMessage}`);
    }
    const words = isAppError(error) ? error.publicMessage : String(error);
    const docs = isAppError(error) && error.docs ? error.docs : 'microsoft-authorization-expired';
    const detail =
      error instanceof AuthorizationRequiredError
        ? `The authorization of ${who(before)} could not be refreshed: ${words}`
        : `The refresh failed: ${words}`;
    return fail(TOKEN, detail, fixFor(docs), docs);
  }
  const missing = missingScopes(input.requestedScopes, input.grantedScopes, true);
  if (missing.length > 0) {
    return fail(
      TOKEN,
      `Authorized as ${who(before)} and refreshed, but Microsoft did not grant: ${missing.join(', ')}.`,
      CONSENT_FIX,
      'microsoft-consent-missing',
    );
  }
  return pass(
    TOKEN,
    `Authorized as ${who(before)}; refreshed just now; all ${input.requestedScopes.length} requested permissions ` +
      `granted (${input.requestedScopes.join(', ')}).`,
  );
}
