// The database engines the storage tests run on (Kysely's `for (const dialect of DIALECTS)` style), and a fresh,
// uniquely named database per test file on each. SQLite always runs; MariaDB/MySQL when TEST_MYSQL_URL is set;
// PostgreSQL when TEST_PG_URL is set. An engine without its URL is still declared, as a skipped suite whose name
// says why, so a CI log shows what was not covered. The URL names a server (its database part is ignored): tests
// create `et_test_<random>` there and drop it afterwards.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection as createMysqlConnection } from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import {
  type DialectName,
  type IntegrationDatabase,
  migrateToLatest,
  openIntegrationDatabase,
} from '../../src/db/index.js';

export interface TestEngine {
  readonly dialect: DialectName;
  /** For suite names: `SQLite`, `MariaDB`, `PostgreSQL`. */
  readonly label: string;
  /** The server to create databases on; undefined for SQLite (files) and for a skipped engine. */
  readonly serverUrl: string | undefined;
  /** Why the engine's suites are skipped; undefined when they run. */
  readonly skipReason: string | undefined;
}

function serverEngine(dialect: DialectName, label: string, variable: string): TestEngine {
  const serverUrl = process.env[variable] || undefined;
  return { dialect, label, serverUrl, skipReason: serverUrl === undefined ? `${variable} not set` : undefined };
}

export const TEST_ENGINES: readonly TestEngine[] = [
  { dialect: 'sqlite', label: 'SQLite', serverUrl: undefined, skipReason: undefined },
  serverEngine('mysql', 'MariaDB', 'TEST_MYSQL_URL'),
  serverEngine('postgres', 'PostgreSQL', 'TEST_PG_URL'),
];

/**
 * Declares `title on <engine>` once per engine; engines without a server become visible skipped suites.
 * @example
 * describeEachEngine('storage', (engine) => { it('migrates', async () => { … }); });
 */
export function describeEachEngine(title: string, body: (engine: TestEngine) => void): void {
  for (const engine of TEST_ENGINES) {
    if (engine.skipReason === undefined) describe(`${title} on ${engine.label}`, () => body(engine));
    else describe.skip(`${title} on ${engine.label} (skipped: ${engine.skipReason})`, () => body(engine));
  }
}

export interface TestDatabase {
  /** A URL for `openDatabase`. */
  readonly url: string;
  /** `et_test_<random>`: the database (or file) name. */
  readonly name: string;
  /** Removes the database. Close every handle on it first. */
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /**
   * MariaDB/MySQL default character set of the new database (default utf8mb4). Use `latin1` to prove that tables
   * bring their own charset, as on older Elentra servers.
   */
  mysqlCharset?: 'utf8mb4' | 'latin1';
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

function requireServer(engine: TestEngine): string {
  if (engine.serverUrl === undefined) throw new Error(`${engine.label}: ${engine.skipReason ?? 'no server URL'}`);
  return engine.serverUrl;
}

async function createMysqlDatabase(serverUrl: string, name: string, charset: string): Promise<TestDatabase> {
  const admin = async (statement: string): Promise<void> => {
    const connection = await createMysqlConnection({ uri: withDatabase(serverUrl, '') });
    try {
      await connection.query(statement);
    } finally {
      await connection.end();
    }
  };
  await admin(`create database \`${name}\` character set ${charset}`);
  return { url: withDatabase(serverUrl, name), name, drop: () => admin(`drop database if exists \`${name}\``) };
}

async function createPostgresDatabase(serverUrl: string, name: string): Promise<TestDatabase> {
  // CREATE/DROP DATABASE cannot run inside the target database: connect to the maintenance database.
  const admin = async (statement: string): Promise<void> => {
    const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database "${name}"`);
  return {
    url: withDatabase(serverUrl, name),
    name,
    drop: () => admin(`drop database if exists "${name}" with (force)`),
  };
}

function createSqliteDatabase(name: string): TestDatabase {
  const file = join(tmpdir(), `${name}.sqlite`);
  return {
    url: `sqlite:${file}`,
    name,
    drop: async () => {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    },
  };
}

/** Creates an empty database for one test file on `engine`. */
export async function createTestDatabase(engine: TestEngine, options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const name = `et_test_${randomBytes(6).toString('hex')}`;
  if (engine.dialect === 'sqlite') return createSqliteDatabase(name);
  const serverUrl = requireServer(engine);
  if (engine.dialect === 'mysql') return createMysqlDatabase(serverUrl, name, options.mysqlCharset ?? 'utf8mb4');
  return createPostgresDatabase(serverUrl, name);
}

export interface MigratedTestDatabase {
  /** The open, migrated database (throws before the suite's beforeAll has made it). */
  database(): IntegrationDatabase;
  /** Its URL, to open more handles or hand to child processes. */
  url(): string;
}

/**
 * A migrated database on `engine` for the enclosing suite: created, opened and migrated in beforeAll, closed and
 * dropped in afterAll. Call in the suite's body, before hooks that use it.
 * @example
 * describeEachEngine('store', (engine) => { const { database } = useMigratedDatabase(engine); … database().db … });
 */
export function useMigratedDatabase(engine: TestEngine): MigratedTestDatabase {
  let testDb: TestDatabase | undefined;
  let database: IntegrationDatabase | undefined;
  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
    database = await openIntegrationDatabase(testDb.url);
    await migrateToLatest(database);
  });
  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });
  const notYet = (): never => {
    throw new Error(`The ${engine.label} test database is made in beforeAll`);
  };
  return { database: () => database ?? notYet(), url: () => testDb?.url ?? notYet() };
}
