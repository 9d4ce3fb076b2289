// GET /admin/scheduled-jobs/edit?job=NAME, POST /admin/scheduled-jobs/edit and POST /admin/scheduled-jobs/preview
// (administrators): a job's cron expression. Save validates before anything is written (setJob: the change and its
// `schedule.set` audit entry in one transaction); an invalid expression re-renders the form with the message and
// the typed text, and nothing is saved. Preview saves nothing: it re-renders the form with the next five runs in the
// site's zone, or the message. No client JavaScript: Preview is a second submit button with its own formaction.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { UsageError } from '../../../lib/errors.js';
import { CRON_EXAMPLE, type JobListing } from '../../../scheduler/index.js';
import { parseForm } from '../../forms.js';
import { SCHEDULED_JOBS_PATH } from '../../menu/profile-menu.js';
import { jobCard, previewLines } from '../../scheduler/job-views.js';
import { requireAdmin } from '../../security/guards.js';
import type { WebContext } from '../../web-context.js';
import { doneUrl, webActor } from './job-actions.js';
import { sendJobsPage } from './jobs-page.js';

export const EDIT_PATH = `${SCHEDULED_JOBS_PATH}/edit`;
export const PREVIEW_PATH = `${SCHEDULED_JOBS_PATH}/preview`;

const jobName = z.string().trim().min(1).max(191);
const editQuery = z.object({ job: jobName });
// Longer than the column allows, so that the validator (not a 400 page) says what is wrong with a long paste.
const editForm = z.object({ job: jobName, schedule: z.string().max(2_000) });

interface EditFormState {
  schedule: string;
  error: string | null;
  preview: string[] | null;
}

function sendEditForm(
  ctx: WebContext,
  request: FastifyRequest,
  reply: FastifyReply,
  job: JobListing,
  state: EditFormState,
  status = 200,
): Promise<FastifyReply> {
  const zone = ctx.jobs.siteZone;
  return ctx.pages.send(
    request,
    reply,
    'scheduled-job-edit',
    {
      title: `Edit schedule: ${job.name}`,
      basePath: SCHEDULED_JOBS_PATH,
      editPath: EDIT_PATH,
      previewPath: PREVIEW_PATH,
      siteZone: zone,
      job: jobCard(job, zone, ctx.now()),
      scheduleZone: job.zone,
      example: CRON_EXAMPLE,
      ...state,
    },
    status,
  );
}

async function findJob(ctx: WebContext, name: string): Promise<JobListing | undefined> {
  return ctx.jobs.isKnown(name) ? ctx.jobs.job(name) : undefined;
}

/** The list page with the refusal: there is no such job, and nothing was changed. */
function refuseUnknownJob(
  ctx: WebContext,
  request: FastifyRequest,
  reply: FastifyReply,
  name: string,
  status: number,
): Promise<FastifyReply> {
  return sendJobsPage(ctx, request, reply, { error: ctx.jobs.unknownJobMessage(name) }, status);
}

export function registerEditJobRoutes(app: FastifyInstance, ctx: WebContext): void {
  const admin = { preHandler: requireAdmin(ctx) };

  app.get(EDIT_PATH, admin, async (request, reply) => {
    const { job: name } = parseForm(editQuery, request.query);
    const job = await findJob(ctx, name);
    if (job === undefined) return refuseUnknownJob(ctx, request, reply, name, 404);
    return sendEditForm(ctx, request, reply, job, { schedule: job.schedule, error: null, preview: null });
  });

  app.post(EDIT_PATH, admin, async (request, reply) => {
    const input = parseForm(editForm, request.body);
    const job = await findJob(ctx, input.job);
    if (job === undefined) return refuseUnknownJob(ctx, request, reply, input.job, 400);
    try {
      const result = await ctx.jobs.set(job.name, { schedule: input.schedule }, webActor(request));
      return reply.redirect(doneUrl(result.changed ? 'saved' : 'unchanged', job.name), 303);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      const state = { schedule: input.schedule, error: error.publicMessage, preview: null };
      return sendEditForm(ctx, request, reply, job, state, 400);
    }
  });

  app.post(PREVIEW_PATH, admin, async (request, reply) => {
    const input = parseForm(editForm, request.body);
    const job = await findJob(ctx, input.job);
    if (job === undefined) return refuseUnknownJob(ctx, request, reply, input.job, 400);
    const preview = ctx.jobs.preview(input.schedule, job.zone);
    const state: EditFormState = preview.ok
      ? { schedule: input.schedule, error: null, preview: previewLines(preview.runs, ctx.jobs.siteZone, ctx.now()) }
      : { schedule: input.schedule, error: preview.message, preview: null };
    return sendEditForm(ctx, request, reply, job, state, preview.ok ? 200 : 400);
  });
}
