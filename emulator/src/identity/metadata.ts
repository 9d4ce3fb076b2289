// OpenID Connect discovery (`/{tenant}/v2.0/.well-known/openid-configuration`), the signing keys
// (`/{tenant}/discovery/v2.0/keys`) and sign-out. Field names and values follow Microsoft's v2.0 document; every URL
// points at the emulator. As at Microsoft, the `organizations` / `common` documents keep the `{tenant}` segment in
// their endpoints and the literal `{tenantid}` in the issuer. The product passes this JSON to MSAL as
// `authorityMetadata` (with `instanceDiscovery: false`), so MSAL never fetches it over the network.
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { html, page } from '../html.js';
import { isKnownTenantSegment, isMultiTenantSegment } from '../tenant/lookup.js';
import { tenantNotFound } from './authorize-request.js';
import { issuerFor } from './claims.js';
import { sendTokenError } from './errors.js';
import type { Identity } from './identity.js';

export function openIdConfiguration(ctx: EmulatorContext, segment: string) {
  const base = ctx.options.baseUrl;
  const multi = isMultiTenantSegment(segment);
  const tenantPath = multi ? segment.toLowerCase() : ctx.tenant.tenantId;
  const root = `${base}/${tenantPath}`;
  return {
    token_endpoint: `${root}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${root}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: multi ? issuerFor(base, '{tenantid}') : issuerFor(base, ctx.tenant.tenantId),
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${base}/oidc/userinfo`,
    authorization_endpoint: `${root}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${root}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${root}/oauth2/v2.0/logout`,
    claims_supported: [
      'sub',
      'iss',
      'aud',
      'exp',
      'iat',
      'auth_time',
      'acr',
      'nonce',
      'preferred_username',
      'name',
      'tid',
      'ver',
      'at_hash',
      'c_hash',
      'email',
    ],
    kerberos_endpoint: `${root}/kerberos`,
    tenant_region_scope: 'NA',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: new URL(base).host,
    rbac_url: 'https://pas.windows.net',
  };
}

export function registerMetadataRoutes(app: FastifyInstance, ctx: EmulatorContext, identity: Identity): void {
  app.get<{ Params: { tenant: string } }>('/:tenant/v2.0/.well-known/openid-configuration', async (req, reply) => {
    if (!isKnownTenantSegment(ctx.tenant, req.params.tenant)) {
      return sendTokenError(reply, tenantNotFound(req.params.tenant), ctx.now());
    }
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .send(openIdConfiguration(ctx, req.params.tenant));
  });

  app.get<{ Params: { tenant: string } }>('/:tenant/discovery/v2.0/keys', async (req, reply) => {
    if (!isKnownTenantSegment(ctx.tenant, req.params.tenant)) {
      return sendTokenError(reply, tenantNotFound(req.params.tenant), ctx.now());
    }
    return reply.send({
      keys: [{ ...identity.key.publicJwk, issuer: issuerFor(ctx.options.baseUrl, ctx.tenant.tenantId) }],
    });
  });

  // Sign-out: there is no browser session to end; go back to the app when the URI is one of its registered ones.
  app.get<{ Params: { tenant: string }; Querystring: Record<string, string | undefined> }>(
    '/:tenant/oauth2/v2.0/logout',
    async (req, reply) => {
      const target = req.query.post_logout_redirect_uri;
      if (target && ctx.tenant.apps.some((a) => a.redirectUris.includes(target))) return reply.redirect(target, 302);
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .send(
          page(
            'Sign out',
            html`<h1>You signed out of your account</h1><p>It's a good idea to close all browser windows.</p>`,
          ),
        );
    },
  );
}
