// Every route of the web app, by area. Add a route: put it in routes/<area>/ and list it here.
import type { FastifyInstance } from 'fastify';
import type { WebContext } from '../web-context.js';
import { registerSignInRoutes } from './auth/sign-in.js';
import { registerSignOutRoute } from './auth/sign-out.js';
import { registerDashboardActionRoutes } from './dashboard/dashboard-actions.js';
import { registerDashboardPageRoutes } from './dashboard/dashboard-page.js';
import { registerHomeRoute } from './home/home.js';
import { registerAccountPageRoute } from './microsoft/account-page.js';
import { registerAuthorizeRoute } from './microsoft/authorize.js';
import { registerDisconnectRoutes } from './microsoft/disconnect.js';
import { registerOAuthRedirectRoute } from './microsoft/oauth-redirect.js';
import { registerTimeZoneRoute } from './microsoft/time-zone.js';
import { registerEditJobRoutes } from './scheduler/edit-job.js';
import { registerJobActionRoutes } from './scheduler/job-actions.js';
import { registerJobsPageRoute } from './scheduler/jobs-page.js';
import { registerSettingsRoutes } from './settings/settings-page.js';
import { registerTroubleshootingRoute } from './troubleshooting/troubleshooting-page.js';

export function registerRoutes(app: FastifyInstance, ctx: WebContext): void {
  registerSignInRoutes(app, ctx);
  registerSignOutRoute(app, ctx);
  registerHomeRoute(app, ctx);
  registerSettingsRoutes(app, ctx);
  registerAccountPageRoute(app, ctx);
  registerAuthorizeRoute(app, ctx);
  registerDisconnectRoutes(app, ctx);
  registerTimeZoneRoute(app, ctx);
  registerOAuthRedirectRoute(app, ctx);
  registerJobsPageRoute(app, ctx);
  registerJobActionRoutes(app, ctx);
  registerEditJobRoutes(app, ctx);
  registerTroubleshootingRoute(app, ctx);
  registerDashboardPageRoutes(app, ctx);
  registerDashboardActionRoutes(app, ctx);
}
