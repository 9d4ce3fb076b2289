// Microsoft identity: authorizing the site's Microsoft account (authorization code + PKCE, via MSAL), the encrypted
// service-token store, and access tokens that refresh themselves safely across processes. Start with
// createIdentity(); Graph requests get their tokens from getAccessToken().
export type { AadstsAction, AadstsEntry } from './aadsts-codes.js';
export { AADSTS_CODES } from './aadsts-codes.js';
export type { AccessTokenOptions } from './access-token.js';
export { AccessTokenSource, accessTokenSourceFor, getAccessToken } from './access-token.js';
export type {
  AuthorizationAnswer,
  AuthorizationDeps,
  CompleteAuthorizationInput,
  CompletedAuthorization,
  StartAuthorizationInput,
  StartedAuthorization,
} from './authorization.js';
export { completeAuthorization, startAuthorization } from './authorization.js';
export { createIdentity, type Identity } from './create-identity.js';
export { disconnectMicrosoftAccount } from './disconnect.js';
export { identityEndpoints } from './endpoints.js';
export * from './identity-errors.js';
export { createMsalClient, type MsalLogSink } from './msal-client.js';
export { OAuthStateStore, STATE_LIFETIME_MS } from './oauth-state-store.js';
export { REFRESH_TOKEN_JOB, type RefreshJobResult, runRefreshTokenJob } from './refresh-job.js';
export type { IdentityDeps, RefreshRequest, UsableToken } from './refresh-service-token.js';
export { REFRESH_AHEAD_MS, refreshServiceToken } from './refresh-service-token.js';
export { type TokenKeys, tokenKeys, tokenKeysFromConfig } from './token-keys.js';
export type {
  AuthorizationGrant,
  ServiceTokenRecord,
  ServiceTokenStatus,
  ServiceTokenSummary,
  TokenAccount,
} from './token-store.js';
export { ServiceTokenStore } from './token-store.js';
