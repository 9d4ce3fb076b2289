// The scheduler: the `cron` table's jobs, run once per due time across any number of instances. Start with
// runDueJobs (`schedule:run`), startSchedulerLoop (`schedule:work`) or startInProcessScheduler (`npm start`); the
// rules (time zones, DST, catch-up, leases) are in due-decision.ts and claim-run.ts, and docs/scheduling.md.

export type { AuditActor } from './audit.js';
export { type ClaimedRun, claimDueRun, claimManualRun, type RunTrigger } from './claim-run.js';
export { CRON_EXAMPLE, type CronValidation, validateCronExpression } from './cron-expression.js';
export { type CronRow, ensureCronRows, readCronRows, SchedulerTablesMissingError } from './cron-rows.js';
export { type CronRowState, type DueDecision, evaluateRow, isDue, zoneOf } from './due-decision.js';
export { nextRun, nextRuns, previousDue } from './due-time.js';
export { errorInWords, executeJob, SchedulerStoppedError } from './execute-job.js';
export { describeLastRun, describeNextRun, formatDuration, formatInZone } from './format.js';
export { recordHeartbeat } from './heartbeat.js';
export { type InProcessScheduler, type InProcessSchedulerOptions, startInProcessScheduler } from './in-process.js';
export { currentInstance, operatingSystemUser, type SchedulerInstance } from './instance.js';
export { BUILT_IN_JOBS, type JobDefinition } from './job-definitions.js';
export {
  createJobRegistry,
  type JobContext,
  type JobHandler,
  type JobHandlers,
  type JobLogger,
  JobNotImplementedError,
  type JobRegistry,
  type JobResult,
} from './job-registry.js';
export { LeaseLostError, renewLease } from './lease.js';
export { type JobListing, listJobs, previewSchedule, type SchedulePreview } from './list-jobs.js';
export { runDueJobs, type TickOptions, type TickReport } from './run-due-jobs.js';
export { type RunNowResult, runJobNow } from './run-job-now.js';
export { type FinishedRun, finishRun, type RunOutcome, type RunStatus } from './run-record.js';
export {
  createSchedulerContext,
  DEFAULT_LEASE_MS,
  DEFAULT_STOP_GRACE_MS,
  type SchedulerContext,
  type SchedulerContextOptions,
} from './scheduler-context.js';
export {
  msUntilNextTick,
  type SchedulerLoop,
  type SchedulerLoopOptions,
  startSchedulerLoop,
} from './scheduler-loop.js';
export { type JobChange, type JobSettings, type SetJobResult, setJob, validateJobChange } from './set-job.js';
export { validateTimeZone, type ZoneValidation } from './time-zone.js';
