// `POST /{tenant}/oauth2/v2.0/token` (form-encoded): tenant, grant type and client authentication, then the grant
// (auth-code-grant.ts, refresh-grant.ts). Errors in Microsoft's JSON shape (errors.ts).
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { isKnownTenantSegment } from '../tenant/lookup.js';
import { type GrantResult, redeemAuthorizationCode } from './auth-code-grant.js';
import { missingParameter, type Query, tenantNotFound } from './authorize-request.js';
import { authenticateClient } from './client-auth.js';
import { aadError, sendTokenError } from './errors.js';
import { formBody } from './form.js';
import type { Identity } from './identity.js';
import { redeemRefreshToken } from './refresh-grant.js';

const GRANTS = new Set(['authorization_code', 'refresh_token']);

export function registerTokenRoute(app: FastifyInstance, ctx: EmulatorContext, identity: Identity): void {
  app.post<{ Params: { tenant: string }; Querystring: Query }>('/:tenant/oauth2/v2.0/token', async (req, reply) => {
    const form = formBody(req.body);
    // MSAL sends its correlation id as `client-request-id` (query string or header); Microsoft echoes it back.
    const header = req.headers['client-request-id'];
    const correlationId = req.query['client-request-id'] ?? (typeof header === 'string' ? header : undefined);
    const fail = (err: Parameters<typeof sendTokenError>[1]) => sendTokenError(reply, err, ctx.now(), correlationId);

    if (!isKnownTenantSegment(ctx.tenant, req.params.tenant)) {
      return fail({ ...tenantNotFound(req.params.tenant), error: 'invalid_request' });
    }
    if (!form.grant_type) return fail(missingParameter('grant_type'));
    if (!GRANTS.has(form.grant_type)) {
      return fail(
        aadError('unsupported_grant_type', 70003, `The app requested an unsupported grant type '${form.grant_type}'.`),
      );
    }
    const client = authenticateClient(ctx, form, req.headers.authorization);
    if (!client.ok) return fail(client.err);

    const result: GrantResult =
      form.grant_type === 'authorization_code'
        ? redeemAuthorizationCode(ctx, identity, client.app, form)
        : redeemRefreshToken(ctx, identity, client.app, form);
    if (!result.ok) return fail(result.err);
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('cache-control', 'no-store, no-cache')
      .header('pragma', 'no-cache')
      .send(result.body);
  });
}
