// Confidential-client authentication at the token endpoint: `client_secret` in the form or HTTP Basic
// (`Authorization: Basic base64(urlencode(client_id):urlencode(secret))`, RFC 6749 §2.3.1). The AADSTS codes are
// Microsoft's: 7000218 missing secret, 7000215 wrong secret (usually the Secret ID pasted instead of the Value),
// 7000222 expired secret — all `invalid_client`, HTTP 401.
import type { EmulatorContext, SeedApp } from '../context.js';
import { findApp } from '../tenant/lookup.js';
import { appNotFound, missingParameter } from './authorize-request.js';
import { type AadError, aadError } from './errors.js';
import type { FormBody } from './form.js';

export type ClientAuth = { ok: true; app: SeedApp } | { ok: false; err: AadError };

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = header?.match(/^basic\s+(.+)$/i);
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
  return { id: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
}

export function authenticateClient(
  ctx: EmulatorContext,
  form: FormBody,
  authorization: string | undefined,
): ClientAuth {
  const basic = basicCredentials(authorization);
  const clientId = form.client_id ?? basic?.id;
  if (!clientId) return { ok: false, err: missingParameter('client_id') };
  const app = findApp(ctx.tenant, clientId);
  if (!app) return { ok: false, err: appNotFound(clientId, ctx.tenant) };
  const secret = form.client_secret ?? basic?.secret;
  if (!secret) {
    return {
      ok: false,
      err: aadError(
        'invalid_client',
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      ),
    };
  }
  const match = app.secrets.find((s) => s.value === secret);
  if (!match) {
    return {
      ok: false,
      err: aadError(
        'invalid_client',
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.`,
      ),
    };
  }
  if (Date.parse(match.expiresAt) <= ctx.now()) {
    return {
      ok: false,
      err: aadError(
        'invalid_client',
        7000222,
        `The provided client secret keys for app '${app.clientId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`,
      ),
    };
  }
  return { ok: true, app };
}
