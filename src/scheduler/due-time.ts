// Due times of a cron expression in a time zone, as pure functions of an instant (epoch milliseconds). DST rules
// are croner's, configured in ./cron-expression.ts: a fixed-time job (`30 2 * * *`) runs once on the day its time
// is skipped (at the end of the gap) and once on the day it repeats (the first occurrence). What is due *now*, with
// the catch-up rule, is ./due-decision.ts.
import { compileCron } from './cron-expression.js';

/**
 * The first due time strictly after `afterMs`, or null if the expression never matches again.
 * @example
 * nextRun('0 0 * * *', 'America/Toronto', Date.parse('2026-01-01T12:00:00Z')) // Date.parse('2026-01-02T05:00:00Z')
 */
export function nextRun(expression: string, zone: string, afterMs: number): number | null {
  return compileCron(expression, zone).nextRun(new Date(afterMs))?.getTime() ?? null;
}

/** The next `count` due times strictly after `afterMs` (the "next five runs" preview). */
export function nextRuns(expression: string, zone: string, afterMs: number, count: number): number[] {
  return compileCron(expression, zone)
    .nextRuns(count, new Date(afterMs))
    .map((date) => date.getTime());
}

/**
 * The latest due time at or before `nowMs`, or null if there is none.
 * croner's previousRuns excludes a run at exactly the reference instant, hence the one millisecond.
 */
export function previousDue(expression: string, zone: string, nowMs: number): number | null {
  return (
    compileCron(expression, zone)
      .previousRuns(1, new Date(nowMs + 1))[0]
      ?.getTime() ?? null
  );
}
