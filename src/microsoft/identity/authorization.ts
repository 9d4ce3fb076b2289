// The authorization code flow with PKCE (GRAPH-FACTS §1), in two calls made by the web route:
// startAuthorization → the Microsoft authorize URL (MS_OAUTH_SCOPES, MS_OAUTH_REDIRECT_URL, a session-bound state,
// S256 challenge, prompt=select_account, or consent when re-authorizing); completeAuthorization → validates the
// state, redeems the code with MSAL (acquireTokenByCode + the verifier), checks that every required scope was granted
// and stores the service token. Microsoft's error answers (`?error=access_denied…`) become typed errors too.
import type { AuthenticationResult, ConfidentialClientApplication } from '@azure/msal-node';
import { accessTokenSourceFor } from './access-token.js';
import { type AuthorizationAnswer, answerError, scopesMissingError } from './authorization-answer.js';
import { AuthorizationFailedError } from './identity-errors.js';
import { createMsalClient, type MsalLogSink } from './msal-client.js';
import { msalError } from './msal-errors.js';
import type { OAuthStateStore } from './oauth-state-store.js';
import { createPkcePair } from './pkce.js';
import type { IdentityDeps } from './refresh-service-token.js';
import { missingScopes, OFFLINE_ACCESS } from './scopes.js';
import type { TokenAccount } from './token-store.js';

export interface AuthorizationDeps extends IdentityDeps {
  states: OAuthStateStore;
  msalLog?: MsalLogSink;
}

export interface StartAuthorizationInput {
  /** The web session starting the sign-in; the answer must come back to the same session. */
  sessionId: string;
  /** Pre-fills the Microsoft sign-in (`login_hint`). */
  loginHint?: string | undefined;
  /** Ask Microsoft to show consent again (Re-authorize). Default: whether a token was ever stored. */
  reauthorize?: boolean | undefined;
}

export interface StartedAuthorization {
  /** Redirect the browser here. */
  url: string;
  expiresAt: number;
}

export async function startAuthorization(
  deps: AuthorizationDeps,
  input: StartAuthorizationInput,
): Promise<StartedAuthorization> {
  const reauthorize = input.reauthorize ?? (await deps.store.summary()).status !== 'disconnected';
  const pkce = createPkcePair();
  const { state, expiresAt } = await deps.states.create(input.sessionId, pkce.verifier);
  const url = await createMsalClient(deps.config, deps.msalLog).getAuthCodeUrl({
    scopes: [...deps.config.MS_OAUTH_SCOPES],
    redirectUri: deps.config.MS_OAUTH_REDIRECT_URL,
    responseMode: 'query',
    state,
    codeChallenge: pkce.challenge,
    codeChallengeMethod: 'S256',
    ...promptFor(reauthorize, input.loginHint),
  });
  return { url, expiresAt };
}

/**
 * `consent` when re-authorizing (so changed permissions are shown again), else `select_account` — except with a
 * login_hint: Microsoft rejects select_account together with an account hint (MSAL drops the hint then), and the
 * hint already names the account, so no prompt is sent.
 */
function promptFor(reauthorize: boolean, loginHint: string | undefined): { prompt?: string; loginHint?: string } {
  if (reauthorize) return loginHint ? { prompt: 'consent', loginHint } : { prompt: 'consent' };
  return loginHint ? { loginHint } : { prompt: 'select_account' };
}

export type { AuthorizationAnswer } from './authorization-answer.js';

export interface CompleteAuthorizationInput {
  answer: AuthorizationAnswer;
  sessionId: string;
  /** The web account completing the sign-in: recorded as who authorized. */
  authorizedBy: string;
}

export interface CompletedAuthorization {
  account: TokenAccount;
  grantedScopes: string[];
  accessExpiresAt: number;
}

/** Validates the answer and stores the service token; every failure is a typed error with a plain message. */
export async function completeAuthorization(
  deps: AuthorizationDeps,
  input: CompleteAuthorizationInput,
): Promise<CompletedAuthorization> {
  const { answer } = input;
  const codeVerifier = await deps.states.consume(answer.state, input.sessionId);
  if (answer.error !== undefined || !answer.code) throw answerError(answer, deps.config.MS_OAUTH_SCOPES);

  const msal = createMsalClient(deps.config, deps.msalLog);
  let result: AuthenticationResult;
  try {
    result = await msal.acquireTokenByCode({
      code: answer.code,
      scopes: [...deps.config.MS_OAUTH_SCOPES],
      redirectUri: deps.config.MS_OAUTH_REDIRECT_URL,
      codeVerifier,
    });
  } catch (error) {
    throw msalError(error, 'authorization_code');
  }
  const refreshToken = refreshTokenIn(msal);
  const missing = missingScopes(deps.config.MS_OAUTH_SCOPES, result.scopes, refreshToken !== null);
  if (missing.length > 0 || refreshToken === null)
    throw scopesMissingError(missing.length > 0 ? missing : [OFFLINE_ACCESS]);
  if (result.account === null) {
    throw new AuthorizationFailedError('Microsoft did not say which account signed in. Press Authorize Account again.');
  }
  const account: TokenAccount = {
    username: result.account.username,
    homeAccountId: result.account.homeAccountId,
    tenantId: result.account.tenantId,
  };
  const grantedScopes = [...new Set([...result.scopes, OFFLINE_ACCESS])];
  const accessExpiresAt = result.expiresOn?.getTime() ?? deps.store.now() + 3_600_000;
  await deps.store.saveAuthorization({
    refreshToken,
    accessToken: result.accessToken,
    accessExpiresAt,
    grantedScopes,
    account,
    authorizedBy: input.authorizedBy,
  });
  accessTokenSourceFor(deps).forget();
  return { account, grantedScopes, accessExpiresAt };
}

/**
 * The refresh token MSAL received. MSAL keeps it out of AuthenticationResult; its serialized cache (the shared MSAL
 * cache schema) holds it. The client is fresh for this one exchange, so there is at most one.
 */
function refreshTokenIn(msal: ConfidentialClientApplication): string | null {
  const cache: unknown = JSON.parse(msal.getTokenCache().serialize());
  const entries = typeof cache === 'object' && cache !== null && 'RefreshToken' in cache ? cache.RefreshToken : null;
  if (typeof entries !== 'object' || entries === null) return null;
  for (const entry of Object.values(entries)) {
    if (typeof entry === 'object' && entry !== null && 'secret' in entry && typeof entry.secret === 'string') {
      return entry.secret;
    }
  }
  return null;
}
