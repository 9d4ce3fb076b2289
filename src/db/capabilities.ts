// The one place where SQLite, MariaDB/MySQL and PostgreSQL differ (Kysely's approach: a capability object per engine,
// never `if (dialect === 'mysql')` in callers). Migrations take their column types and table options from here;
// stores take upsert / insert-if-absent / insert-returning-id from here. Value conventions, the same on every engine:
//
// - Instants: BIGINT milliseconds since the Unix epoch (UTC), columns named `*_at`. One integer type sorts, compares
//   and does arithmetic identically everywhere (lease expiry is `lease_expires_at < now`), and none of the three
//   engines' DATETIME/TIMESTAMP quirks (session time zones, 2038, precision) applies. Elentra's own epoch columns are
//   seconds; convert at the Elentra read model, not here.
// - Booleans: SMALLINT 0/1, typed `Flag` (see tables.ts). PostgreSQL has no implicit int↔bool, so never BOOLEAN.
// - Big integers: BIGINT comes back as a JS number on all three (see open-database.ts); we store nothing near 2^53.
// - Text: indexed strings are varchar(≤191), because a utf8mb4 MySQL index on varchar(255) exceeds the 767/1000-byte
//   key limit of older InnoDB row formats and MyISAM. `longText` is MEDIUMTEXT on MySQL (TEXT stops at 64 KB; an
//   MSAL cache or an error body can be larger) and TEXT elsewhere. JSON is stored as text and parsed in code.
// - MySQL tables are created InnoDB (transactions, row locks: Elentra's own tables are MyISAM) with utf8mb4 and the
//   binary collation, so emoji survive whatever the database default is, and string comparison is case-sensitive
//   as on PostgreSQL and SQLite. Normalise case in code where a lookup must ignore it.
import type {
  AnyColumn,
  CreateTableBuilder,
  Expression,
  InsertQueryBuilder,
  InsertResult,
  Kysely,
  UpdateObject,
} from 'kysely';
import { sql } from 'kysely';
import type { DialectName } from './open-database.js';

export interface ColumnTypes {
  /** Indexed or key text: names, Microsoft ids, offering keys (≤191 characters). */
  readonly key: 'varchar(191)';
  /** Text without an index; up to 64 KB on MySQL. */
  readonly text: 'text';
  /** Text that may be large: encrypted token caches, delta links, error bodies, JSON. */
  readonly longText: 'text' | Expression<unknown>;
  /** A boolean as 0/1. */
  readonly flag: 'smallint';
  /** An instant as epoch milliseconds. */
  readonly instant: 'bigint';
}

/** What DDL helpers need of a Kysely instance; any `Kysely<Tables>` is one, whatever its tables. */
export type SchemaConnection = Pick<Kysely<unknown>, 'schema' | 'getExecutor' | 'introspection'>;

export interface IndexDefinition {
  name: string;
  table: string;
  columns: readonly string[];
  unique?: boolean;
}

export interface Capabilities {
  readonly dialect: DialectName;
  /** For messages: "SQLite", "MariaDB/MySQL", "PostgreSQL". */
  readonly engineName: string;
  readonly types: ColumnTypes;
  /** `INSERT … RETURNING` works (PostgreSQL, SQLite ≥ 3.35); MySQL reports `insertId` instead. */
  readonly supportsReturning: boolean;
  /**
   * A failed `migrate` leaves nothing of its run behind (PostgreSQL, SQLite: one transaction). MySQL commits each
   * CREATE at once, so there migrations are written re-runnable instead (see `createTable`, `createIndex`).
   */
  readonly atomicMigrations: boolean;
  /**
   * Runs a migration batch under a lock that serialises instances, where Kysely's adapter has none. PostgreSQL
   * and MySQL: Kysely takes an advisory lock / GET_LOCK itself, so `work` just runs. SQLite: Kysely assumes one
   * process; we wrap the batch in BEGIN IMMEDIATE … COMMIT on the handle's single connection, which both excludes
   * other processes (they wait up to busy_timeout) and makes the batch atomic.
   */
  withMigrationLock<T>(db: SchemaConnection, work: () => Promise<T>): Promise<T>;

  /** `CREATE TABLE IF NOT EXISTS` with the engine's table options, so a half-run migration can be run again. */
  createTable(db: SchemaConnection, name: string): CreateTableBuilder<string, never>;
  /** Adds an auto-increment primary key `id` (64-bit on every engine). */
  addIdColumn<TB extends string, C extends string>(table: CreateTableBuilder<TB, C>): CreateTableBuilder<TB, C | 'id'>;
  /** `CREATE [UNIQUE] INDEX` unless an index of that name exists (MySQL 8 has no `IF NOT EXISTS` for indexes). */
  createIndex(db: SchemaConnection, index: IndexDefinition): Promise<void>;

  /**
   * Inserts one row, or on a conflict with `conflictColumns` (a primary key or unique index) updates `update`.
   * On MySQL any unique index triggers the update: give each table one natural key.
   * @example
   * await caps.upsert(db.insertInto('scheduler_heartbeats').values(beat), ['host'], { last_beat_at: now, pid });
   */
  upsert<DB, TB extends keyof DB & string>(
    insert: InsertQueryBuilder<DB, TB, InsertResult>,
    conflictColumns: ReadonlyArray<AnyColumn<DB, TB>>,
    update: UpdateObject<DB, TB>,
  ): Promise<void>;
  /**
   * Inserts the row unless it conflicts with a primary key or unique index; true when this call inserted it.
   * Safe under concurrency (exactly one of N racing callers gets true) and inside a transaction.
   * @example
   * const claimed = await caps.insertIfAbsent(db.insertInto('cron_runs').values({ job_name, due_at, … }));
   */
  insertIfAbsent<DB, TB extends keyof DB & string>(insert: InsertQueryBuilder<DB, TB, InsertResult>): Promise<boolean>;
  /** Inserts one row into a table with an auto-increment `id` and returns that id. */
  insertReturningId<DB, TB extends keyof DB & string>(
    insert: InsertQueryBuilder<DB, TB, InsertResult>,
  ): Promise<number>;
  /** The error is a primary-key or unique-index violation. */
  isUniqueViolation(error: unknown): boolean;
}

const COMMON_TYPES = { key: 'varchar(191)', text: 'text', flag: 'smallint', instant: 'bigint' } as const;

function errorField(error: unknown, field: 'code' | 'errno'): unknown {
  return typeof error === 'object' && error !== null && field in error
    ? (error as Record<typeof field, unknown>)[field]
    : undefined;
}

/** Shared by PostgreSQL and SQLite, which both speak `ON CONFLICT`, `RETURNING` and `IF NOT EXISTS` on indexes. */
function onConflictEngine(
  base: Pick<Capabilities, 'dialect' | 'engineName' | 'addIdColumn' | 'isUniqueViolation' | 'withMigrationLock'>,
): Capabilities {
  const caps: Capabilities = {
    ...base,
    types: { ...COMMON_TYPES, longText: 'text' },
    supportsReturning: true,
    atomicMigrations: true,
    createTable: (db, name) => db.schema.createTable(name).ifNotExists(),
    async createIndex(db, index) {
      let builder = db.schema
        .createIndex(index.name)
        .ifNotExists()
        .on(index.table)
        .columns([...index.columns]);
      if (index.unique) builder = builder.unique();
      await builder.execute();
    },
    async upsert(insert, conflictColumns, update) {
      // `update` is typed against the table; ON CONFLICT's builder also admits `excluded.*`, a wider type that TS
      // cannot relate to a generic table, hence the one widening here.
      await insert
        .onConflict((oc) => oc.columns(conflictColumns).doUpdateSet(update as Parameters<typeof oc.doUpdateSet>[0]))
        .execute();
    },
    async insertIfAbsent(insert) {
      // No conflict target: any unique index counts, which is also what MySQL's duplicate-key error means.
      const result = await insert.onConflict((oc) => oc.doNothing()).executeTakeFirst();
      return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },
    async insertReturningId(insert) {
      // The row type of a generic table cannot be named here: check the shape at run time instead.
      const row: unknown = await insert.returning(sql<number>`id`.as('id')).executeTakeFirstOrThrow();
      if (typeof row !== 'object' || row === null || !('id' in row)) throw new Error('INSERT … RETURNING gave no id');
      return Number(row.id);
    },
  };
  return caps;
}

const SQLITE: Capabilities = onConflictEngine({
  dialect: 'sqlite',
  engineName: 'SQLite',
  // INTEGER PRIMARY KEY is the 64-bit rowid; AUTOINCREMENT stops ids of deleted rows being reused (audit trails).
  addIdColumn: (table) => table.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement().notNull()),
  async withMigrationLock(db, work) {
    await sql`begin immediate`.execute(db);
    try {
      const result = await work();
      await sql`commit`.execute(db);
      return result;
    } catch (error) {
      await sql`rollback`.execute(db);
      throw error;
    }
  },
  isUniqueViolation: (error) => {
    const code = errorField(error, 'code');
    return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
  },
});

const POSTGRES: Capabilities = onConflictEngine({
  dialect: 'postgres',
  engineName: 'PostgreSQL',
  // An identity column rather than serial: the SQL-standard form, owned by the table (no loose sequence grants).
  addIdColumn: (table) =>
    table.addColumn('id', 'bigint', (col) => col.primaryKey().generatedByDefaultAsIdentity().notNull()),
  withMigrationLock: (_db, work) => work(),
  isUniqueViolation: (error) => errorField(error, 'code') === '23505',
});

const MYSQL_TABLE_OPTIONS = sql`engine = InnoDB default character set utf8mb4 collate utf8mb4_bin`;

const MYSQL: Capabilities = {
  dialect: 'mysql',
  engineName: 'MariaDB/MySQL',
  types: { ...COMMON_TYPES, longText: sql`mediumtext` },
  supportsReturning: false,
  atomicMigrations: false,
  withMigrationLock: (_db, work) => work(),
  createTable: (db, name) => db.schema.createTable(name).ifNotExists().modifyEnd(MYSQL_TABLE_OPTIONS),
  addIdColumn: (table) => table.addColumn('id', 'bigint', (col) => col.primaryKey().autoIncrement().notNull()),
  async createIndex(db, index) {
    const existing = await sql<{ found: number }>`
      select 1 as found from information_schema.statistics
      where table_schema = database() and table_name = ${index.table} and index_name = ${index.name}
      limit 1`.execute(db);
    if (existing.rows.length > 0) return;
    let builder = db.schema
      .createIndex(index.name)
      .on(index.table)
      .columns([...index.columns]);
    if (index.unique) builder = builder.unique();
    await builder.execute();
  },
  async upsert(insert, _conflictColumns, update) {
    await insert.onDuplicateKeyUpdate(update).execute();
  },
  async insertIfAbsent(insert) {
    // Not INSERT IGNORE: that also turns truncation and NOT NULL errors into warnings and inserts anyway.
    // A duplicate-key error rolls back only its statement in InnoDB, so this is safe inside a transaction too.
    try {
      await insert.execute();
      return true;
    } catch (error) {
      if (MYSQL.isUniqueViolation(error)) return false;
      throw error;
    }
  },
  async insertReturningId(insert) {
    const result = await insert.executeTakeFirstOrThrow();
    if (result.insertId === undefined) {
      throw new Error('MySQL returned no insertId: the table has no auto-increment id');
    }
    return Number(result.insertId);
  },
  isUniqueViolation: (error) => errorField(error, 'code') === 'ER_DUP_ENTRY' || errorField(error, 'errno') === 1062,
};

const BY_DIALECT: Readonly<Record<DialectName, Capabilities>> = { sqlite: SQLITE, mysql: MYSQL, postgres: POSTGRES };

/** The capability object of an engine; `DatabaseHandle.capabilities` already holds the right one. */
export function capabilitiesFor(dialect: DialectName): Capabilities {
  return BY_DIALECT[dialect];
}
