// Claiming a run: the exactly-once guarantee across instances. One transaction that
//   1. takes the lease with a single conditional UPDATE (`… WHERE lease free or expired AND next_due_at = <the due
//      time we saw>`), moving `next_due_at` on in the same statement. The database serialises concurrent UPDATEs
//      of one row and re-checks the WHERE clause against the winner's committed row (PostgreSQL re-evaluates,
//      InnoDB reads the latest version, SQLite holds the write lock), so exactly one claimer sees 1 row updated;
//      the others see 0 and do nothing. No SELECT-then-UPDATE race.
//   2. marks runs left `running` by a holder whose lease expired (killed, crashed) as abandoned;
//   3. inserts the `cron_runs` row, unique on (job_name, due_at): a second guard, should two claims ever name the
//      same due time (a hand edit of `next_due_at`), the second gives its lease back and runs nothing.
// A crash anywhere in between rolls the whole claim back, so the due time stays pending for the next tick.
import type { Kysely, Transaction } from 'kysely';
import type { IntegrationTables } from '../db/index.js';
import type { SchedulerContext } from './scheduler-context.js';

export type RunTrigger = 'schedule' | 'manual';

export interface ClaimedRun {
  readonly jobName: string;
  readonly runId: number;
  readonly dueAt: number;
  readonly startedAt: number;
  readonly trigger: RunTrigger;
  /** Who asked for a manual run (`Run now`), for the run's summary. */
  readonly requestedBy: string | undefined;
}

interface ClaimRequest {
  readonly jobName: string;
  readonly dueAt: number;
  readonly nowMs: number;
  readonly trigger: RunTrigger;
  readonly requestedBy?: string;
  /** Scheduled runs: the `next_due_at` seen as due, and the one to store. Manual runs leave it alone. */
  readonly dueTime?: { readonly observed: number; readonly next: number | null };
}

const ABANDONED_MESSAGE =
  'Abandoned: the process running it stopped renewing its lease (killed, crashed or its server went down) ' +
  'before it finished. A later run picked the job up again.';

/** Claims the pending due time of an active job; undefined when another instance got it first or holds the lease. */
export function claimDueRun(
  context: SchedulerContext,
  request: { jobName: string; observedNextDueAt: number; dueAt: number; nextDueAt: number | null; nowMs: number },
): Promise<ClaimedRun | undefined> {
  const { jobName, dueAt, nowMs } = request;
  const dueTime = { observed: request.observedNextDueAt, next: request.nextDueAt };
  return claim(context, { jobName, dueAt, nowMs, trigger: 'schedule', dueTime });
}

/** Claims a run now, due or not ("Run now"); undefined when the job's lease is held by a live run. */
export function claimManualRun(
  context: SchedulerContext,
  request: { jobName: string; nowMs: number; requestedBy: string },
): Promise<ClaimedRun | undefined> {
  return claim(context, { ...request, dueAt: request.nowMs, trigger: 'manual' });
}

function claim(context: SchedulerContext, request: ClaimRequest): Promise<ClaimedRun | undefined> {
  return context.database.db.transaction().execute((trx) => claimIn(trx, context, request));
}

async function claimIn(
  trx: Transaction<IntegrationTables>,
  context: SchedulerContext,
  request: ClaimRequest,
): Promise<ClaimedRun | undefined> {
  const { jobName, dueAt, nowMs, dueTime } = request;
  const { leaseOwner, host, pid } = context.instance;
  let update = trx
    .updateTable('cron')
    .set({ lease_owner: leaseOwner, lease_expires_at: nowMs + context.leaseMs, updated_at: nowMs })
    .where('name', '=', jobName)
    .where((eb) => eb.or([eb('lease_owner', 'is', null), eb('lease_expires_at', '<', nowMs)]));
  if (dueTime !== undefined) {
    update = update
      .set({ next_due_at: dueTime.next })
      .where('active', '=', 1)
      .where('next_due_at', '=', dueTime.observed);
  }
  const taken = await update.executeTakeFirst();
  if (taken.numUpdatedRows === 0n) return undefined;

  await trx
    .updateTable('cron_runs')
    .set({ status: 'error', finished_at: nowMs, error: ABANDONED_MESSAGE })
    .where('job_name', '=', jobName)
    .where('status', '=', 'running')
    .execute();
  const run = { job_name: jobName, due_at: dueAt, started_at: nowMs, status: 'running' as const, host, pid };
  if (!(await context.database.capabilities.insertIfAbsent(trx.insertInto('cron_runs').values(run)))) {
    await releaseLeaseIn(trx, jobName, leaseOwner);
    return undefined;
  }
  await trx
    .updateTable('cron')
    .set({ last_started_at: nowMs, last_status: 'running' })
    .where('name', '=', jobName)
    .execute();
  const { id } = await trx
    .selectFrom('cron_runs')
    .select('id')
    .where('job_name', '=', jobName)
    .where('due_at', '=', dueAt)
    .executeTakeFirstOrThrow();
  return { jobName, runId: id, dueAt, startedAt: nowMs, trigger: request.trigger, requestedBy: request.requestedBy };
}

async function releaseLeaseIn(db: Kysely<IntegrationTables>, jobName: string, leaseOwner: string): Promise<void> {
  await db
    .updateTable('cron')
    .set({ lease_owner: null, lease_expires_at: null })
    .where('name', '=', jobName)
    .where('lease_owner', '=', leaseOwner)
    .execute();
}
