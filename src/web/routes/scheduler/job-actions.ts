// POST /admin/scheduled-jobs/active and /admin/scheduled-jobs/run (administrators): switch a job on or off (setJob:
// validated, saved with its `schedule.set` audit entry in one transaction) and "Run now" (claimed under the job's
// lease and audited as `schedule.run_now`, then run in the background; the page says "started", or that a run is
// already in progress). An unknown job is refused with a message and changes nothing.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { UsageError } from '../../../lib/errors.js';
import type { AuditActor } from '../../../scheduler/index.js';
import { parseForm } from '../../forms.js';
import { SCHEDULED_JOBS_PATH } from '../../menu/profile-menu.js';
import { requireAdmin } from '../../security/guards.js';
import type { WebContext } from '../../web-context.js';
import { type Done, sendJobsPage } from './jobs-page.js';

export const ACTIVE_PATH = `${SCHEDULED_JOBS_PATH}/active`;
export const RUN_PATH = `${SCHEDULED_JOBS_PATH}/run`;

const jobName = z.string().trim().min(1).max(191);
const activeForm = z.object({ job: jobName, active: z.enum(['0', '1']) });
const runForm = z.object({ job: jobName });

export function webActor(request: FastifyRequest): AuditActor {
  return { actor: `web:${request.session?.user?.username ?? 'unknown'}`, ip: request.ip };
}

export function doneUrl(done: Done, job: string): string {
  return `${SCHEDULED_JOBS_PATH}?done=${done}&job=${encodeURIComponent(job)}`;
}

export function registerJobActionRoutes(app: FastifyInstance, ctx: WebContext): void {
  const admin = { preHandler: requireAdmin(ctx) };

  app.post(ACTIVE_PATH, admin, async (request, reply) => {
    const { job, active } = parseForm(activeForm, request.body);
    try {
      const result = await ctx.jobs.set(job, { active: active === '1' }, webActor(request));
      const done: Done = !result.changed ? 'unchanged' : result.after.active ? 'switched-on' : 'switched-off';
      return reply.redirect(doneUrl(done, job), 303);
    } catch (error) {
      if (error instanceof UsageError) return sendJobsPage(ctx, request, reply, { error: error.publicMessage }, 400);
      throw error;
    }
  });

  app.post(RUN_PATH, admin, async (request, reply) => {
    const { job } = parseForm(runForm, request.body);
    if (!ctx.jobs.isKnown(job))
      return sendJobsPage(ctx, request, reply, { error: ctx.jobs.unknownJobMessage(job) }, 400);
    const started = await ctx.jobs.start(job, webActor(request));
    return reply.redirect(doneUrl(started.kind === 'started' ? 'started' : 'busy', job), 303);
  });
}
