// Runs the embedded Elentra schema's migrations (a set separate from the integration's own, tracked in
// `elentra_demo_migrations`). The CLI runs it only in the embedded SQLite mode; tests also run it on MariaDB and
// PostgreSQL. As a last line of defence it refuses a database that already has Elentra's `courses` table but no
// record of these migrations: that is a real Elentra database, which this program must never alter.
import { type Kysely, type Migration, Migrator, sql } from 'kysely';
import { AppError } from '../../lib/errors.js';
import type { ElentraHandle } from '../open-elentra.js';
import { createElentraTables } from './create-elentra-tables.js';

export const ELENTRA_DEMO_MIGRATION_TABLE = 'elentra_demo_migrations';

export interface DemoSchemaMigrationResult {
  /** Names of the migrations applied by this call; empty when the schema was already up to date. */
  applied: string[];
  /** Set when a migration failed or the database was refused; the earlier ones stay applied. */
  error: AppError | null;
}

function demoMigrations(handle: ElentraHandle): Record<string, Migration> {
  return {
    '0001_elentra_core_tables': {
      up: (db: Kysely<unknown>) => createElentraTables(db, handle.dialect),
    },
  };
}

async function looksLikeRealElentra(handle: ElentraHandle): Promise<boolean> {
  const tables = await handle.db.introspection.getTables();
  const names = new Set(tables.map((table) => table.name));
  return names.has('courses') && !names.has(ELENTRA_DEMO_MIGRATION_TABLE);
}

export async function migrateElentraDemoSchema(handle: ElentraHandle): Promise<DemoSchemaMigrationResult> {
  if (await looksLikeRealElentra(handle)) {
    const error = new AppError(
      `${handle.safeUrl} already holds Elentra tables that this program did not create. The embedded Elentra ` +
        'schema is for the demo only and never changes a real Elentra database: point ELENTRA_DATABASE_URL at ' +
        'your Elentra database and do not run the demo migrations against it.',
      { code: 'elentra.real_database_refused', docs: 'elentra-database' },
    );
    return { applied: [], error };
  }
  if (handle.dialect === 'postgres' && handle.authDatabase !== null) {
    // On PostgreSQL the auth "database" is a schema of the same database; it must exist before its tables.
    await sql`create schema if not exists ${sql.id(handle.authDatabase)}`.execute(handle.db);
  }
  const migrator = new Migrator({
    db: handle.db,
    provider: { getMigrations: async () => demoMigrations(handle) },
    migrationTableName: ELENTRA_DEMO_MIGRATION_TABLE,
    migrationLockTableName: `${ELENTRA_DEMO_MIGRATION_TABLE}_lock`,
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  const applied = results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
  if (error === undefined) return { applied, error: null };
  const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'the migration lock';
  return {
    applied,
    error: new AppError(`The embedded Elentra schema could not be created (${failed}) in ${handle.safeUrl}.`, {
      code: 'elentra.demo_migration_failed',
      docs: 'elentra-database',
      cause: error,
    }),
  };
}
