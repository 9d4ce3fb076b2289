// "Run now" (`schedule:run-job NAME`, and later the web page's button): runs a job at once, due or not and even when
// switched off, but never alongside another run of it: the lease is honoured. Its pending due time is left alone.
import { UsageError } from '../lib/errors.js';
import { type AuditActor, auditSchedulerAction } from './audit.js';
import { claimManualRun } from './claim-run.js';
import { ensureCronRows } from './cron-rows.js';
import { executeJob } from './execute-job.js';
import { knownJobNames } from './job-registry.js';
import type { FinishedRun } from './run-record.js';
import type { SchedulerContext } from './scheduler-context.js';

export type RunNowResult =
  | { readonly kind: 'ran'; readonly run: FinishedRun }
  /** Another run holds the lease: `holder` is `host:pid:…`, free again at `leaseExpiresAt` at the latest. */
  | { readonly kind: 'busy'; readonly holder: string | null; readonly leaseExpiresAt: number | null };

export async function runJobNow(
  context: SchedulerContext,
  jobName: string,
  options: { who: AuditActor; signal?: AbortSignal },
): Promise<RunNowResult> {
  if (context.registry.definition(jobName) === undefined) {
    throw new UsageError(`There is no job named "${jobName}". Jobs: ${knownJobNames(context.registry)}.`);
  }
  const nowMs = context.clock();
  await ensureCronRows(context.database, context.registry, nowMs);
  const claim = await claimManualRun(context, { jobName, nowMs, requestedBy: options.who.actor });
  if (claim === undefined) {
    const row = await context.database.db
      .selectFrom('cron')
      .select(['lease_owner', 'lease_expires_at'])
      .where('name', '=', jobName)
      .executeTakeFirst();
    return { kind: 'busy', holder: row?.lease_owner ?? null, leaseExpiresAt: row?.lease_expires_at ?? null };
  }
  await auditSchedulerAction(context.database.db, options.who, {
    action: 'schedule.run_now',
    target: jobName,
    detail: { runId: claim.runId },
    atMs: nowMs,
  });
  return { kind: 'ran', run: await executeJob(context, claim, options.signal) };
}
