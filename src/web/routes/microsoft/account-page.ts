// GET /admin/microsoft-account (administrators): the guide's Microsoft Account page — the OAuth Token field with
// Authorize Account / Re-authorize and Disconnect, and the Outlook Time Zone dropdown. When the integration is
// switched off it explains how to switch it on; when the Microsoft app is not configured it says what to set.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseForm } from '../../forms.js';
import { MICROSOFT_ACCOUNT_PATH, SETTINGS_PATH } from '../../menu/profile-menu.js';
import { buildAccountPage } from '../../microsoft/account-view.js';
import { requireAdmin } from '../../security/guards.js';
import type { WebContext } from '../../web-context.js';

const query = z.object({
  connected: z.literal('1').optional(),
  disconnected: z.enum(['1', '0']).optional(),
  saved: z.literal('time-zone').optional(),
});

export function registerAccountPageRoute(app: FastifyInstance, ctx: WebContext): void {
  app.get(MICROSOFT_ACCOUNT_PATH, { preHandler: requireAdmin(ctx) }, async (request, reply) => {
    const flags = parseForm(query, request.query);
    const page = await buildAccountPage(ctx, request.log);
    const notices: string[] = [];
    if (page.kind === 'ready') {
      if (flags.connected && page.token.account) notices.push(`Connected as ${page.token.account}.`);
      if (flags.saved && page.storedZone) notices.push(`Outlook Time Zone saved: ${page.storedZone}.`);
    }
    if (flags.disconnected === '1') notices.push('The Microsoft account was disconnected; its tokens were deleted.');
    if (flags.disconnected === '0') notices.push('There was no Microsoft authorization to disconnect.');
    return ctx.pages.send(request, reply, 'microsoft-account', {
      title: 'Microsoft Account',
      page,
      notices,
      settingsPath: SETTINGS_PATH,
      basePath: MICROSOFT_ACCOUNT_PATH,
    });
  });
}
