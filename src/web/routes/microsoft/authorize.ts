// POST /admin/microsoft-account/authorize (administrators; CSRF-checked like every post): starts the authorization
// code flow — a PKCE pair and a `state` bound to this session (src/microsoft/identity) — and sends the browser to
// Microsoft's sign-in. The answer comes back to /api/ms-graph-oauth.php (./oauth-redirect.ts). The authorize URL goes
// only into the Location header: it is never shown or logged.
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../../db/index.js';
import { readMicrosoftSettings } from '../../../elentra/index.js';
import { startAuthorization } from '../../../microsoft/identity/index.js';
import { MICROSOFT_ACCOUNT_PATH } from '../../menu/profile-menu.js';
import { missingConfiguration } from '../../microsoft/account-view.js';
import { requireAdmin } from '../../security/guards.js';
import type { WebContext } from '../../web-context.js';

export function registerAuthorizeRoute(app: FastifyInstance, ctx: WebContext): void {
  app.post(`${MICROSOFT_ACCOUNT_PATH}/authorize`, { preHandler: requireAdmin(ctx) }, async (request, reply) => {
    const session = request.session;
    if (!session?.user) throw new Error('requireAdmin let a request without a user through');
    // Switched off or not configured: the page explains what to do instead.
    const settings = await readMicrosoftSettings(ctx.elentra, ctx.organisationId);
    if (!settings.teamsEnabled || missingConfiguration(ctx) !== null)
      return reply.redirect(MICROSOFT_ACCOUNT_PATH, 303);
    const started = await startAuthorization(ctx.identity, { sessionId: session.id });
    await recordAudit(ctx.database.db, {
      actor: `web:${session.user.username}`,
      action: 'microsoft.authorize_started',
      target: ctx.config.MS_SERVICE_TOKEN_ID,
      ip: request.ip,
    });
    return reply.redirect(started.url, 303);
  });
}
