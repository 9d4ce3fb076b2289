// GET /admin/dashboard (administrators): the sync dashboard — the integration's state, one row per course offering
// (team, people in Elentra vs in Teams, not matched, held removals, events, status in words) with Sync now, the live
// progress of a run (the page refreshes itself while one is going) and the run history. GET
// /admin/dashboard/offering?key=… shows one offering in full: the people not matched with the reason, the held
// removals with Confirm removals, the events with their join links, and the link to the team in Teams (the `webUrl`
// the sync saved: no Graph request). Notices come from a fixed list keyed by the query string, so a link cannot put
// words on the page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { readMicrosoftSettings, rosterOptionsOf } from '../../../elentra/index.js';
import { loadDashboard } from '../../dashboard/dashboard-data.js';
import {
  CONFIRM_REMOVALS_PATH,
  DASHBOARD_PATH,
  eventLine,
  heldLine,
  OFFERING_PATH,
  offeringLine,
  pendingHeld,
  personLine,
  runLine,
  SYNC_NOW_PATH,
  TROUBLESHOOTING_FILE,
} from '../../dashboard/dashboard-view.js';
import { integrationState } from '../../dashboard/integration-state.js';
import { liveStatus, REFRESH_SECONDS } from '../../dashboard/live-status.js';
import { sendErrorPage } from '../../errors/error-pages.js';
import { parseForm } from '../../forms.js';
import { MICROSOFT_ACCOUNT_PATH, SCHEDULED_JOBS_PATH } from '../../menu/profile-menu.js';
import { requireAdmin } from '../../security/guards.js';
import type { WebContext } from '../../web-context.js';

export const DONE = ['started', 'events-started', 'confirmed', 'confirmed-started', 'nothing-to-confirm'] as const;
export type Done = (typeof DONE)[number];

export interface Notice {
  readonly text: string;
  readonly tone: 'success' | 'warning';
}

const count = z
  .string()
  .regex(/^[0-9]{1,6}$/)
  .transform(Number);
const dashboardQuery = z.object({ done: z.enum(DONE).optional(), n: count.optional() });
const offeringQuery = dashboardQuery.extend({ key: z.string().min(1).max(191) });

function noticeOf(done: Done | undefined, n: number | undefined): Notice | null {
  switch (done) {
    case undefined:
      return null;
    case 'started':
      return {
        text: 'Sync now started: the teams, then the events, in the background; the progress is shown below.',
        tone: 'success',
      };
    case 'events-started':
      return { text: 'Events sync started: it runs in the background, its progress is shown below.', tone: 'success' };
    case 'confirmed':
      return { text: `${n ?? 0} removal(s) confirmed: the next sync applies them.`, tone: 'success' };
    case 'confirmed-started':
      return {
        text: `${n ?? 0} removal(s) confirmed, and a sync of this course started to apply them.`,
        tone: 'success',
      };
    case 'nothing-to-confirm':
      return {
        text: 'Nothing was confirmed: those removals were already confirmed, or a newer sync changed them. Check the list again.',
        tone: 'warning',
      };
  }
}

export interface PageMessages {
  readonly notice?: Notice | null;
  /** A refused action, in words (a run already going, not authorized …). */
  readonly error?: string | null;
}

async function common(ctx: WebContext) {
  const now = ctx.now();
  const zone = ctx.config.DEFAULT_TIMEZONE;
  const live = await liveStatus(ctx.dashboard.sync, ctx.database, zone, now);
  return { now, zone, live };
}

export async function sendDashboard(
  ctx: WebContext,
  request: FastifyRequest,
  reply: FastifyReply,
  messages: PageMessages,
  status = 200,
): Promise<FastifyReply> {
  const { now, zone, live } = await common(ctx);
  const [settings, summary, jobs, data] = await Promise.all([
    readMicrosoftSettings(ctx.elentra, ctx.organisationId).catch(() => ({
      teamsEnabled: false,
      menuEntryPresent: false,
    })),
    ctx.identity.store.summary(),
    ctx.jobs.list(),
    loadDashboard(ctx.database, ctx.elentra, { now: new Date(now), roster: rosterOptionsOf(ctx.config) }),
  ]);
  const running = live?.active ?? false;
  return ctx.pages.send(
    request,
    reply,
    'dashboard',
    {
      title: 'Sync dashboard',
      refresh: running ? { seconds: REFRESH_SECONDS, url: DASHBOARD_PATH } : undefined,
      siteZone: zone,
      state: integrationState({ settings, summary, jobs, config: ctx.config, now }),
      offerings: data.offerings.map((offering) => offeringLine(offering, zone)),
      runs: data.runs.map((run) => runLine(run, zone, running)),
      rosterError: data.rosterError,
      rosterErrorDocs: data.rosterErrorDocs,
      live,
      notice: messages.notice ?? null,
      error: messages.error ?? null,
      paths: { syncNow: SYNC_NOW_PATH, account: MICROSOFT_ACCOUNT_PATH, jobs: SCHEDULED_JOBS_PATH },
      docsFile: TROUBLESHOOTING_FILE,
    },
    status,
  );
}

export async function sendOfferingPage(
  ctx: WebContext,
  request: FastifyRequest,
  reply: FastifyReply,
  key: string,
  messages: PageMessages,
  status = 200,
): Promise<FastifyReply> {
  const { now, zone, live } = await common(ctx);
  const data = await loadDashboard(ctx.database, ctx.elentra, {
    now: new Date(now),
    offeringKey: key,
    roster: rosterOptionsOf(ctx.config),
  });
  const offering = data.offerings[0];
  if (offering === undefined) return sendErrorPage(ctx, request, reply, 'not-found');
  const line = offeringLine(offering, zone);
  const teamId = offering.team?.teamId ?? null;
  const pending = pendingHeld(offering.held);
  return ctx.pages.send(
    request,
    reply,
    'dashboard-offering',
    {
      title: line.course,
      refresh: live?.active
        ? { seconds: REFRESH_SECONDS, url: `${OFFERING_PATH}?key=${encodeURIComponent(key)}` }
        : undefined,
      siteZone: zone,
      line,
      teamId,
      teamUrl: line.teamUrl,
      unmatched: offering.unmatched.map(personLine),
      held: offering.held.map((row) => heldLine(row, zone)),
      pendingCount: pending.length,
      heldAsOf: pending.reduce((latest, row) => Math.max(latest, row.createdAt), 0),
      events: offering.events.map((row) => eventLine(row, zone)),
      result: offering.result,
      eventsResult: offering.eventsResult,
      rosterError: data.rosterError,
      live,
      notice: messages.notice ?? null,
      error: messages.error ?? null,
      paths: { dashboard: DASHBOARD_PATH, syncNow: SYNC_NOW_PATH, confirm: CONFIRM_REMOVALS_PATH },
      docsFile: TROUBLESHOOTING_FILE,
    },
    status,
  );
}

export function registerDashboardPageRoutes(app: FastifyInstance, ctx: WebContext): void {
  const admin = { preHandler: requireAdmin(ctx) };
  app.get(DASHBOARD_PATH, admin, async (request, reply) => {
    const { done, n } = parseForm(dashboardQuery, request.query);
    return sendDashboard(ctx, request, reply, { notice: noticeOf(done, n) });
  });
  app.get(OFFERING_PATH, admin, async (request, reply) => {
    const { key, done, n } = parseForm(offeringQuery, request.query);
    return sendOfferingPage(ctx, request, reply, key, { notice: noticeOf(done, n) });
  });
}
