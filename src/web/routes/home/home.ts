// GET / — the overview after sign-in: whether the integration is switched on, whether the Microsoft account is
// authorized (in words, from the token store: no token material), and where to go next (administrators: the sync
// dashboard). Staff see what their access covers. Signed out → the sign-in page.
import type { FastifyInstance } from 'fastify';
import { readMicrosoftSettings } from '../../../elentra/index.js';
import { DASHBOARD_PATH, MICROSOFT_ACCOUNT_PATH, SETTINGS_PATH } from '../../menu/profile-menu.js';
import { tokenStatusView } from '../../microsoft/token-status.js';
import { requireSignedIn } from '../../security/guards.js';
import type { WebContext } from '../../web-context.js';

export function registerHomeRoute(app: FastifyInstance, ctx: WebContext): void {
  app.get('/', { preHandler: requireSignedIn(ctx) }, async (request, reply) => {
    const isAdmin = request.session?.user?.role === 'admin';
    const settings = await readMicrosoftSettings(ctx.elentra, ctx.organisationId);
    const token = isAdmin ? tokenStatusView(await ctx.identity.store.summary(), ctx.config, ctx.now()) : null;
    return ctx.pages.send(request, reply, 'home', {
      title: 'Overview',
      isAdmin,
      teamsEnabled: settings.teamsEnabled,
      menuEntryPresent: settings.menuEntryPresent,
      token,
      siteUrl: ctx.config.ENTRADA_URL,
      accountPath: MICROSOFT_ACCOUNT_PATH,
      settingsPath: SETTINGS_PATH,
      dashboardPath: DASHBOARD_PATH,
    });
  });

  // For load balancers and `start`'s readiness check: no session, no database.
  app.get('/healthz', async () => ({ status: 'ok' }));
}
