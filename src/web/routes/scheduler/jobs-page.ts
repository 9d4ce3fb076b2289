// GET /admin/scheduled-jobs (administrators): the `cron` table's jobs — schedule, on or off, next run and last run in
// the site's zone — with Switch on/off, Edit schedule and Run now, and the latest runs (`cron_runs`). The page's
// notices come from a fixed list keyed by the query string, so a link cannot put words on it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseForm } from '../../forms.js';
import { SCHEDULED_JOBS_PATH } from '../../menu/profile-menu.js';
import { historyLine, jobCard } from '../../scheduler/job-views.js';
import { HISTORY_LENGTH } from '../../scheduler/web-jobs.js';
import { requireAdmin } from '../../security/guards.js';
import type { WebContext } from '../../web-context.js';

export const DONE = ['switched-on', 'switched-off', 'unchanged', 'saved', 'started', 'busy'] as const;
export type Done = (typeof DONE)[number];

const query = z.object({ done: z.enum(DONE).optional(), job: z.string().max(191).optional() });

function noticeText(done: Done, job: string): { text: string; tone: 'success' | 'warning' } {
  switch (done) {
    case 'switched-on':
      return { text: `${job} is switched on: it runs at its next due time (not at once).`, tone: 'success' };
    case 'switched-off':
      return { text: `${job} is switched off: it no longer runs on its schedule.`, tone: 'success' };
    case 'unchanged':
      return { text: `Nothing changed: ${job} already had these settings.`, tone: 'success' };
    case 'saved':
      return { text: `The schedule of ${job} was saved. Its next run is counted from now.`, tone: 'success' };
    case 'started':
      return {
        text: `${job} was started. It runs in the background: reload this page to see how it went.`,
        tone: 'success',
      };
    case 'busy':
      return {
        text: `${job} is already running, so it was not started again. Wait for that run to finish, then try again.`,
        tone: 'warning',
      };
  }
}

export interface JobsPageMessages {
  notice?: { text: string; tone: 'success' | 'warning' } | null;
  /** A refused form, in words (unknown job …). */
  error?: string | null;
}

export async function sendJobsPage(
  ctx: WebContext,
  request: FastifyRequest,
  reply: FastifyReply,
  messages: JobsPageMessages,
  status = 200,
): Promise<FastifyReply> {
  const now = ctx.now();
  const zone = ctx.jobs.siteZone;
  const [jobs, runs] = await Promise.all([ctx.jobs.list(), ctx.jobs.history()]);
  return ctx.pages.send(
    request,
    reply,
    'scheduled-jobs',
    {
      title: 'Scheduled jobs',
      basePath: SCHEDULED_JOBS_PATH,
      siteZone: zone,
      jobs: jobs.map((job) => jobCard(job, zone, now)),
      runs: runs.map((run) => historyLine(run, zone)),
      historyLength: HISTORY_LENGTH,
      notice: messages.notice ?? null,
      error: messages.error ?? null,
    },
    status,
  );
}

export function registerJobsPageRoute(app: FastifyInstance, ctx: WebContext): void {
  app.get(SCHEDULED_JOBS_PATH, { preHandler: requireAdmin(ctx) }, async (request, reply) => {
    const { done, job } = parseForm(query, request.query);
    const notice = done !== undefined && job !== undefined && ctx.jobs.isKnown(job) ? noticeText(done, job) : null;
    return sendJobsPage(ctx, request, reply, { notice });
  });
}
