// Brings a database to the latest migration of a set (by default the integration's tables), with Kysely's Migrator
// and a static provider (./migrations/index.ts). Returns what it applied; a failure becomes one MigrationError that
// names the migration, the engine and the database's own message, and says what was kept.
import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import { AppError } from '../lib/errors.js';
import type { Capabilities, SchemaConnection } from './capabilities.js';
import type { CrossEngineMigration, MigrationSet } from './migrations/cross-engine-migration.js';
import { INTEGRATION_MIGRATIONS } from './migrations/index.js';
import type { DatabaseHandle } from './open-database.js';

export interface MigrationOutcome {
  /** Names of the migrations this call applied, in order. */
  applied: string[];
  /** Nothing was pending. */
  alreadyUpToDate: boolean;
}

export class MigrationError extends AppError {
  /** The migration that failed; undefined when the failure came before any migration ran (connection, lock). */
  readonly migrationName: string | undefined;
  /** Migrations of this call that stay applied despite the failure. */
  readonly applied: string[];

  constructor(message: string, details: { migrationName: string | undefined; applied: string[]; cause: unknown }) {
    super(message, { code: 'db.migration_failed', docs: 'database-migration-failed', cause: details.cause });
    this.migrationName = details.migrationName;
    this.applied = details.applied;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function providerFor(set: MigrationSet, caps: Capabilities): MigrationProvider {
  const bind =
    (run: CrossEngineMigration['up']): Migration['up'] =>
    (db) =>
      run(db, caps);
  const migrations: Record<string, Migration> = {};
  for (const [name, { up, down }] of Object.entries(set.migrations)) {
    migrations[name] = down === undefined ? { up: bind(up) } : { up: bind(up), down: bind(down) };
  }
  return { getMigrations: async () => migrations };
}

/** Kysely reports failure as a result object; thrown inside the lock so that SQLite's batch rolls back. */
class MigrationRunFailed extends Error {
  constructor(
    readonly failed: string | undefined,
    readonly succeeded: string[],
    readonly reason: unknown,
  ) {
    super(messageOf(reason));
  }
}

// Kysely would create these itself, but with the server's default engine and charset and a varchar(255) key, which
// MyISAM or a utf8mb4 COMPACT row format refuse. Created here with our table options; Kysely then finds them.
async function ensureBookkeepingTables(db: SchemaConnection, caps: Capabilities, set: MigrationSet): Promise<void> {
  const creations: Array<[string, () => Promise<void>]> = [
    [
      set.tableName,
      () =>
        caps
          .createTable(db, set.tableName)
          .addColumn('name', caps.types.key, (col) => col.primaryKey().notNull())
          .addColumn('timestamp', 'varchar(64)', (col) => col.notNull())
          .execute(),
    ],
    [
      set.lockTableName,
      () =>
        caps
          .createTable(db, set.lockTableName)
          .addColumn('id', caps.types.key, (col) => col.primaryKey().notNull())
          .addColumn('is_locked', 'integer', (col) => col.notNull().defaultTo(0))
          .execute(),
    ],
  ];
  for (const [name, create] of creations) {
    try {
      await create();
    } catch (error) {
      // PostgreSQL can fail `IF NOT EXISTS` when two processes create the same table at once: fine if it exists now.
      const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
      if (!tables.some((table) => table.name === name)) throw error;
    }
  }
}

/**
 * Applies every pending migration of `set`. Running it again is a no-op: `{ applied: [], alreadyUpToDate: true }`.
 * Concurrent callers (several instances starting at once) are serialised by the engine's migration lock.
 * @throws MigrationError naming the failed migration and the database's message.
 * @example
 * const { applied } = await migrateToLatest(handle);
 * io.out(applied.length > 0 ? `Applied ${applied.join(', ')}` : 'Nothing to migrate');
 */
export async function migrateToLatest<Tables>(
  handle: DatabaseHandle<Tables>,
  set: MigrationSet = INTEGRATION_MIGRATIONS,
): Promise<MigrationOutcome> {
  const caps = handle.capabilities;
  const migrator = new Migrator({
    db: handle.db,
    provider: providerFor(set, caps),
    migrationTableName: set.tableName,
    migrationLockTableName: set.lockTableName,
  });
  try {
    // The common case (every start of every instance) is "nothing to do": find that out with a read, without taking
    // the write lock, so that instances starting together do not queue behind each other.
    if (await isUpToDate(migrator)) return { applied: [], alreadyUpToDate: true };
    const applied = await caps.withMigrationLock(handle.db, async () => {
      await ensureBookkeepingTables(handle.db, caps, set);
      const { error, results = [] } = await migrator.migrateToLatest();
      const succeeded = results.filter((result) => result.status === 'Success').map((result) => result.migrationName);
      if (error === undefined) return succeeded;
      const failed = results.find((result) => result.status === 'Error')?.migrationName;
      throw new MigrationRunFailed(failed, succeeded, error);
    });
    return { applied, alreadyUpToDate: applied.length === 0 };
  } catch (error) {
    throw migrationError(handle, error);
  }
}

async function isUpToDate(migrator: Migrator): Promise<boolean> {
  try {
    const migrations = await migrator.getMigrations();
    return migrations.every((migration) => migration.executedAt !== undefined);
  } catch {
    return false; // No bookkeeping table yet, or unreadable: the locked path creates it and says what went wrong.
  }
}

function migrationError<Tables>(handle: DatabaseHandle<Tables>, error: unknown): MigrationError {
  const caps = handle.capabilities;
  const where = `on ${caps.engineName} (${handle.safeUrl})`;
  const run = error instanceof MigrationRunFailed ? error : undefined;
  const applied = run === undefined || caps.atomicMigrations ? [] : run.succeeded;
  const kept =
    applied.length > 0 ? `Applied before it and kept: ${applied.join(', ')}.` : 'No migration of this run was applied.';
  const what =
    run?.failed === undefined ? 'Database migrations could not run' : `Database migration "${run.failed}" failed`;
  const reason = run === undefined ? error : run.reason;
  return new MigrationError(`${what} ${where}: ${messageOf(reason)}. ${kept} Fix the cause, then run migrate again.`, {
    migrationName: run?.failed,
    applied,
    cause: reason,
  });
}
