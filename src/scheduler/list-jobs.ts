// What `schedule:list` and the "Scheduled jobs" page show: each job's schedule, whether it is on, when it runs next,
// and how its last run went; and the "next five runs" preview of an expression being edited.
import { validateCronExpression } from './cron-expression.js';
import { readCronRows } from './cron-rows.js';
import { evaluateRow, zoneOf } from './due-decision.js';
import { nextRuns } from './due-time.js';
import type { SchedulerContext } from './scheduler-context.js';
import { validateTimeZone } from './time-zone.js';

export interface JobListing {
  readonly name: string;
  readonly description: string | null;
  readonly schedule: string;
  /** The zone the schedule is evaluated in: the row's own, else DEFAULT_TIMEZONE. */
  readonly zone: string;
  readonly active: boolean;
  /** When it runs next; null when switched off or invalid. */
  readonly nextRunAt: number | null;
  /** Its due time has passed and the next `schedule:run` will run it (the catch-up rule). */
  readonly dueNow: boolean;
  readonly lastStatus: string | null;
  readonly lastStartedAt: number | null;
  readonly lastFinishedAt: number | null;
  readonly lastDurationMs: number | null;
  readonly lastError: string | null;
  /** A run in progress, or one whose holder died (`expired`). */
  readonly lease: { readonly owner: string; readonly expiresAt: number; readonly expired: boolean } | null;
  /** Why the row cannot be evaluated (edited by hand), or null. */
  readonly problem: string | null;
}

type ListContext = Pick<SchedulerContext, 'database' | 'registry' | 'siteZone' | 'clock'>;

export async function listJobs(context: ListContext): Promise<JobListing[]> {
  const nowMs = context.clock();
  const rows = await readCronRows(context.database, context.registry, nowMs);
  return rows.map((row) => {
    const decision = evaluateRow(row, nowMs, context.siteZone);
    const nextRunAt =
      decision.kind === 'waiting' || decision.kind === 'reschedule'
        ? decision.nextDueAt
        : decision.kind === 'due'
          ? decision.pendingDueAt
          : null;
    const lease =
      row.lease_owner === null || row.lease_expires_at === null
        ? null
        : { owner: row.lease_owner, expiresAt: row.lease_expires_at, expired: row.lease_expires_at < nowMs };
    return {
      name: row.name,
      description: row.description,
      schedule: row.schedule,
      zone: zoneOf(row, context.siteZone),
      active: row.active === 1,
      nextRunAt,
      dueNow: decision.kind === 'due',
      lastStatus: row.last_status,
      lastStartedAt: row.last_started_at,
      lastFinishedAt: row.last_finished_at,
      lastDurationMs: row.last_duration_ms,
      lastError: row.last_error,
      lease,
      problem: decision.kind === 'invalid' ? decision.message : null,
    };
  });
}

export type SchedulePreview = { ok: true; runs: number[] } | { ok: false; message: string };

/** The next `count` due times of an expression being edited, or the reason it is refused. */
export function previewSchedule(expression: string, zone: string, nowMs: number, count = 5): SchedulePreview {
  const zoneCheck = validateTimeZone(zone);
  if (!zoneCheck.ok) return { ok: false, message: zoneCheck.message };
  const check = validateCronExpression(expression);
  if (!check.ok) return check;
  return { ok: true, runs: nextRuns(expression.trim(), zone, nowMs, count) };
}
