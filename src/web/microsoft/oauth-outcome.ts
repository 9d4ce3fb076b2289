// What the page at /api/ms-graph-oauth.php says when an authorization does not complete: a heading that names what
// happened (Cancel at consent, admin consent missing, an answer replayed, tampered or expired, the secret refused…)
// and the identity core's public message, which already says what to do. Pure; tested by a table.
import { isAppError } from '../../lib/errors.js';
import {
  AppRegistrationError,
  AuthorizationFailedError,
  AuthorizationStateError,
  ClientSecretError,
  LoginUnavailableError,
} from '../../microsoft/identity/index.js';

export interface OAuthFailure {
  title: string;
  message: string;
  missingScopes: readonly string[];
  /** Anchor in docs/troubleshooting.md. */
  docs: string | null;
  /** For the audit row. */
  code: string;
}

const STATE_TITLES = {
  missing: 'This answer from Microsoft cannot be matched to a sign-in',
  unknown: 'This answer from Microsoft was not recognised',
  used: 'This sign-in was already completed',
  expired: 'The sign-in expired',
  'other-session': 'This sign-in was started in another session',
} as const;

function titleFor(error: unknown, answerError: string | undefined): string {
  if (error instanceof AuthorizationStateError) return STATE_TITLES[error.problem];
  if (answerError === 'access_denied') return 'Authorization cancelled';
  if (error instanceof AuthorizationFailedError && error.missingScopes.length > 0) {
    return answerError === 'consent_required' ? 'An administrator must grant consent' : 'Permissions were not granted';
  }
  if (error instanceof ClientSecretError) return 'Microsoft refused the client secret';
  if (error instanceof AppRegistrationError) return 'The app registration does not match';
  if (error instanceof LoginUnavailableError) return 'Microsoft’s sign-in is unavailable';
  return 'The Microsoft account was not authorized';
}

/** The failure to show, or null when the error is not one the identity core describes (→ the 500 page). */
export function describeOAuthFailure(error: unknown, answerError: string | undefined): OAuthFailure | null {
  if (!isAppError(error)) return null;
  return {
    title: titleFor(error, answerError),
    message: error.publicMessage,
    missingScopes: error instanceof AuthorizationFailedError ? error.missingScopes : [],
    docs: error.docs ?? null,
    code: error.code,
  };
}
