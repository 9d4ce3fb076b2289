// The identity platform's AADSTS error codes we expect (GRAPH-FACTS §1), as data: what each means, what it asks of
// us, the plain message an administrator reads and the section of docs/troubleshooting.md that explains the fix.
// ./token-errors.ts turns a token-endpoint answer into a typed error with this table; codes not listed fall back on
// the OAuth `error` (invalid_grant → re-authorize, invalid_client → app registration).

/**
 * What an answer means for us:
 * - `reauthorize`: the stored grant is dead → status needs_reauthorization; an administrator must Re-authorize.
 * - `retry-sign-in`: one sign-in attempt failed (code used, expired, declined) → start Authorize Account again.
 * - `client-secret`: MS_OAUTH_CLIENT_SECRET is wrong or expired → a new client secret; re-authorizing does not help.
 * - `app-registration`: tenant id, client id, redirect URI or scopes do not match the Azure app registration.
 */
export type AadstsAction = 'reauthorize' | 'retry-sign-in' | 'client-secret' | 'app-registration';

export interface AadstsEntry {
  readonly code: number;
  /** The OAuth `error` Microsoft sends with it. */
  readonly error: string;
  /** Microsoft's meaning, shortened. */
  readonly meaning: string;
  readonly action: AadstsAction;
  readonly publicMessage: string;
  /** Anchor in docs/troubleshooting.md. */
  readonly docs: string;
}

const REAUTHORIZE = 'An administrator must press Re-authorize on the Microsoft Account page.';
const TRY_AGAIN = 'Press Authorize Account on the Microsoft Account page to start again.';
const NEW_SECRET =
  'Create a new client secret in Azure (app registration → Certificates & secrets → New client secret) and put its ' +
  'Value (not its Secret ID) in MS_OAUTH_CLIENT_SECRET, then restart the service.';

function mfaRequired(code: number, meaning: string): AadstsEntry {
  return {
    code,
    error: 'interaction_required',
    meaning,
    action: 'reauthorize',
    publicMessage:
      'Microsoft now requires the authorizing account to complete multi-factor authentication. ' +
      `${REAUTHORIZE} Complete the whole sign-in, second factor included.`,
    docs: 'microsoft-mfa-required',
  };
}

const ENTRIES: readonly AadstsEntry[] = [
  {
    code: 70008,
    error: 'invalid_grant',
    meaning: 'The authorization code or refresh token expired due to inactivity or was revoked.',
    action: 'reauthorize',
    publicMessage: `The Microsoft authorization expired or was revoked. ${REAUTHORIZE}`,
    docs: 'microsoft-authorization-expired',
  },
  {
    code: 700082,
    error: 'invalid_grant',
    meaning: 'The refresh token was not used for too long (90 days for web apps).',
    action: 'reauthorize',
    publicMessage:
      `The Microsoft authorization expired after 90 days without use. ${REAUTHORIZE} ` +
      'To keep it alive, make sure the microsoft:refresh-token job is active in the cron table.',
    docs: 'microsoft-authorization-expired',
  },
  {
    code: 50173,
    error: 'invalid_grant',
    meaning: 'The grant was revoked (password change or reset, or an administrator revoked the sessions).',
    action: 'reauthorize',
    publicMessage:
      'Microsoft revoked the authorization, for example because the account’s password was changed or an ' +
      `administrator revoked its sign-in sessions. ${REAUTHORIZE}`,
    docs: 'microsoft-authorization-revoked',
  },
  {
    code: 65001,
    error: 'invalid_grant',
    meaning: 'The user or an administrator has not consented to a permission (suberror consent_required).',
    action: 'reauthorize',
    publicMessage:
      'A Microsoft Graph permission the integration needs is not consented. A Microsoft tenant administrator must ' +
      'grant it (app registration → API permissions → Grant admin consent); then press Re-authorize on the ' +
      'Microsoft Account page.',
    docs: 'microsoft-consent-missing',
  },
  {
    code: 65004,
    error: 'access_denied',
    meaning: 'The user declined to consent.',
    action: 'retry-sign-in',
    publicMessage: `The permissions were declined on Microsoft’s consent page, so nothing was authorized. ${TRY_AGAIN} Choose Accept to grant them.`,
    docs: 'microsoft-consent-declined',
  },
  {
    code: 70000,
    error: 'invalid_grant',
    meaning: 'The grant is invalid or malformed, or the authorization code expired.',
    action: 'reauthorize',
    publicMessage: `Microsoft rejected the authorization as invalid or expired. ${REAUTHORIZE}`,
    docs: 'microsoft-authorization-expired',
  },
  {
    code: 54005,
    error: 'invalid_grant',
    meaning: 'The authorization code was already redeemed.',
    action: 'retry-sign-in',
    publicMessage: `This Microsoft sign-in was already used (its one-time code was redeemed before). ${TRY_AGAIN}`,
    docs: 'microsoft-sign-in-failed',
  },
  {
    code: 501481,
    error: 'invalid_grant',
    meaning: 'The PKCE code_verifier does not match the code_challenge.',
    action: 'retry-sign-in',
    publicMessage: `The Microsoft sign-in could not be verified (the PKCE proof did not match). ${TRY_AGAIN}`,
    docs: 'microsoft-sign-in-failed',
  },
  {
    code: 9002313,
    error: 'invalid_grant',
    meaning: 'The request or the token is malformed or unknown.',
    action: 'reauthorize',
    publicMessage: `Microsoft did not recognise the stored authorization. ${REAUTHORIZE}`,
    docs: 'microsoft-authorization-expired',
  },
  mfaRequired(50076, 'Multi-factor authentication is required.'),
  mfaRequired(50078, 'The multi-factor authentication presented has expired.'),
  mfaRequired(50079, 'The user must enroll in multi-factor authentication.'),
  {
    code: 50011,
    error: 'invalid_request',
    meaning: 'The redirect URI does not match one registered for the application.',
    action: 'app-registration',
    publicMessage:
      'The redirect URI is not registered for the app in Azure. In the app registration, open Authentication and ' +
      'add exactly the MS_OAUTH_REDIRECT_URL shown by `elentra-teams config:check` (…/api/ms-graph-oauth.php).',
    docs: 'redirect-uri-mismatch',
  },
  {
    code: 500112,
    error: 'invalid_client',
    meaning: 'The redirect URI sent with the code differs from the one sent to authorize.',
    action: 'app-registration',
    publicMessage:
      'The sign-in came back with a different redirect URI than it started with. Make sure MS_OAUTH_REDIRECT_URL ' +
      'is the same on every instance of the service, then press Authorize Account again.',
    docs: 'redirect-uri-mismatch',
  },
  {
    code: 70011,
    error: 'invalid_scope',
    meaning: 'A requested scope is not valid.',
    action: 'app-registration',
    publicMessage:
      'Microsoft rejected a permission name in MS_OAUTH_SCOPES. Each must be a Microsoft Graph delegated ' +
      'permission, such as Team.Create; run `elentra-teams config:check`.',
    docs: 'invalid-scope',
  },
  {
    code: 700016,
    error: 'unauthorized_client',
    meaning: 'The application was not found in the tenant.',
    action: 'app-registration',
    publicMessage:
      'Microsoft does not know the app MS_OAUTH_CLIENT_ID in the tenant MS_AD_TENANT_ID. Copy the Application ' +
      '(client) ID and the Directory (tenant) ID again from the app registration’s Overview page in Azure.',
    docs: 'app-not-found',
  },
  {
    code: 90002,
    error: 'invalid_request',
    meaning: 'The tenant was not found.',
    action: 'app-registration',
    publicMessage:
      'Microsoft does not know the tenant MS_AD_TENANT_ID. Copy the Directory (tenant) ID again from the app ' +
      'registration’s Overview page in Azure.',
    docs: 'app-not-found',
  },
  {
    code: 7000215,
    error: 'invalid_client',
    meaning: 'An invalid client secret was provided.',
    action: 'client-secret',
    publicMessage: `Microsoft rejected the client secret (MS_OAUTH_CLIENT_SECRET). ${NEW_SECRET}`,
    docs: 'expired-client-secret',
  },
  {
    code: 7000222,
    error: 'invalid_client',
    meaning: 'The client secret has expired.',
    action: 'client-secret',
    publicMessage: `The client secret (MS_OAUTH_CLIENT_SECRET) has expired. ${NEW_SECRET}`,
    docs: 'expired-client-secret',
  },
];

export const AADSTS_CODES: ReadonlyMap<number, AadstsEntry> = new Map(ENTRIES.map((entry) => [entry.code, entry]));

/** The fallback messages by OAuth `error` when the AADSTS code is unknown or absent. */
export const FALLBACK_BY_ERROR = {
  invalid_grant: {
    action: 'reauthorize',
    publicMessage: `Microsoft no longer accepts the stored authorization. ${REAUTHORIZE}`,
    docs: 'microsoft-authorization-expired',
  },
  interaction_required: {
    action: 'reauthorize',
    publicMessage: `Microsoft requires the authorizing account to sign in again. ${REAUTHORIZE}`,
    docs: 'microsoft-authorization-expired',
  },
  invalid_client: {
    action: 'client-secret',
    publicMessage: `Microsoft rejected the app’s credentials (MS_OAUTH_CLIENT_ID / MS_OAUTH_CLIENT_SECRET). ${NEW_SECRET}`,
    docs: 'expired-client-secret',
  },
  access_denied: {
    action: 'retry-sign-in',
    publicMessage: `The Microsoft sign-in was cancelled or denied, so nothing was authorized. ${TRY_AGAIN}`,
    docs: 'microsoft-consent-declined',
  },
} as const satisfies Record<string, Pick<AadstsEntry, 'action' | 'publicMessage' | 'docs'>>;

/** The first AADSTS number in an `error_description` ("AADSTS70008: …"), for answers without `error_codes`. */
export function aadstsCodeIn(description: string | undefined): number | undefined {
  const match = description === undefined ? null : /AADSTS(\d+)/.exec(description);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
