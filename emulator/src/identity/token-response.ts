// The token endpoint's success body (GRAPH-FACTS §1): token_type Bearer, scope (short Graph names; `openid profile
// email` only when openid was requested — Microsoft adds `email` to it), expires_in / ext_expires_in, access_token,
// refresh_token only with offline_access, id_token only with openid, client_info only when asked (`client_info=1`,
// which MSAL always sends). offline_access itself never appears in `scope`, as at Microsoft.
import type { EmulatorContext, SeedApp, SeedUser } from '../context.js';
import { isOidcScope } from '../tenant/scopes.js';
import { clientInfo, idTokenClaims } from './claims.js';
import type { Identity } from './identity.js';
import { signJwt } from './jwt.js';

export interface TokenResponseInput {
  user: SeedUser;
  app: SeedApp;
  /** Granted scopes, Graph and OIDC. */
  scopes: string[];
  nonce: string | undefined;
  withClientInfo: boolean;
}

export function responseScope(scopes: string[]): string {
  const graph = scopes.filter((s) => !isOidcScope(s));
  const oidc = scopes.includes('openid')
    ? ['openid', ...(scopes.includes('profile') ? ['profile'] : []), 'email']
    : scopes.filter((s) => s === 'profile' || s === 'email');
  return [...graph, ...oidc].join(' ');
}

export function tokenResponse(ctx: EmulatorContext, identity: Identity, input: TokenResponseInput) {
  const graphScopes = input.scopes.filter((s) => !isOidcScope(s));
  const lifetime = ctx.options.tokenLifetimeSeconds;
  const accessToken = identity.tokens.mintAccessToken({
    userId: input.user.id,
    clientId: input.app.clientId,
    scopes: graphScopes,
  });
  const body: Record<string, string | number> = {
    token_type: 'Bearer',
    scope: responseScope(input.scopes),
    expires_in: lifetime,
    ext_expires_in: lifetime,
    access_token: accessToken,
  };
  if (input.scopes.includes('offline_access')) {
    body.refresh_token = identity.tokens.issueRefreshToken(input.user.id, input.app.clientId, input.scopes);
  }
  if (input.scopes.includes('openid')) {
    const claims = idTokenClaims({
      baseUrl: ctx.options.baseUrl,
      tenantId: ctx.tenant.tenantId,
      clientId: input.app.clientId,
      user: input.user,
      nonce: input.nonce,
      withEmail: input.scopes.includes('email') || input.scopes.includes('profile'),
      nowMs: ctx.now(),
    });
    body.id_token = signJwt(identity.key, claims);
  }
  if (input.withClientInfo) body.client_info = clientInfo(input.user.id, ctx.tenant.tenantId);
  return body;
}
