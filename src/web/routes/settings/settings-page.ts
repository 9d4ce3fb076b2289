// GET/POST /admin/settings (administrators): the guide's two Elentra settings as two checkboxes — the integration
// switch (`microsoft_teams_enabled`) and the profile-menu entry (`microsoft` in `user_menu_ordering`). The form can
// only switch them; it never takes free text into the settings table. Each change is audited like `settings:set`.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { recordAudit } from '../../../db/index.js';
import { parseForm } from '../../forms.js';
import { SETTINGS_PATH } from '../../menu/profile-menu.js';
import { requireAdmin } from '../../security/guards.js';
import { describeScope, readSiteSettings, writeSiteSettings } from '../../settings/site-settings.js';
import type { WebContext } from '../../web-context.js';

// An unchecked checkbox is simply absent from the form.
const checkbox = z.literal('1').optional();
const form = z.object({ teamsEnabled: checkbox, menuEntry: checkbox });
const query = z.object({ saved: z.enum(['changed', 'unchanged']).optional() });

const NOTICES = {
  changed: 'The settings were saved.',
  unchanged: 'Nothing changed: the settings already had these values.',
} as const;

export function registerSettingsRoutes(app: FastifyInstance, ctx: WebContext): void {
  const admin = { preHandler: requireAdmin(ctx) };

  app.get(SETTINGS_PATH, admin, async (request, reply) => {
    const { saved } = parseForm(query, request.query);
    const settings = await readSiteSettings(ctx.elentra, ctx.organisationId);
    return ctx.pages.send(request, reply, 'settings', {
      title: 'Settings',
      settings,
      enabledScope: describeScope(settings.enabled.scope),
      menuScope: describeScope(settings.menu.scope),
      organisationId: ctx.organisationId,
      notice: saved ? NOTICES[saved] : null,
    });
  });

  app.post(SETTINGS_PATH, admin, async (request, reply) => {
    const input = parseForm(form, request.body);
    const changes = await writeSiteSettings(ctx.elentra, ctx.organisationId, {
      teamsEnabled: input.teamsEnabled === '1',
      menuEntry: input.menuEntry === '1',
    });
    const actor = `web:${request.session?.user?.username ?? 'unknown'}`;
    for (const change of changes) {
      await recordAudit(ctx.database.db, {
        actor,
        action: 'settings.set',
        target: `${change.name}@${change.scope}`,
        detail: { previous: change.previous, value: change.value },
        ip: request.ip,
      });
    }
    return reply.redirect(`${SETTINGS_PATH}?saved=${changes.length > 0 ? 'changed' : 'unchanged'}`, 303);
  });
}
