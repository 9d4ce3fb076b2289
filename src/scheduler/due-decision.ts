// What the scheduler should do with one `cron` row at an instant: nothing, move its pending due time, or run it.
// Pure (row + clock in, decision out), so every rule below is tested by table in ./due-decision.test.ts.
//
// `next_due_at` is the due time the scheduler is waiting for. A claim (./claim-run.ts) moves it past `now` in the same
// UPDATE that takes the lease, so each pending due time is run at most once, by whoever moves it first.
//
// Catch-up rule: when `next_due_at` has passed (the crontab did not fire, every server was down, the job was still
// running), the job runs ONCE as soon as the scheduler sees it, however many due times were missed and however long
// ago, and the run is recorded against the latest due time that passed. Never once per missed slot; never skipped
// for being late: the jobs are level-triggered reconcilers, so one late run brings Teams up to date, while skipping
// would leave it stale until the next due time (a week, for the token refresh).
//
// Rows edited outside this program (the Elentra guide has administrators edit the `cron` table by hand):
// - switched off: `next_due_at` is cleared, so switching it on later waits for the next due time instead of
//   "catching up" a run the administrator never wanted;
// - switched on, or a new row: `next_due_at` is set to the next due time (no immediate run);
// - schedule or zone changed while waiting: `next_due_at` no longer equals the next due time, so it is recomputed.
import type { CronTable } from '../db/index.js';
import { validateCronExpression } from './cron-expression.js';
import { nextRun, previousDue } from './due-time.js';
import { validateTimeZone } from './time-zone.js';

export type CronRowState = Pick<CronTable, 'name' | 'schedule' | 'timezone' | 'next_due_at'> & { active: number };

export type DueDecision =
  /** Switched off and nothing pending. */
  | { kind: 'inactive' }
  /** Waiting for `nextDueAt`. */
  | { kind: 'waiting'; nextDueAt: number }
  /** Store `nextDueAt` (null: nothing pending) without running; `reason` is for logs. */
  | { kind: 'reschedule'; nextDueAt: number | null; reason: string }
  /** Run now, recorded against `dueAt`; the claim replaces `pendingDueAt` (the row's) with `nextDueAt`. */
  | { kind: 'due'; pendingDueAt: number; dueAt: number; nextDueAt: number | null; lateMs: number }
  /** The row's schedule or zone cannot be evaluated (edited by hand): reported, never run. */
  | { kind: 'invalid'; message: string };

/** The zone a row's schedule is evaluated in: its own, else the site's DEFAULT_TIMEZONE. */
export function zoneOf(row: Pick<CronTable, 'timezone'>, siteZone: string): string {
  return row.timezone ?? siteZone;
}

export function evaluateRow(row: CronRowState, nowMs: number, siteZone: string): DueDecision {
  if (row.active === 0) {
    return row.next_due_at === null
      ? { kind: 'inactive' }
      : { kind: 'reschedule', nextDueAt: null, reason: 'switched off' };
  }
  const zone = zoneOf(row, siteZone);
  const problem = scheduleProblem(row.schedule, zone);
  if (problem !== undefined) return { kind: 'invalid', message: `${row.name}: ${problem}` };
  const upcoming = nextRun(row.schedule, zone, nowMs);
  const pending = row.next_due_at;
  if (pending === null) return { kind: 'reschedule', nextDueAt: upcoming, reason: 'switched on or new' };
  if (pending > nowMs) {
    return pending === upcoming
      ? { kind: 'waiting', nextDueAt: pending }
      : { kind: 'reschedule', nextDueAt: upcoming, reason: 'schedule or time zone changed' };
  }
  // The pending time may predate a hand edit of the schedule: record the run against whichever passed last.
  const dueAt = Math.max(previousDue(row.schedule, zone, nowMs) ?? pending, pending);
  return { kind: 'due', pendingDueAt: pending, dueAt, nextDueAt: upcoming, lateMs: nowMs - dueAt };
}

/** True when the row should run at `nowMs` (see the catch-up rule above). */
export function isDue(row: CronRowState, nowMs: number, siteZone: string): boolean {
  return evaluateRow(row, nowMs, siteZone).kind === 'due';
}

function scheduleProblem(schedule: string, zone: string): string | undefined {
  const zoneCheck = validateTimeZone(zone);
  if (!zoneCheck.ok) return zoneCheck.message;
  const check = validateCronExpression(schedule);
  return check.ok ? undefined : check.message;
}
