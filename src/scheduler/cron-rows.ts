// Reading and seeding the `cron` table. Rows are created switched off with the job's default schedule and are never
// overwritten afterwards: the schedule and the active flag belong to the administrator from then on.
import type { Selectable } from 'kysely';
import type { CronTable, IntegrationDatabase } from '../db/index.js';
import { AppError } from '../lib/errors.js';
import type { JobRegistry } from './job-registry.js';

export type CronRow = Selectable<CronTable>;

/**
 * Inserts a row for every registered job that has none (insert-if-absent: safe when several instances start at
 * once). Returns the names it created.
 */
export async function ensureCronRows(
  database: IntegrationDatabase,
  registry: JobRegistry,
  nowMs = Date.now(),
): Promise<string[]> {
  const { db, capabilities } = database;
  const existing = new Set((await db.selectFrom('cron').select('name').execute()).map((row) => row.name));
  const created: string[] = [];
  for (const job of registry.definitions) {
    if (existing.has(job.name)) continue;
    const row = {
      name: job.name,
      schedule: job.defaultSchedule,
      timezone: null,
      active: 0 as const,
      description: job.description,
      updated_at: nowMs,
    };
    if (await capabilities.insertIfAbsent(db.insertInto('cron').values(row))) created.push(job.name);
  }
  return created;
}

/** The rows of the registered jobs, seeded first if any is missing, in the registry's order. */
export async function readCronRows(
  database: IntegrationDatabase,
  registry: JobRegistry,
  nowMs: number,
): Promise<CronRow[]> {
  const names = registry.definitions.map((job) => job.name);
  const select = () => database.db.selectFrom('cron').selectAll().where('name', 'in', names).execute();
  let rows = await select().catch((error: unknown) => {
    throw tablesMissing(error) ? new SchedulerTablesMissingError(error) : error;
  });
  if (rows.length < names.length) {
    await ensureCronRows(database, registry, nowMs);
    rows = await select();
  }
  return names.flatMap((name) => rows.filter((row) => row.name === name));
}

/** Stores a new pending due time unless another instance changed it first (compare-and-set on the old value). */
export async function storeNextDueAt(
  database: IntegrationDatabase,
  row: Pick<CronTable, 'name' | 'next_due_at'>,
  nextDueAt: number | null,
  nowMs: number,
): Promise<boolean> {
  const observed = row.next_due_at;
  const result = await database.db
    .updateTable('cron')
    .set({ next_due_at: nextDueAt, updated_at: nowMs })
    .where('name', '=', row.name)
    .where((eb) => (observed === null ? eb('next_due_at', 'is', null) : eb('next_due_at', '=', observed)))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

function tablesMissing(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  // SQLite, MariaDB/MySQL and PostgreSQL wording for a missing table.
  return /no such table|doesn't exist|does not exist/i.test(message) && /cron/.test(message);
}

export class SchedulerTablesMissingError extends AppError {
  constructor(cause: unknown) {
    super('The scheduler\'s tables do not exist in this database yet. Run "elentra-teams migrate" first.', {
      code: 'scheduler.tables_missing',
      cause,
    });
  }
}
