// The web application: Fastify with server-rendered eta pages and no client JavaScript. Sign-in, the profile menu,
// the admin Settings page, the Microsoft Account page, the OAuth redirect route, Scheduled jobs and the sync
// dashboard (routes/).
// Security lives in security/: encrypted session cookies, CSRF on every POST, security headers; logging in logging/.
// Needs APP_KEY (sessions are sealed with a key derived from it); throws ConfigError (config.missing) naming it
// otherwise.
import './fastify-types.js';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import type { DestinationStream } from 'pino';
import { type Config, requireAppKey } from '../config/index.js';
import type { IntegrationDatabase } from '../db/index.js';
import type { ElentraHandle } from '../elentra/index.js';
import { createIdentity, type Identity } from '../microsoft/identity/index.js';
import { createJobRegistry, type JobLogger, type JobRegistry } from '../scheduler/index.js';
import type { EventsRunDeps } from '../sync/events/io/events-run-types.js';
import type { RunDeps } from '../sync/run/run-types.js';
import { LoginThrottle, type ThrottleLimits } from './auth/login-throttle.js';
import { DashboardSync } from './dashboard/dashboard-sync.js';
import { registerErrorPages, sendErrorPage } from './errors/error-pages.js';
import { loggerOptions } from './logging/logger-options.js';
import { registerRequestLog } from './logging/request-log.js';
import { PageRenderer } from './render/page.js';
import { STATIC_DIR, Views } from './render/views.js';
import { registerRoutes } from './routes/index.js';
import { WebJobs } from './scheduler/web-jobs.js';
import { hasValidCsrfToken } from './security/csrf.js';
import { registerSecurityHeaders } from './security/headers.js';
import { SessionCookies } from './security/session.js';
import { deriveSessionKey } from './security/session-crypto.js';
import { registerSessionHook } from './security/session-hook.js';
import { DEFAULT_ORGANISATION_ID, type WebContext, type WebLink } from './web-context.js';

export interface WebServerOptions {
  config: Config;
  /** The integration's database, migrated. */
  database: IntegrationDatabase;
  /** Elentra's database: the settings that drive the profile menu. */
  elentra: ElentraHandle;
  /** Extra links on the home and sign-in pages (the embedded demo's tenant viewer). */
  links?: WebLink[];
  /** Whose settings rows decide the menu (default 1, Elentra's first organisation). */
  organisationId?: number;
  /** Default: createIdentity({ config, database }). */
  identity?: Identity;
  throttle?: Partial<ThrottleLimits>;
  /** `false`: no log; a stream: JSON lines go there (tests scan them for secrets). Default: stdout at LOG_LEVEL. */
  log?: false | DestinationStream;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (login throttling, audit rows). */
  trustProxy?: boolean | string[];
  graphTimeoutMs?: number;
  /** The jobs "Scheduled jobs" lists and "Run now" runs. Default: the built-in jobs without handlers. */
  jobRegistry?: JobRegistry;
  /** The dashboard's Sync now wiring. Default: the production wiring (wire-sync.ts) with this server's identity. */
  wireTeamsSync?: () => Promise<RunDeps>;
  /** Sync now's events part. Default: the production wiring (wire-events-sync.ts, EVENTS_* settings), this identity. */
  wireEventsSync?: () => Promise<EventsRunDeps>;
  now?: () => number;
}

/** Forms here are a few fields; anything larger is not from these pages. */
const BODY_LIMIT_BYTES = 32 * 1024;

export function createWebServer(options: WebServerOptions): FastifyInstance {
  const { config, database, elentra } = options;
  const now = options.now ?? Date.now;
  const https = new URL(config.ENTRADA_URL).protocol === 'https:';
  const sessionKey = deriveSessionKey(requireAppKey(config));
  const app = Fastify({
    logger: options.log === false ? false : loggerOptions(config.LOG_LEVEL, options.log),
    // Fastify's two lines per request are replaced by one of ours (logging/request-log.ts).
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: options.trustProxy ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
  });
  const links = options.links ?? [];
  const organisationId = options.organisationId ?? DEFAULT_ORGANISATION_ID;
  const identity = options.identity ?? createIdentity({ config, database, msalLog: app.log });
  const jobLog: JobLogger = {
    info: (message) => app.log.info(message),
    warn: (message) => app.log.warn(message),
    error: (message) => app.log.error(message),
  };
  const wireTeamsSync =
    options.wireTeamsSync ??
    (async () => {
      const { wireTeamsSync } = await import('../sync/run/wire-sync.js');
      return wireTeamsSync({ config, database, elentra, identity, triggeredBy: 'web' });
    });
  const wireEventsSync =
    options.wireEventsSync ??
    (async () => {
      const { eventOptionsOf, wireEventsSync } = await import('../sync/events/io/wire-events-sync.js');
      const settings = eventOptionsOf(config);
      return wireEventsSync({ config, database, elentra, identity, triggeredBy: 'web', settings });
    });
  const ctx: WebContext = {
    config,
    database,
    elentra,
    identity,
    sessions: new SessionCookies({ key: sessionKey, secure: https, now }),
    pages: new PageRenderer({ views: new Views(), elentra, organisationId, links }),
    throttle: new LoginThrottle(options.throttle),
    jobs: new WebJobs({
      database,
      registry: options.jobRegistry ?? createJobRegistry(),
      siteZone: config.DEFAULT_TIMEZONE,
      clock: now,
      log: jobLog,
    }),
    dashboard: {
      sync: new DashboardSync({
        database,
        wire: wireTeamsSync,
        wireEvents: wireEventsSync,
        siteZone: config.DEFAULT_TIMEZONE,
        clock: now,
        log: jobLog,
      }),
    },
    organisationId,
    links,
    graphTimeoutMs: options.graphTimeoutMs ?? 10_000,
    now,
  };

  app.register(fastifyCookie);
  app.register(fastifyFormbody);
  app.register(fastifyStatic, { root: STATIC_DIR, prefix: '/static/', index: false, list: false });
  registerSecurityHeaders(app, { loginUrl: config.MS_LOGIN_URL, https });
  registerRequestLog(app);
  registerSessionHook(app, ctx);
  app.addHook('preHandler', async (request, reply) => {
    if (request.method === 'POST' && !hasValidCsrfToken(request)) {
      request.log.warn('refused a form post without a valid CSRF token');
      return sendErrorPage(ctx, request, reply, 'csrf');
    }
  });
  registerErrorPages(app, ctx);
  registerRoutes(app, ctx);
  // A job started with "Run now" or "Sync now" is told to stop and recorded before the server (and its database) goes away.
  app.addHook('onClose', async () => {
    await Promise.all([ctx.jobs.close(), ctx.dashboard.sync.close()]);
  });
  return app;
}
