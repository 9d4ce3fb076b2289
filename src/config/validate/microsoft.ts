// Checks for the Azure app registration values of the guide: tenant and client ids (GUIDs), the client secret,
// the scopes and the redirect URL. Ids and secrets are not echoed: a secret pasted into the wrong field must not
// be printed.
import { DEFAULTS, OAUTH_REDIRECT_ROUTE, REQUIRED_SCOPES } from '../constants.js';
import { type Check, fail, ok } from './check.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// The guide's example block uses XXXXXXXX-XXXX-… placeholders; a copied block is a common first mistake.
const PLACEHOLDER = /^[X-]+$/i;

const GUID_SOURCES = {
  tenant: '"Directory (tenant) ID"',
  client: '"Application (client) ID"',
} as const;

export function checkGuid(which: keyof typeof GUID_SOURCES): (value: string) => Check<string> {
  const fix = `copy the ${GUID_SOURCES[which]} from the Overview page of the app registration in Azure (Microsoft Entra ID → App registrations); it looks like 0a1b2c3d-0000-4000-8000-123456789abc`;
  return (value) => {
    if (GUID.test(value)) return ok(value.toLowerCase());
    if (PLACEHOLDER.test(value)) return fail('is still the placeholder from the guide', fix);
    return fail(`is not a GUID (8-4-4-4-12 hexadecimal digits; the value has ${value.length} characters)`, fix);
  };
}

export function checkClientSecret(value: string): Check<string> {
  const fix =
    'in the app registration, open Certificates & secrets, create a new client secret and copy its "Value" (shown only once)';
  if (PLACEHOLDER.test(value)) return fail('is still the placeholder from the guide', fix);
  // Azure shows a "Secret ID" (a GUID) beside the "Value"; the ID is useless for signing in.
  if (GUID.test(value)) return fail('looks like the client secret\'s "Secret ID", not its "Value"', fix);
  if (/\s/.test(value)) return fail('contains spaces; a client secret has none', fix);
  return ok(value);
}

/** The last part of a scope, so that `https://graph.microsoft.com/Team.Create` counts as `Team.Create`. */
function scopeName(scope: string): string {
  return (scope.split('/').pop() ?? scope).toLowerCase();
}

/** Comma (or space) separated scopes → a list holding each once; every required scope must be there. */
export function checkScopes(value: string): Check<string[]> {
  const scopes: string[] = [];
  for (const scope of value.split(/[\s,]+/).filter(Boolean)) {
    if (!scopes.some((known) => known.toLowerCase() === scope.toLowerCase())) scopes.push(scope);
  }
  const given = new Set(scopes.map(scopeName));
  const missing = REQUIRED_SCOPES.filter((scope) => !given.has(scope.toLowerCase()));
  if (missing.length === 0) return ok(scopes);
  return fail(
    `is missing the required ${missing.length === 1 ? 'scope' : 'scopes'} ${missing.join(', ')}`,
    `add ${missing.join(', ')} (or remove MS_OAUTH_SCOPES to use the default ${DEFAULTS.MS_OAUTH_SCOPES}), and grant the same delegated Microsoft Graph permissions to the app in Azure (API permissions)`,
  );
}

/** Microsoft only redirects to a registered URI, and the route that receives it is ENTRADA_URL + the guide's route. */
export function checkRedirectUrl(expected: string, entradaUrlSource: string): (value: string) => Check<string> {
  return (value) => {
    if (value === expected) return ok(value);
    return fail(
      `is ${value}, but it must be ENTRADA_URL + ${OAUTH_REDIRECT_ROUTE} = ${expected} (ENTRADA_URL from ${entradaUrlSource})`,
      `remove MS_OAUTH_REDIRECT_URL (it then defaults to ${expected}) or set ENTRADA_URL to the site's address; register the same URL as a Redirect URI of the app in Azure (Authentication)`,
    );
  };
}
