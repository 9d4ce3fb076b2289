// The claims of the tokens the identity platform issues, shaped like Microsoft's:
// - id token (v2.0): iss `{base}/{tid}/v2.0` (the metadata's issuer), aud = client id, oid, sub (pairwise per app),
//   tid, preferred_username, name, nonce, iat/nbf/exp — what MSAL reads to build its account cache entry;
// - Graph access token (v1.0, as Graph's always are): aud `https://graph.microsoft.com`, iss `https://sts.windows.net/
//   {tid}/`, scp (space-separated), oid, upn, appid, app_displayname. Clients must treat it as opaque; Graph here
//   checks it against the token store, never by decoding.
// - client_info: base64url JSON `{uid, utid}`, which MSAL asks for with `client_info=1` to key its cache.
import { createHash, randomUUID } from 'node:crypto';
import type { SeedUser } from '../context.js';
import { base64url, type JwtClaims } from './jwt.js';

const ID_TOKEN_LIFETIME_SECONDS = 3600;

export function issuerFor(baseUrl: string, tenantId: string): string {
  return `${baseUrl}/${tenantId}/v2.0`;
}

export function idTokenClaims(input: {
  baseUrl: string;
  tenantId: string;
  clientId: string;
  user: SeedUser;
  nonce: string | undefined;
  withEmail: boolean;
  nowMs: number;
}): JwtClaims {
  const iat = Math.floor(input.nowMs / 1000);
  return {
    ver: '2.0',
    iss: issuerFor(input.baseUrl, input.tenantId),
    sub: pairwiseSubject(input.user.id, input.clientId),
    aud: input.clientId,
    exp: iat + ID_TOKEN_LIFETIME_SECONDS,
    iat,
    nbf: iat,
    name: input.user.displayName,
    preferred_username: input.user.userPrincipalName,
    oid: input.user.id,
    email: input.withEmail ? (input.user.mail ?? undefined) : undefined,
    tid: input.tenantId,
    nonce: input.nonce,
    uti: base64url(randomUUID()).slice(0, 22),
  };
}

export function accessTokenClaims(input: {
  tenantId: string;
  clientId: string;
  appDisplayName: string;
  user: SeedUser;
  scopes: string[];
  issuedAtMs: number;
  expiresAtMs: number;
}): JwtClaims {
  const iat = Math.floor(input.issuedAtMs / 1000);
  return {
    aud: 'https://graph.microsoft.com',
    iss: `https://sts.windows.net/${input.tenantId}/`,
    iat,
    nbf: iat,
    exp: Math.floor(input.expiresAtMs / 1000),
    app_displayname: input.appDisplayName,
    appid: input.clientId,
    idtyp: 'user',
    name: input.user.displayName,
    oid: input.user.id,
    scp: input.scopes.join(' '),
    sub: pairwiseSubject(input.user.id, input.clientId),
    tid: input.tenantId,
    unique_name: input.user.userPrincipalName,
    upn: input.user.userPrincipalName,
    uti: base64url(randomUUID()).slice(0, 22),
    ver: '1.0',
  };
}

export function clientInfo(userId: string, tenantId: string): string {
  return base64url(JSON.stringify({ uid: userId, utid: tenantId }));
}

/** Microsoft's `sub` differs per app for the same user (pairwise); the `oid` is the stable id. */
function pairwiseSubject(userId: string, clientId: string): string {
  return base64url(createHash('sha256').update(`${userId}|${clientId}`).digest()).slice(0, 43);
}
