// POST /admin/microsoft-account/time-zone (administrators): stores the Outlook Time Zone (`service_tokens.
// outlook_time_zone`, a Windows zone name) that the sync writes events in. Only a zone the dropdown could offer is
// accepted; the change is audited with the previous value.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { recordAudit } from '../../../db/index.js';
import { FormError, parseForm } from '../../forms.js';
import { MICROSOFT_ACCOUNT_PATH } from '../../menu/profile-menu.js';
import { isOfferedZone } from '../../microsoft/outlook-time-zone.js';
import { requireAdmin } from '../../security/guards.js';
import type { WebContext } from '../../web-context.js';

const form = z.object({ zone: z.string().trim().min(1).max(128) });

export function registerTimeZoneRoute(app: FastifyInstance, ctx: WebContext): void {
  app.post(`${MICROSOFT_ACCOUNT_PATH}/time-zone`, { preHandler: requireAdmin(ctx) }, async (request, reply) => {
    const { zone } = parseForm(form, request.body);
    const before = await ctx.identity.store.summary();
    if (!(await isOfferedZone(ctx, zone, before.status === 'connected', request.log))) {
      throw new FormError('Not a time zone the page offers');
    }
    await ctx.identity.store.setOutlookTimeZone(zone);
    await recordAudit(ctx.database.db, {
      actor: `web:${request.session?.user?.username ?? 'unknown'}`,
      action: 'microsoft.time_zone_set',
      target: ctx.config.MS_SERVICE_TOKEN_ID,
      detail: { previous: before.outlookTimeZone, value: zone },
      ip: request.ip,
    });
    return reply.redirect(`${MICROSOFT_ACCOUNT_PATH}?saved=time-zone`, 303);
  });
}
