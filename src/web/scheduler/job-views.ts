// What the "Scheduled jobs" pages show, in words: each job's state, next run and last run, and the run history,
// with every time in the site's zone (DEFAULT_TIMEZONE) and its short name. Pure: the views only print these.
import { z } from 'zod';
import { formatDuration, type JobListing } from '../../scheduler/index.js';
import { describeInstant, formatInstant } from '../render/format.js';
import type { RunHistoryRow } from './web-jobs.js';

export interface StatusBadge {
  /** `ok`, `warning`, `error`, `running` or `muted`: the CSS modifier. */
  readonly tone: string;
  readonly label: string;
}

export interface JobCard {
  readonly name: string;
  readonly description: string | null;
  readonly schedule: string;
  /** The zone the schedule is read in, when it is not the site's own. */
  readonly ownZone: string | null;
  readonly active: boolean;
  readonly nextRun: string;
  readonly lastRun: StatusBadge;
  readonly lastRunDetail: string | null;
  readonly lastError: string | null;
  readonly problem: string | null;
}

export interface HistoryLine {
  readonly jobName: string;
  readonly trigger: string;
  readonly started: string;
  readonly duration: string;
  readonly status: StatusBadge;
  readonly error: string | null;
  readonly host: string;
}

const STATUS_LABELS: Readonly<Record<string, string>> = {
  ok: 'OK',
  warning: 'Warning',
  error: 'Error',
  running: 'Running',
};

function badge(status: string | null): StatusBadge {
  if (status === null) return { tone: 'muted', label: 'Never run' };
  return { tone: status in STATUS_LABELS ? status : 'muted', label: STATUS_LABELS[status] ?? status };
}

function nextRunText(job: JobListing, zone: string, now: number): string {
  if (job.problem !== null) return 'Never: the schedule is not valid.';
  if (!job.active) return 'Off: it runs only when started with Run now.';
  if (job.nextRunAt === null) return 'Never.';
  const when = describeInstant(job.nextRunAt, zone, now) ?? '';
  return job.dueNow ? `Due now (its time was ${when}): the next check runs it.` : when;
}

function lastRun(job: JobListing, zone: string, now: number): Pick<JobCard, 'lastRun' | 'lastRunDetail'> {
  if (job.lease !== null && !job.lease.expired) {
    return {
      lastRun: badge('running'),
      lastRunDetail: `Running on ${job.lease.owner} since ${since(job, zone, now)}.`,
    };
  }
  if (job.lease?.expired) {
    const detail = 'Its holder stopped renewing the lease (killed or crashed); the next run takes the job over.';
    return { lastRun: { tone: 'warning', label: 'Abandoned?' }, lastRunDetail: detail };
  }
  if (job.lastStartedAt === null) return { lastRun: badge(job.lastStatus), lastRunDetail: null };
  const took = job.lastDurationMs === null ? '' : `, took ${formatDuration(job.lastDurationMs)}`;
  return {
    lastRun: badge(job.lastStatus),
    lastRunDetail: `Started ${describeInstant(job.lastStartedAt, zone, now) ?? ''}${took}.`,
  };
}

function since(job: JobListing, zone: string, now: number): string {
  return job.lastStartedAt === null ? 'a moment ago' : (describeInstant(job.lastStartedAt, zone, now) ?? '');
}

export function jobCard(job: JobListing, siteZone: string, now: number): JobCard {
  return {
    name: job.name,
    description: job.description,
    schedule: job.schedule,
    ownZone: job.zone === siteZone ? null : job.zone,
    active: job.active,
    nextRun: nextRunText(job, siteZone, now),
    ...lastRun(job, siteZone, now),
    lastError: job.lastStatus === 'running' ? null : job.lastError,
    problem: job.problem,
  };
}

const summarySchema = z.object({
  trigger: z.enum(['schedule', 'manual']).optional(),
  requestedBy: z.string().optional(),
});

function triggerText(summary: string | null): string {
  if (summary === null) return '—';
  let parsed: unknown;
  try {
    parsed = JSON.parse(summary);
  } catch {
    return '—';
  }
  const result = summarySchema.safeParse(parsed);
  if (!result.success || result.data.trigger === undefined) return '—';
  if (result.data.trigger === 'schedule') return 'Scheduled';
  const who = result.data.requestedBy;
  return who === undefined ? 'Run now' : `Run now (${who})`;
}

export function historyLine(run: RunHistoryRow, siteZone: string): HistoryLine {
  return {
    jobName: run.jobName,
    trigger: run.status === 'running' ? 'In progress' : triggerText(run.summary),
    started: formatInstant(run.startedAt, siteZone),
    duration: run.finishedAt === null ? '—' : formatDuration(Math.max(0, run.finishedAt - run.startedAt)),
    status: badge(run.status),
    error: run.error,
    host: run.host,
  };
}

/** The five preview times, in the site's zone. */
export function previewLines(runs: readonly number[], siteZone: string, now: number): string[] {
  return runs.map((run) => describeInstant(run, siteZone, now) ?? '');
}
