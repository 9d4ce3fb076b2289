// Turns an error answer of the token endpoint (GRAPH-FACTS §1: `{error, error_description: "AADSTSn: …",
// error_codes: [n], suberror?}`, HTTP 400, 401 for invalid_client) into one of ./identity-errors.ts, using the
// table in ./aadsts-codes.ts. The same answer means different things for the two grants: for the stored refresh
// token every invalid_grant means "re-authorize"; for a code being redeemed it means "this sign-in failed".
import type { AppError } from '../../lib/errors.js';
import { AADSTS_CODES, type AadstsAction, aadstsCodeIn, FALLBACK_BY_ERROR } from './aadsts-codes.js';
import {
  AppRegistrationError,
  AuthorizationFailedError,
  ClientSecretError,
  LoginUnavailableError,
  ReauthorizationRequiredError,
} from './identity-errors.js';

export interface TokenErrorAnswer {
  /** HTTP status; undefined when unknown (MSAL does not always keep it). */
  status: number | undefined;
  error: string;
  /** The AADSTS number, from `error_codes[0]` or the description. */
  aadsts: number | undefined;
  suberror?: string | undefined;
  retryAfterSeconds?: number | undefined;
}

export type Grant = 'refresh_token' | 'authorization_code';

const TRANSIENT_ERRORS = new Set(['temporarily_unavailable', 'server_error']);

function describe(answer: TokenErrorAnswer): string {
  return answer.aadsts === undefined ? answer.error : `${answer.error}, AADSTS${answer.aadsts}`;
}

function guidance(answer: TokenErrorAnswer): { action: AadstsAction; publicMessage: string; docs: string } | null {
  const entry = answer.aadsts === undefined ? undefined : AADSTS_CODES.get(answer.aadsts);
  if (entry) return entry;
  if (answer.error in FALLBACK_BY_ERROR) return FALLBACK_BY_ERROR[answer.error as keyof typeof FALLBACK_BY_ERROR];
  return null;
}

/** The typed error for a token-endpoint error answer. */
export function tokenEndpointError(answer: TokenErrorAnswer, grant: Grant, cause?: unknown): AppError {
  const status = answer.status ?? 0;
  if (status === 429 || status >= 500 || TRANSIENT_ERRORS.has(answer.error)) {
    return new LoginUnavailableError(
      `Microsoft’s sign-in service is unavailable at the moment (${describe(answer)}${status ? `, HTTP ${status}` : ''}). It will be tried again.`,
      { cause, retryAfterSeconds: answer.retryAfterSeconds ?? 60 },
    );
  }
  const known = guidance(answer);
  // An unknown code keeps each error class's own docs anchor rather than losing the link.
  const common = { cause, ...(known ? { docs: known.docs } : {}) };
  const suffix = ` (Microsoft: ${describe(answer)})`;
  if (known?.action === 'client-secret') return new ClientSecretError(known.publicMessage + suffix, common);
  if (known?.action === 'app-registration') return new AppRegistrationError(known.publicMessage + suffix, common);
  if (grant === 'refresh_token') {
    const message = known?.publicMessage ?? FALLBACK_BY_ERROR.invalid_grant.publicMessage;
    return new ReauthorizationRequiredError(message + suffix, {
      ...common,
      docs: known?.docs ?? FALLBACK_BY_ERROR.invalid_grant.docs,
      aadsts: answer.aadsts,
    });
  }
  const message =
    known?.action === 'retry-sign-in' || known === null
      ? (known?.publicMessage ?? 'Microsoft did not complete the sign-in. Press Authorize Account to start again.')
      : retryMessageFor(answer);
  // At the code exchange a failure means "start the sign-in again" (whatever the grant's own advice would be), except
  // missing consent, which an administrator must grant in Azure first.
  const docs = answer.aadsts === 65001 && known ? known.docs : 'microsoft-sign-in-failed';
  return new AuthorizationFailedError(message + suffix, { cause, docs });
}

/** For a code exchange, "re-authorize" advice reads as "start the sign-in again", with the cause kept. */
function retryMessageFor(answer: TokenErrorAnswer): string {
  const entry = answer.aadsts === undefined ? undefined : AADSTS_CODES.get(answer.aadsts);
  if (answer.aadsts === 65001 && entry) return entry.publicMessage;
  const meaning = entry?.meaning ?? 'Microsoft refused the sign-in.';
  return `${meaning} Press Authorize Account on the Microsoft Account page to start again.`;
}

/** Parses a token endpoint's JSON error body (or whatever came back) into a TokenErrorAnswer. */
export function parseTokenErrorBody(status: number, body: unknown, retryAfterSeconds?: number): TokenErrorAnswer {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const error = typeof record.error === 'string' ? record.error : status >= 500 ? 'server_error' : 'unknown_error';
  const codes = Array.isArray(record.error_codes) ? record.error_codes : [];
  const first = typeof codes[0] === 'number' ? codes[0] : undefined;
  const description = typeof record.error_description === 'string' ? record.error_description : undefined;
  const suberror = typeof record.suberror === 'string' ? record.suberror : undefined;
  return { status, error, aadsts: first ?? aadstsCodeIn(description), suberror, retryAfterSeconds };
}
