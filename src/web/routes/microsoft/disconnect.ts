// GET /admin/microsoft-account/disconnect asks for confirmation (no JavaScript confirm dialogs here); POST forgets the
// service token (src/microsoft/identity/disconnect.ts), audits it, and goes back to the Microsoft Account page.
// Microsoft keeps its record of the consent; the page says where to remove that.
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../../db/index.js';
import { disconnectMicrosoftAccount } from '../../../microsoft/identity/index.js';
import { MICROSOFT_ACCOUNT_PATH } from '../../menu/profile-menu.js';
import { requireAdmin } from '../../security/guards.js';
import type { WebContext } from '../../web-context.js';

export const DISCONNECT_PATH = `${MICROSOFT_ACCOUNT_PATH}/disconnect`;

export function registerDisconnectRoutes(app: FastifyInstance, ctx: WebContext): void {
  const admin = { preHandler: requireAdmin(ctx) };

  app.get(DISCONNECT_PATH, admin, async (request, reply) => {
    const summary = await ctx.identity.store.summary();
    return ctx.pages.send(request, reply, 'microsoft-disconnect', {
      title: 'Disconnect the Microsoft account',
      account: summary.account?.username ?? null,
      status: summary.status,
      basePath: MICROSOFT_ACCOUNT_PATH,
      actionPath: DISCONNECT_PATH,
    });
  });

  app.post(DISCONNECT_PATH, admin, async (request, reply) => {
    const before = await ctx.identity.store.summary();
    const removed = await disconnectMicrosoftAccount(ctx.identity);
    await recordAudit(ctx.database.db, {
      actor: `web:${request.session?.user?.username ?? 'unknown'}`,
      action: 'microsoft.disconnect',
      target: ctx.config.MS_SERVICE_TOKEN_ID,
      detail: { removed, account: before.account?.username ?? null },
      ip: request.ip,
    });
    return reply.redirect(`${MICROSOFT_ACCOUNT_PATH}?disconnected=${removed ? '1' : '0'}`, 303);
  });
}
