// Keeping and giving back a lease. A running job renews it every lease/3 (./execute-job.ts), so the lease only
// lapses when the holder stops: then `lease_expires_at < now` lets the next claim take the job (./claim-run.ts).
import { AppError } from '../lib/errors.js';
import type { SchedulerContext } from './scheduler-context.js';

export class LeaseLostError extends AppError {
  constructor(jobName: string) {
    super(
      `Lost the lease on ${jobName}: it expired before it could be renewed (the process was paused or could not ` +
        'reach the database), and another instance may have taken the job over. This run stopped.',
      { code: 'scheduler.lease_lost' },
    );
  }
}

/** Extends the lease held by this instance; false when it is no longer ours. */
export async function renewLease(context: SchedulerContext, jobName: string): Promise<boolean> {
  const nowMs = context.clock();
  const result = await context.database.db
    .updateTable('cron')
    .set({ lease_expires_at: nowMs + context.leaseMs })
    .where('name', '=', jobName)
    .where('lease_owner', '=', context.instance.leaseOwner)
    // An expired lease is not renewed: someone may already have claimed it in the same instant.
    .where('lease_expires_at', '>=', nowMs)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
