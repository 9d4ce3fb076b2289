// Check: MS_OAUTH_REDIRECT_URL is ENTRADA_URL + /api/ms-graph-oauth.php (the guide's route), and Microsoft will
// accept it: Azure registers http:// redirect URIs for localhost only, everything else must be https://. Pure.
import { type Config, OAUTH_REDIRECT_ROUTE } from '../../config/index.js';
import { type CheckResult, fail, pass, warn } from '../check-result.js';
import { REDIRECT_URL } from '../check-specs.js';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function checkRedirectUrl(config: Pick<Config, 'ENTRADA_URL' | 'MS_OAUTH_REDIRECT_URL'>): CheckResult {
  const expected = `${config.ENTRADA_URL}${OAUTH_REDIRECT_ROUTE}`;
  const actual = config.MS_OAUTH_REDIRECT_URL;
  if (actual !== expected) {
    return fail(
      REDIRECT_URL,
      `MS_OAUTH_REDIRECT_URL is ${actual}, but it must be ENTRADA_URL + ${OAUTH_REDIRECT_ROUTE} = ${expected}.`,
      `Remove MS_OAUTH_REDIRECT_URL from the settings (it defaults to ${expected}), or correct ENTRADA_URL; then ` +
        `register exactly ${expected} under Authentication → Web → Redirect URIs of the app registration in Azure.`,
    );
  }
  const url = new URL(actual);
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname)) {
    return warn(
      REDIRECT_URL,
      `${actual} uses http://; Microsoft accepts http:// redirect URIs for localhost only.`,
      'Serve Elentra Teams over https and set ENTRADA_URL to its https:// address, then register the new redirect ' +
        'URI in Azure and press Authorize Account again.',
    );
  }
  return pass(
    REDIRECT_URL,
    `${actual} (ENTRADA_URL + ${OAUTH_REDIRECT_ROUTE}). It must also be registered, exactly, under Authentication → ` +
      'Web in Azure; Microsoft checks that only when someone signs in.',
  );
}
