// Opens one Kysely instance on SQLite, MariaDB/MySQL or PostgreSQL, chosen by a URL:
//   sqlite:PATH (relative to the working folder; the folder is created), sqlite::memory:,
//   mysql://user:pass@host:port/db (also mariadb://), postgres://user@host:port/db (also postgresql://).
// Engine differences live in ./capabilities.ts, not in callers.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, MysqlDialect, PostgresDialect, SqliteDialect } from 'kysely';
import { createPool as createMysqlPool } from 'mysql2';
import pg from 'pg';
import { UsageError } from '../lib/errors.js';

export type DialectName = 'sqlite' | 'mysql' | 'postgres';

export interface DatabaseHandle<Tables> {
  db: Kysely<Tables>;
  dialect: DialectName;
  /** The URL with any password replaced by `***`, safe to print. */
  safeUrl: string;
  close(): Promise<void>;
}

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

// PostgreSQL returns BIGINT (int8) as strings by default; our epoch-second columns fit in a double, so parse them.
pg.types.setTypeParser(20, (value: string) => Number.parseInt(value, 10));

export async function openDatabase<Tables>(url: string): Promise<DatabaseHandle<Tables>> {
  const dialect = dialectOf(url);
  const safeUrl = redactUrl(url);
  if (dialect === 'sqlite') {
    const path = url.slice('sqlite:'.length);
    const file = path === ':memory:' ? ':memory:' : resolve(path);
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const sqlite = new SqliteDatabase(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('busy_timeout = 10000');
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
    return { db, dialect, safeUrl, close: () => db.destroy() };
  }
  if (dialect === 'mysql') {
    const normalized = url.replace(/^mariadb:/, 'mysql:');
    const pool = createMysqlPool({
      uri: normalized,
      connectionLimit: 10,
      // Epoch seconds are BIGINT: return them as numbers, and big ones as strings rather than losing precision.
      supportBigNumbers: true,
      bigNumberStrings: false,
      timezone: 'Z',
      charset: 'utf8mb4',
    });
    const db = new Kysely<Tables>({ dialect: new MysqlDialect({ pool }) });
    return { db, dialect, safeUrl, close: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect, safeUrl, close: () => db.destroy() };
}
