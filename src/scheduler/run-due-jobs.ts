// One scheduler tick, the whole of `schedule:run`: stamp the heartbeat, read the jobs' rows (seeding missing ones),
// decide each (./due-decision.ts), claim and run what is due one after another — except a job that runs alongside
// another (JobDefinition.runsAlongside) and is due with it: the two start together — and report. Instances on other
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
  const startedAlongside = new Set<string>();
  for (const [index, row] of rows.entries()) {
    if (options.signal?.aborted) break;
    if (startedAlongside.has(row.name)) continue;
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
      const claim = await claimDue(context, row.name, decision, nowMs);
      if (claim === undefined) continue;
      // A later job that runs alongside this one (JobDefinition.runsAlongside), due now too: both start together.
      const follower = rows
        .slice(index + 1)
        .find((other) => context.registry.definition(other.name)?.runsAlongside === row.name);
      const followerDecision = follower ? evaluateRow(follower, nowMs, context.siteZone) : undefined;
      const followerClaim =
        follower && followerDecision?.kind === 'due'
          ? await claimDue(context, follower.name, followerDecision, nowMs)
          : undefined;
      if (follower === undefined || followerClaim === undefined) {
        report.runs.push(await executeJob(context, claim, options.signal));
        continue;
      }
      startedAlongside.add(follower.name);
      const leading = executeJob(context, claim, options.signal);
      const following = executeJob(context, followerClaim, options.signal, leading);
      report.runs.push(...(await Promise.all([leading, following])));
    }
  }
  return report;
}

function claimDue(
  context: SchedulerContext,
  jobName: string,
  decision: Extract<ReturnType<typeof evaluateRow>, { kind: 'due' }>,
  nowMs: number,
) {
  return claimDueRun(context, {
    jobName,
    observedNextDueAt: decision.pendingDueAt,
    dueAt: decision.dueAt,
    nextDueAt: decision.nextDueAt,
    nowMs,
  });
}
