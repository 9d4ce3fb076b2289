// Opens one Kysely instance on SQLite, MariaDB/MySQL or PostgreSQL, chosen by a URL:
//   sqlite:PATH (relative to the working folder; the folder is created), sqlite::memory:,
//   mysql://user:pass@host:port/db (also mariadb://), postgres://user@host:port/db (also postgresql://).
// Drivers are set up so that every engine returns the same JS types (numbers for BIGINT, strings for text);
// the remaining engine differences live in ./capabilities.ts, not in callers.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  Kysely,
  MysqlDialect,
  PostgresDialect,
  SqliteDialect,
  type SqliteDatabase as SqliteDialectDatabase,
} from 'kysely';
import { createPool as createMysqlPool } from 'mysql2';
import pg from 'pg';
import { UsageError } from '../lib/errors.js';
import { type Capabilities, capabilitiesFor } from './capabilities.js';

export type DialectName = 'sqlite' | 'mysql' | 'postgres';

export interface DatabaseHandle<Tables> {
  db: Kysely<Tables>;
  dialect: DialectName;
  /** Upsert, insert-if-absent, column types: what differs between engines. */
  capabilities: Capabilities;
  /** The URL with any password replaced by `***`, safe to print. */
  safeUrl: string;
  close(): Promise<void>;
}

/** Connections per pool (MySQL, PostgreSQL): enough for a sync's bounded concurrency, small for shared servers. */
const POOL_SIZE = 10;
/** How long SQLite waits for another process's write lock before failing with SQLITE_BUSY. */
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

export function dialectOf(url: string): DialectName {
  if (url.startsWith('sqlite:')) return 'sqlite';
  if (/^(mysql|mariadb):\/\//.test(url)) return 'mysql';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres';
  throw new UsageError(
    `The database URL "${redactUrl(url)}" is not one this program understands. ` +
      'Use sqlite:PATH, mysql://user:password@host:3306/database or postgres://user@host:5432/database.',
    { code: 'config.database_url' },
  );
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]*)@/, '//$1:***@');
}

/**
 * PostgreSQL returns BIGINT (int8: our epoch-millisecond columns, ids, `count(*)`) and NUMERIC (`sum(bigint)`) as
 * strings, to be safe beyond 2^53. Our values stay far below that, so parse them, as mysql2 and better-sqlite3 do.
 * Set per pool rather than on the global `pg.types`, so another pg user in the process is not affected.
 */
function postgresTypes(): pg.TypeOverrides {
  const types = new pg.TypeOverrides();
  types.setTypeParser(pg.types.builtins.INT8, (value: string) => {
    const parsed = Number(value);
    if (!Number.isSafeInteger(parsed)) throw new RangeError(`BIGINT ${value} does not fit a JavaScript number`);
    return parsed;
  });
  types.setTypeParser(pg.types.builtins.NUMERIC, (value: string) => Number(value));
  return types;
}

function openSqlite<Tables>(url: string): Kysely<Tables> {
  const path = url.slice('sqlite:'.length);
  const file = path === ':memory:' ? ':memory:' : resolve(path);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  // WAL lets the web server read while a sync writes; busy_timeout makes a second process wait instead of failing.
  sqlite.pragma('journal_mode = WAL');
  // NORMAL in WAL mode survives a crash of the process; a power loss may drop the last commits, which the next sync
  // repairs (look-up before create, the same transactionId) and which cannot lose the Microsoft grant (an earlier
  // refresh token stays valid). FULL would cost a disk flush per commit: ~0.4 ms against ~0.03 ms per meeting row.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  sqlite.pragma('foreign_keys = ON');
  return new Kysely<Tables>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}

/** Prepared statements kept per SQL text; the oldest is dropped beyond this many (IN lists make the texts vary). */
const SQLITE_STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely's SQLite driver prepares every query anew; better-sqlite3's prepare costs more than running a small query
 * (a quarter of the event sync's SQLite time when it writes 4,000 meeting rows). Statements are reused per SQL text
 * instead: safe because better-sqlite3 runs each to completion synchronously and we never stream (iterate) results,
 * and SQLite re-prepares a cached statement by itself after a schema change (a migration).
 */
function withStatementCache(sqlite: SqliteDatabase.Database): SqliteDialectDatabase {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare: (text: string) => {
      let statement = cache.get(text);
      if (statement === undefined) {
        statement = sqlite.prepare(text);
        if (cache.size >= SQLITE_STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      } else {
        cache.delete(text);
      }
      cache.set(text, statement);
      return statement;
    },
  };
}

function openMysql<Tables>(url: string): Kysely<Tables> {
  const pool = createMysqlPool({
    uri: url.replace(/^mariadb:/, 'mysql:'),
    connectionLimit: POOL_SIZE,
    // BIGINT as numbers (and, beyond 2^53, as strings rather than wrong numbers); SUM() yields DECIMAL: a number too.
    supportBigNumbers: true,
    bigNumberStrings: false,
    decimalNumbers: true,
    timezone: 'Z',
    // utf8mb4, not MySQL's 3-byte "utf8": emoji and rare CJK characters in names and titles.
    charset: 'utf8mb4',
  });
  return new Kysely<Tables>({ dialect: new MysqlDialect({ pool }) });
}

function openPostgres<Tables>(url: string): Kysely<Tables> {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, types: postgresTypes() });
  // An idle connection that the server ends (a restart, a failover, an administrator's pg_terminate_backend) makes
  // the pool emit 'error'; unheard, Node turns that into an uncaught exception that stops the whole service. The pool
  // has already dropped the broken connection and the next query opens a new one, so there is nothing else to do.
  pool.on('error', () => {});
  return new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * Opens the database at `url`. Nothing is created or migrated: call `migrateToLatest(handle)` for that.
 * @example
 * const handle = await openDatabase<IntegrationTables>('sqlite:data/elentra-teams.sqlite');
 * try { await handle.db.selectFrom('cron').selectAll().execute(); } finally { await handle.close(); }
 */
export async function openDatabase<Tables>(url: string): Promise<DatabaseHandle<Tables>> {
  const dialect = dialectOf(url);
  const db =
    dialect === 'sqlite'
      ? openSqlite<Tables>(url)
      : dialect === 'mysql'
        ? openMysql<Tables>(url)
        : openPostgres<Tables>(url);
  return {
    db,
    dialect,
    capabilities: capabilitiesFor(dialect),
    safeUrl: redactUrl(url),
    close: () => db.destroy(),
  };
}
