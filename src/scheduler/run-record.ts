// Recording how a run ended: its `cron_runs` row (the history the dashboard lists) and the job's `cron` row (last
// status, error, duration), releasing the lease in the same UPDATE. A run whose lease was lost still gets its history
// row, but leaves the `cron` row to the instance that holds the lease now.
import type { ClaimedRun, RunTrigger } from './claim-run.js';
import type { SchedulerContext } from './scheduler-context.js';

export type RunStatus = 'ok' | 'warning' | 'error';

export interface RunOutcome {
  readonly status: RunStatus;
  /** In words, for the dashboard: never a stack trace. */
  readonly error: string | null;
  readonly summary: Readonly<Record<string, unknown>> | null;
}

export interface FinishedRun extends RunOutcome {
  readonly jobName: string;
  readonly runId: number;
  readonly trigger: RunTrigger;
  readonly dueAt: number;
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly durationMs: number;
}

/** Errors are shown in tables and pages; a whole response body is for the logs. */
const MAX_ERROR_LENGTH = 4_000;

/**
 * The `cron_runs.summary` JSON: how the run was triggered and what the job reported, e.g.
 * `{"trigger":"manual","requestedBy":"admin","result":{"teamsCreated":2}}`.
 */
function summaryJson(claim: ClaimedRun, outcome: RunOutcome): string {
  const summary = { trigger: claim.trigger, requestedBy: claim.requestedBy, result: outcome.summary };
  try {
    return JSON.stringify(summary);
  } catch {
    // A job returned something JSON cannot hold (a BigInt, a cycle): keep the run, lose the detail.
    return JSON.stringify({ ...summary, result: 'unserialisable summary' });
  }
}

export async function finishRun(
  context: SchedulerContext,
  claim: ClaimedRun,
  outcome: RunOutcome,
): Promise<FinishedRun> {
  const finishedAt = context.clock();
  const durationMs = Math.max(0, finishedAt - claim.startedAt);
  const error = outcome.error === null ? null : outcome.error.slice(0, MAX_ERROR_LENGTH);
  const { db } = context.database;
  await db
    .updateTable('cron_runs')
    .set({ finished_at: finishedAt, status: outcome.status, error, summary: summaryJson(claim, outcome) })
    .where('id', '=', claim.runId)
    .execute();
  await db
    .updateTable('cron')
    .set({
      lease_owner: null,
      lease_expires_at: null,
      last_finished_at: finishedAt,
      last_status: outcome.status,
      last_error: error,
      last_duration_ms: durationMs,
      updated_at: finishedAt,
    })
    .where('name', '=', claim.jobName)
    .where('lease_owner', '=', context.instance.leaseOwner)
    .execute();
  return {
    ...outcome,
    error,
    jobName: claim.jobName,
    runId: claim.runId,
    trigger: claim.trigger,
    dueAt: claim.dueAt,
    startedAt: claim.startedAt,
    finishedAt,
    durationMs,
  };
}
