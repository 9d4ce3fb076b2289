// The shape of one migration here: Kysely's `up`/`down`, plus the engine's capability object, so a migration
// declares columns as `caps.types.instant` rather than branching on the dialect. Sets of them: ./index.ts.
import type { Kysely } from 'kysely';
import type { Capabilities } from '../capabilities.js';

export interface CrossEngineMigration {
  up(db: Kysely<unknown>, caps: Capabilities): Promise<void>;
  down?(db: Kysely<unknown>, caps: Capabilities): Promise<void>;
}

/** A list of migrations with its own bookkeeping tables, so that sets never clash with each other or the host's. */
export interface MigrationSet {
  /** Records which migrations ran (Kysely's `migrationTableName`). */
  readonly tableName: string;
  /** Serialises concurrent `migrate` runs (Kysely's `migrationLockTableName`). */
  readonly lockTableName: string;
  /** Run in the order of their names: zero-padded numbers, e.g. `0002_add_x`. Never rename or edit a released one. */
  readonly migrations: Readonly<Record<string, CrossEngineMigration>>;
}
