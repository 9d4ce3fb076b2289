// Check: the token endpoint accepts MS_OAUTH_CLIENT_SECRET. Proven by the refresh of the stored authorization when
// there is one (the secret goes with every refresh), else by the client-credentials probe (../token-outcomes.ts).
// Microsoft does not say through OAuth when a secret expires, so its expiry is reported as unknown. Pure.
import { isAppError } from '../../lib/errors.js';
import {
  AppRegistrationError,
  ClientSecretError,
  LoginUnavailableError,
  ReauthorizationRequiredError,
} from '../../microsoft/identity/index.js';
import { type CheckResult, fail, pass, warn } from '../check-result.js';
import { CLIENT_SECRET } from '../check-specs.js';
import type { RefreshOutcome, SecretProbe } from '../token-outcomes.js';

const EXPIRY_UNKNOWN =
  'Its expiry date is unknown here (Microsoft does not tell it through OAuth): see Certificates & secrets of the ' +
  'app registration in Azure.';
const NEW_SECRET_FIX =
  'In Azure, app registration → Certificates & secrets → New client secret; put its Value (not its Secret ID) in ' +
  'MS_OAUTH_CLIENT_SECRET on every server and restart. No re-authorization is needed.';
const APP_IDS_FIX =
  'Copy the Application (client) ID and the Directory (tenant) ID from the Overview page of the app registration ' +
  'into MS_OAUTH_CLIENT_ID and MS_AD_TENANT_ID, restart, and run the doctor again.';

/** Whether a failed refresh settles the question without a probe (the app's credentials, or no answer). */
export function refreshSettlesSecret(refresh: RefreshOutcome): boolean {
  if (refresh.kind === 'refreshed') return true;
  if (refresh.kind === 'not-attempted') return false;
  const { error } = refresh;
  return (
    error instanceof ClientSecretError ||
    error instanceof AppRegistrationError ||
    error instanceof LoginUnavailableError
  );
}

function refused(error: ClientSecretError | AppRegistrationError): CheckResult {
  const fix = error instanceof ClientSecretError ? NEW_SECRET_FIX : APP_IDS_FIX;
  return fail(CLIENT_SECRET, error.publicMessage, fix, error.docs ?? CLIENT_SECRET.docs);
}

function unreachable(words: string): CheckResult {
  return fail(
    CLIENT_SECRET,
    `Could not be checked: ${words}`,
    'Check that this server reaches Microsoft’s sign-in service (MS_LOGIN_URL) over HTTPS, then run the doctor again.',
    'microsoft-unreachable',
  );
}

export function checkClientSecret(refresh: RefreshOutcome, probe: SecretProbe | undefined): CheckResult {
  if (refresh.kind === 'refreshed') {
    return pass(CLIENT_SECRET, `Accepted: the stored authorization was refreshed with it. ${EXPIRY_UNKNOWN}`);
  }
  if (refresh.kind === 'failed') {
    const { error } = refresh;
    if (error instanceof ClientSecretError || error instanceof AppRegistrationError) return refused(error);
    if (error instanceof LoginUnavailableError) return unreachable(error.publicMessage);
  }
  if (probe === undefined) return unreachable('the client-credentials probe was not made.');
  if (probe.kind === 'unavailable') return unreachable(probe.error.publicMessage);
  if (probe.kind === 'accepted') {
    return pass(CLIENT_SECRET, `Accepted by the token endpoint (client-credentials probe). ${EXPIRY_UNKNOWN}`);
  }
  if (probe.kind === 'refused') {
    const { error } = probe;
    if (error instanceof ClientSecretError || error instanceof AppRegistrationError) return refused(error);
    return fail(CLIENT_SECRET, isAppError(error) ? error.publicMessage : String(error), NEW_SECRET_FIX);
  }
  // The endpoint offers no client-credentials grant. A refresh it refused with an AADSTS code was refused for the
  // grant, after the app had authenticated: the secret itself was accepted.
  if (refresh.kind === 'failed' && refresh.error instanceof ReauthorizationRequiredError && refresh.error.aadsts) {
    return pass(
      CLIENT_SECRET,
      `Accepted: the token endpoint authenticated the app, then refused the stored authorization (AADSTS` +
        `${refresh.error.aadsts}; see the authorization check). ${EXPIRY_UNKNOWN}`,
    );
  }
  return warn(
    CLIENT_SECRET,
    'Not verified: there is no authorization to refresh, and the token endpoint does not offer the ' +
      `client-credentials probe (it answered ${probe.answer}). ${EXPIRY_UNKNOWN}`,
    'Authorize the Microsoft account (Microsoft Account page → Authorize Account): the sign-in uses the secret. ' +
      'Then run the doctor again.',
  );
}
