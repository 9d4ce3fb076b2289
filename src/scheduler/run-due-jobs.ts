// One scheduler tick, the whole of `schedule:run`: stamp the heartbeat, read the jobs' rows (seeding missing ones),
// decide each (./due-decision.ts), claim and run what is due one after another, and report. Instances on other
// hosts may run the same tick at the same minute; the claim (./claim-run.ts) lets exactly one of them run each due
// time, and the others move on. With nothing due this is three small queries.
import { claimDueRun } from './claim-run.js';
import { readCronRows, storeNextDueAt } from './cron-rows.js';
import { evaluateRow } from './due-decision.js';
import { executeJob } from './execute-job.js';
import { recordHeartbeat } from './heartbeat.js';
import type { FinishedRun } from './run-record.js';
import type { SchedulerContext } from './scheduler-context.js';

export interface TickReport {
  /** Runs this instance claimed and finished, in order. */
  readonly runs: FinishedRun[];
  /** Jobs whose pending due time moved without a run: `name: why`. */
  readonly rescheduled: string[];
  /** Rows that cannot be evaluated (a schedule or zone edited by hand into something invalid). */
  readonly problems: string[];
}

export interface TickOptions {
  /** Aborts the running job and skips the rest (SIGTERM, `stop()`). */
  readonly signal?: AbortSignal;
}

export async function runDueJobs(context: SchedulerContext, options: TickOptions = {}): Promise<TickReport> {
  const report: TickReport = { runs: [], rescheduled: [], problems: [] };
  const startMs = context.clock();
  await recordHeartbeat(context, startMs);
  const rows = await readCronRows(context.database, context.registry, startMs);
  for (const row of rows) {
    if (options.signal?.aborted) break;
    // Re-read the clock per row: a long job before this one may have taken minutes.
    const nowMs = context.clock();
    const decision = evaluateRow(row, nowMs, context.siteZone);
    if (decision.kind === 'reschedule') {
      if (await storeNextDueAt(context.database, row, decision.nextDueAt, nowMs)) {
        report.rescheduled.push(`${row.name}: ${decision.reason}`);
      }
    } else if (decision.kind === 'invalid') {
      report.problems.push(decision.message);
      context.log.warn(decision.message);
    } else if (decision.kind === 'due') {
      const claim = await claimDueRun(context, {
        jobName: row.name,
        observedNextDueAt: decision.pendingDueAt,
        dueAt: decision.dueAt,
        nextDueAt: decision.nextDueAt,
        nowMs,
      });
      if (claim !== undefined) report.runs.push(await executeJob(context, claim, options.signal));
    }
  }
  return report;
}
