// Everything the scheduler's functions share: the database, the jobs, the site's zone, who we are, the clock and the
// lease length. Built once by `createSchedulerContext`; tests pass their own clock and short leases.
import type { IntegrationDatabase } from '../db/index.js';
import { currentInstance, type SchedulerInstance } from './instance.js';
import type { JobLogger, JobRegistry } from './job-registry.js';

/** Long enough that a busy event loop renews in time (every lease/3), short enough that a crash frees the job soon. */
export const DEFAULT_LEASE_MS = 5 * 60_000;
/** How long a stopping scheduler waits for a job to notice its aborted signal before giving up on it. */
export const DEFAULT_STOP_GRACE_MS = 20_000;

export interface SchedulerContext {
  readonly database: IntegrationDatabase;
  readonly registry: JobRegistry;
  /** DEFAULT_TIMEZONE: schedules of rows without their own zone are evaluated in it. */
  readonly siteZone: string;
  readonly instance: SchedulerInstance;
  /** Epoch milliseconds; `Date.now` except in tests. */
  readonly clock: () => number;
  readonly leaseMs: number;
  readonly stopGraceMs: number;
  readonly log: JobLogger;
}

export type SchedulerContextOptions = Pick<SchedulerContext, 'database' | 'registry' | 'siteZone'> &
  Partial<Omit<SchedulerContext, 'database' | 'registry' | 'siteZone'>>;

export const SILENT_LOG: JobLogger = { info: () => {}, warn: () => {}, error: () => {} };

export function createSchedulerContext(options: SchedulerContextOptions): SchedulerContext {
  return {
    database: options.database,
    registry: options.registry,
    siteZone: options.siteZone,
    instance: options.instance ?? currentInstance(),
    clock: options.clock ?? Date.now,
    leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
    stopGraceMs: options.stopGraceMs ?? DEFAULT_STOP_GRACE_MS,
    log: options.log ?? SILENT_LOG,
  };
}
