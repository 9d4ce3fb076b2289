// What the doctor learnt from Microsoft's token endpoint, as data for the pure checks: the outcome of refreshing the
// stored authorization (a real refresh, harmless: it is what the jobs do and it keeps the grant alive), and the
// outcome of the client-credentials probe of the secret, classified from the endpoint's answer here (pure).
import type { AppError } from '../lib/errors.js';
import { AADSTS_CODES } from '../microsoft/identity/aadsts-codes.js';
import { AppRegistrationError, ClientSecretError, LoginUnavailableError } from '../microsoft/identity/index.js';
import { parseTokenErrorBody, tokenEndpointError } from '../microsoft/identity/token-errors.js';

export type RefreshOutcome =
  /** No live grant to refresh: never authorized, disconnected, or already marked dead. */
  | { kind: 'not-attempted' }
  | { kind: 'refreshed'; accessToken: string }
  /** The typed error refreshServiceToken threw (ClientSecretError, ReauthorizationRequiredError, …). */
  | { kind: 'failed'; error: unknown };

export type SecretProbe =
  | { kind: 'accepted' }
  /** The endpoint refused the app's credentials: ClientSecretError or AppRegistrationError. */
  | { kind: 'refused'; error: AppError }
  /** No usable answer (network, 429, 5xx): LoginUnavailableError. */
  | { kind: 'unavailable'; error: AppError }
  /** An answer that says nothing about the secret (the grant type is not offered); `answer` names it. */
  | { kind: 'inconclusive'; answer: string };

/** Microsoft Graph's resource for the client-credentials probe: `.default` asks for whatever the app was granted. */
export const PROBE_SCOPE = 'https://graph.microsoft.com/.default';

/**
 * A client-credentials answer of the token endpoint, classified. With a good secret Microsoft issues an app-only
 * token even to an app that has only delegated permissions (one without `roles`, which the probe throws away); with
 * a wrong or expired one it answers `invalid_client` (AADSTS7000215 / 7000222), an unknown app or tenant
 * AADSTS700016 / 90002. An endpoint that does not offer the grant (`unsupported_grant_type`, `unauthorized_client`,
 * as the local emulator) says nothing about the secret.
 */
export function classifyProbeAnswer(status: number, body: unknown, retryAfterSeconds?: number): SecretProbe {
  if (status >= 200 && status < 300) return { kind: 'accepted' };
  const answer = parseTokenErrorBody(status, body, retryAfterSeconds);
  const known = answer.aadsts === undefined ? undefined : AADSTS_CODES.get(answer.aadsts);
  const speaksOfApp =
    known?.action === 'client-secret' ||
    known?.action === 'app-registration' ||
    (known === undefined && answer.error === 'invalid_client');
  const error = tokenEndpointError(answer, 'authorization_code');
  if (error instanceof LoginUnavailableError) return { kind: 'unavailable', error };
  if (speaksOfApp && (error instanceof ClientSecretError || error instanceof AppRegistrationError)) {
    return { kind: 'refused', error };
  }
  const code = answer.aadsts === undefined ? '' : `, AADSTS${answer.aadsts}`;
  return { kind: 'inconclusive', answer: `${answer.error}${code}` };
}
