// The refresh-token grant, as one plain POST to the token endpoint (GRAPH-FACTS §1: `grant_type=refresh_token`,
// `client_id`, `client_secret`, `refresh_token`, `scope`).
// Why not MSAL here: MSAL never hands the refresh token to the caller (AuthenticationResult has none; it lives in
// MSAL's cache), picks the token to send from that cache, may answer from cached access tokens, and on some 4xx/5xx
// answers returns quietly instead of throwing. Our guarantee — "the refresh token we read at version N is the one we
// send, and the one that comes back is saved only if the row is still at version N" — needs both tokens in hand, so
// the refresh is this one request, and the answer is checked with zod. MSAL still builds the authorize URL and
// redeems the code (./authorization.ts).
import { z } from 'zod';
import type { Secret } from '../../config/index.js';
import { LoginUnavailableError } from './identity-errors.js';
import { parseTokenErrorBody, tokenEndpointError } from './token-errors.js';

export interface RefreshGrantRequest {
  /** MS_LOGIN_URL/{tenant}/oauth2/v2.0/token (./endpoints.ts). */
  tokenEndpoint: string;
  clientId: string;
  clientSecret: Secret;
  refreshToken: string;
  /** The same scopes as at authorization, or a subset. */
  scopes: readonly string[];
  timeoutMs?: number;
}

export interface TokenGrantResult {
  accessToken: string;
  /** Microsoft returns a new one on every use (with offline_access); null if it did not. */
  refreshToken: string | null;
  expiresInSeconds: number;
  /** As echoed (short names, without offline_access). */
  scopes: string[];
}

const tokenResponse = z.object({
  token_type: z.string().optional(),
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.coerce.number().int().positive(),
  scope: z.string().optional(),
});

const DEFAULT_TIMEOUT_MS = 30_000;

function retryAfterSecondsOf(headers: Headers): number | undefined {
  const value = Number(headers.get('retry-after'));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

async function post(request: RefreshGrantRequest): Promise<Response> {
  const form = new URLSearchParams({
    grant_type: 'refresh_token',
    client_id: request.clientId,
    client_secret: request.clientSecret.reveal(),
    refresh_token: request.refreshToken,
    scope: request.scopes.join(' '),
  });
  return fetch(request.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: form.toString(),
    signal: AbortSignal.timeout(request.timeoutMs ?? DEFAULT_TIMEOUT_MS),
  });
}

/**
 * Redeems a refresh token. Throws ReauthorizationRequiredError (grant dead), ClientSecretError, AppRegistrationError
 * or LoginUnavailableError (retry later). A network failure is retried once at once: the token we sent stays valid
 * even if Microsoft answered and the answer was lost (old refresh tokens are not revoked on use).
 */
export async function redeemRefreshToken(request: RefreshGrantRequest): Promise<TokenGrantResult> {
  let response: Response;
  try {
    response = await post(request).catch(() => post(request));
  } catch (cause) {
    throw new LoginUnavailableError(
      'Microsoft’s sign-in service could not be reached to refresh the token. It will be tried again.',
      { cause, retryAfterSeconds: 60 },
    );
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const answer = parseTokenErrorBody(response.status, body, retryAfterSecondsOf(response.headers));
    throw tokenEndpointError(answer, 'refresh_token');
  }
  const parsed = tokenResponse.safeParse(body);
  if (!parsed.success) {
    throw new LoginUnavailableError('Microsoft’s sign-in service sent a token answer this program cannot read.', {
      retryAfterSeconds: 60,
    });
  }
  return {
    accessToken: parsed.data.access_token,
    refreshToken: parsed.data.refresh_token ?? null,
    expiresInSeconds: parsed.data.expires_in,
    scopes: (parsed.data.scope ?? '').split(' ').filter(Boolean),
  };
}
