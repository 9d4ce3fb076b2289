// The control API's base (`/_emulator/…`, JSON): reset, the tenant, tokens, app secrets and admin consent. Graph's
// part (state, requests, faults, limits, latency) is in ../graph/control.ts; the tenant viewer in viewer.ts.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { EmulatorContext, TenantSeed } from '../context.js';
import { publicTenant } from '../context.js';
import { parseTenantSeed } from '../tenant/load-seed.js';
import { findApp, findUser } from '../tenant/lookup.js';
import { canonicalScope, isGraphScope } from '../tenant/scopes.js';
import { controlError, parseBody } from './reply.js';
import { resetEmulator } from './reset.js';

const revokeBody = z.object({ userId: z.string().optional() }).strict();
const mintBody = z
  .object({
    userId: z.string(),
    clientId: z.string().optional(),
    scopes: z.array(z.string()),
    lifetimeSeconds: z.number().int().positive().optional(),
  })
  .strict();
const addSecretBody = z
  .object({
    id: z.string().optional(),
    value: z.string().min(1).optional(),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
const consentBody = z
  .object({ clientId: z.string(), grant: z.array(z.string()).optional(), revoke: z.array(z.string()).optional() })
  .strict();

export function registerControlRoutes(app: FastifyInstance, ctx: EmulatorContext, initialSeed: TenantSeed): void {
  app.get('/_emulator/tenant', async () => publicTenant(ctx.tenant));

  // Body: a tenant seed, or nothing / `{}` for the seed the emulator was started with.
  app.post('/_emulator/reset', async (req, reply) => {
    const empty =
      req.body === undefined ||
      req.body === null ||
      (typeof req.body === 'object' && Object.keys(req.body).length === 0);
    let seed = initialSeed;
    if (!empty) {
      const parsed = parseTenantSeed(req.body);
      if (!parsed.ok) return controlError(reply, 400, 'InvalidSeed', 'The tenant seed is not valid.', parsed.errors);
      seed = parsed.seed;
    }
    resetEmulator(ctx, seed);
    return { reset: true, tenantId: ctx.tenant.tenantId, domain: ctx.tenant.domain };
  });

  app.post('/_emulator/tokens/revoke', async (req, reply) => {
    const body = parseBody(revokeBody, req.body);
    if (!body.ok) return controlError(reply, 400, 'BadRequest', 'Invalid body.', body.details);
    const user = body.value.userId === undefined ? undefined : findUser(ctx.tenant, body.value.userId);
    if (body.value.userId !== undefined && !user)
      return controlError(reply, 404, 'NotFound', `No user '${body.value.userId}'.`);
    return { revoked: ctx.tokens.revoke(user?.id) };
  });

  app.post('/_emulator/tokens/expire', async () => ({ expired: ctx.tokens.expireAccessTokens() }));

  // Test helper, no Microsoft counterpart: an access token without the OAuth dance.
  app.post('/_emulator/tokens', async (req, reply) => {
    const body = parseBody(mintBody, req.body);
    if (!body.ok) return controlError(reply, 400, 'BadRequest', 'Invalid body.', body.details);
    const user = findUser(ctx.tenant, body.value.userId);
    if (!user) return controlError(reply, 404, 'NotFound', `No user '${body.value.userId}'.`);
    const clientId = body.value.clientId ?? ctx.tenant.apps[0]?.clientId ?? randomUUID();
    const scopes = body.value.scopes.map((s) => canonicalScope(s) ?? s);
    const lifetimeSeconds = body.value.lifetimeSeconds ?? ctx.options.tokenLifetimeSeconds;
    const token = ctx.tokens.mintAccessToken({ userId: user.id, clientId, scopes, lifetimeSeconds });
    return { token_type: 'Bearer', access_token: token, expires_in: lifetimeSeconds, scope: scopes.join(' ') };
  });

  app.post<{ Params: { clientId: string } }>('/_emulator/apps/:clientId/secrets', async (req, reply) => {
    const registered = findApp(ctx.tenant, req.params.clientId);
    if (!registered) return controlError(reply, 404, 'NotFound', `No app '${req.params.clientId}'.`);
    const body = parseBody(addSecretBody, req.body);
    if (!body.ok) return controlError(reply, 400, 'BadRequest', 'Invalid body.', body.details);
    const secret = {
      id: body.value.id ?? randomUUID(),
      value: body.value.value ?? `emu~${randomUUID().replace(/-/g, '')}`,
      // Azure's default for a new secret: 180 days.
      expiresAt: body.value.expiresAt ?? new Date(ctx.now() + 180 * 86_400_000).toISOString(),
    };
    registered.secrets.push(secret);
    return reply.status(201).send(secret);
  });

  app.post<{ Params: { clientId: string; secretId: string } }>(
    '/_emulator/apps/:clientId/secrets/:secretId/expire',
    async (req, reply) => {
      const secret = findApp(ctx.tenant, req.params.clientId)?.secrets.find((s) => s.id === req.params.secretId);
      if (!secret)
        return controlError(
          reply,
          404,
          'NotFound',
          `No secret '${req.params.secretId}' on app '${req.params.clientId}'.`,
        );
      secret.expiresAt = new Date(ctx.now() - 1000).toISOString();
      return { id: secret.id, expiresAt: secret.expiresAt };
    },
  );

  app.post('/_emulator/consent', async (req, reply) => {
    const body = parseBody(consentBody, req.body);
    if (!body.ok) return controlError(reply, 400, 'BadRequest', 'Invalid body.', body.details);
    const registered = findApp(ctx.tenant, body.value.clientId);
    if (!registered) return controlError(reply, 404, 'NotFound', `No app '${body.value.clientId}'.`);
    const canon = (list: string[] | undefined) => (list ?? []).map((s) => canonicalScope(s) ?? s);
    const grant = canon(body.value.grant);
    const revoke = canon(body.value.revoke);
    const unknown = [...grant, ...revoke].filter((s) => !isGraphScope(s));
    if (unknown.length > 0)
      return controlError(reply, 400, 'BadRequest', `Unknown Graph scopes: ${unknown.join(', ')}.`);
    const next = new Set(registered.adminConsentedScopes);
    for (const s of grant) next.add(s);
    for (const s of revoke) next.delete(s);
    registered.adminConsentedScopes = [...next];
    return { clientId: registered.clientId, adminConsentedScopes: registered.adminConsentedScopes };
  });
}
