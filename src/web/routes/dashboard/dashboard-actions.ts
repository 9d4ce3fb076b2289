// POST /admin/dashboard/sync and /admin/dashboard/confirm-removals (administrators).
// Sync now: the teams sync then the events sync, for every offering or one course (`course`), started in the
// background under the `microsoft:sync-teams` lease (then `microsoft:sync-events`'s) and audited as `sync.run_now`
// (dashboard/dashboard-sync.ts); `only=events` runs the events sync alone ("Sync events only"). Refused in words, with
// nothing started, while the Microsoft account is not authorized or another run is going.
// Confirm removals: marks the offering's held removals confirmed (`confirmed_at`, `confirmed_by`) together with its
// `sync.removals_confirmed` audit entry, in one transaction; the next run applies them (the mass-removal guard lets
// confirmed removals through). Only the rows the page showed are confirmed — those held no later than `asOf` — so a
// newer run's holds are never confirmed unseen. "Confirm and sync now" also starts a sync of that course at once.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { recordAudit } from '../../../db/index.js';
import type { SyncScope } from '../../dashboard/dashboard-sync.js';
import { CONFIRM_REMOVALS_PATH, DASHBOARD_PATH, offeringHref, SYNC_NOW_PATH } from '../../dashboard/dashboard-view.js';
import { parseForm } from '../../forms.js';
import { requireAdmin } from '../../security/guards.js';
import type { WebContext } from '../../web-context.js';
import { webActor } from '../scheduler/job-actions.js';
import { sendDashboard, sendOfferingPage } from './dashboard-page.js';

const courseId = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/)
  .transform(Number);
const syncForm = z.object({
  course: courseId.optional(),
  from: z.string().max(191).optional(),
  only: z.enum(['events']).optional(),
});
const confirmForm = z.object({
  offering: z.string().min(1).max(191),
  asOf: z
    .string()
    .regex(/^[0-9]{1,15}$/)
    .transform(Number),
  after: z.enum(['sync']).optional(),
});

/** Starts a sync; null when started, else why not in words. */
async function startSync(
  ctx: WebContext,
  request: FastifyRequest,
  course: number | undefined,
  scope: SyncScope = 'teams-and-events',
): Promise<string | null> {
  const summary = await ctx.identity.store.summary();
  if (summary.status !== 'connected') {
    return summary.status === 'needs_reauthorization'
      ? `Nothing was started: the Microsoft authorization needs renewing (${summary.reason ?? 'Microsoft refused it'}). Re-authorize on the Microsoft Account page.`
      : 'Nothing was started: no Microsoft account is authorized yet. Authorize one on the Microsoft Account page.';
  }
  const started = await ctx.dashboard.sync.start(course === undefined ? null : [course], webActor(request), scope);
  return started.kind === 'started'
    ? null
    : `Nothing was started: ${started.reason} Wait for it to finish, then try again.`;
}

function refuse(
  ctx: WebContext,
  request: FastifyRequest,
  reply: FastifyReply,
  from: string | undefined,
  error: string,
) {
  return from === undefined
    ? sendDashboard(ctx, request, reply, { error }, 409)
    : sendOfferingPage(ctx, request, reply, from, { error }, 409);
}

export function registerDashboardActionRoutes(app: FastifyInstance, ctx: WebContext): void {
  const admin = { preHandler: requireAdmin(ctx) };

  app.post(SYNC_NOW_PATH, admin, async (request, reply) => {
    const { course, from, only } = parseForm(syncForm, request.body);
    const refused = await startSync(ctx, request, course, only === 'events' ? 'events' : 'teams-and-events');
    if (refused !== null) return refuse(ctx, request, reply, from, refused);
    return reply.redirect(`${DASHBOARD_PATH}?done=${only === 'events' ? 'events-started' : 'started'}`, 303);
  });

  app.post(CONFIRM_REMOVALS_PATH, admin, async (request, reply) => {
    const { offering, asOf, after } = parseForm(confirmForm, request.body);
    const team = await ctx.database.db
      .selectFrom('ms_teams')
      .select(['course_id'])
      .where('offering_key', '=', offering)
      .executeTakeFirst();
    if (team === undefined) return refuse(ctx, request, reply, undefined, `There is no team for ${offering}.`);
    const who = webActor(request);
    const now = ctx.now();
    const confirmed = await ctx.database.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('held_removals')
        .set({ confirmed_at: now, confirmed_by: who.actor })
        .where('offering_key', '=', offering)
        .where('confirmed_at', 'is', null)
        .where('created_at', '<=', asOf)
        .executeTakeFirst();
      const n = Number(result.numUpdatedRows);
      if (n > 0) {
        const detail = { confirmed: n, heldAsOf: asOf, thenSync: after === 'sync' };
        await recordAudit(trx, { ...who, action: 'sync.removals_confirmed', target: offering, detail }, now);
      }
      return n;
    });
    if (confirmed === 0) return reply.redirect(`${offeringHref(offering)}&done=nothing-to-confirm`, 303);
    if (after !== 'sync') return reply.redirect(`${offeringHref(offering)}&done=confirmed&n=${confirmed}`, 303);
    const refused = await startSync(ctx, request, team.course_id);
    if (refused !== null) {
      const error = `${confirmed} removal(s) confirmed (the next sync applies them). ${refused}`;
      return refuse(ctx, request, reply, offering, error);
    }
    return reply.redirect(`${DASHBOARD_PATH}?done=confirmed-started&n=${confirmed}`, 303);
  });
}
