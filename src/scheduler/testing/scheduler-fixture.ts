// Test helpers for the scheduler: a clock the test moves by hand, instances with readable names, and a context on a
// test database. Used by test/scheduler-*.test.ts and the child processes in ./.
import type { IntegrationDatabase } from '../../db/index.js';
import type { SchedulerInstance } from '../instance.js';
import { createJobRegistry, type JobHandlers, type JobRegistry } from '../job-registry.js';
import { createSchedulerContext, type SchedulerContext, type SchedulerContextOptions } from '../scheduler-context.js';

export const TEST_JOB = 'microsoft:sync-teams';

export interface ManualClock {
  now(): number;
  set(iso: string): void;
  advance(ms: number): void;
}

export function manualClock(iso: string): ManualClock {
  let nowMs = Date.parse(iso);
  return {
    now: () => nowMs,
    set: (next) => {
      nowMs = Date.parse(next);
    },
    advance: (ms) => {
      nowMs += ms;
    },
  };
}

/** `host-a`, pid 1…: readable lease owners in assertions. */
export function namedInstance(name: string, pid = 1): SchedulerInstance {
  return { host: name, pid, leaseOwner: `${name}:${pid}:test` };
}

export function testContext(
  database: IntegrationDatabase,
  options: Partial<SchedulerContextOptions> & { handlers?: JobHandlers; registry?: JobRegistry } = {},
): SchedulerContext {
  const { handlers, ...rest } = options;
  return createSchedulerContext({
    database,
    registry: options.registry ?? createJobRegistry(handlers),
    siteZone: 'America/Toronto',
    instance: namedInstance('host-a'),
    ...rest,
  });
}

/** Switches the test job on with `schedule` and makes it due at `dueAtIso` (as if that due time were pending). */
export async function makeDue(database: IntegrationDatabase, dueAtMs: number, schedule = '0 0 * * *'): Promise<void> {
  await database.db
    .updateTable('cron')
    .set({ active: 1, schedule, next_due_at: dueAtMs })
    .where('name', '=', TEST_JOB)
    .execute();
}

export async function runsOf(database: IntegrationDatabase, job = TEST_JOB) {
  return database.db.selectFrom('cron_runs').selectAll().where('job_name', '=', job).orderBy('id').execute();
}

export async function cronRow(database: IntegrationDatabase, job = TEST_JOB) {
  return database.db.selectFrom('cron').selectAll().where('name', '=', job).executeTakeFirstOrThrow();
}
