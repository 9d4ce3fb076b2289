// openDatabase's URL handling: which engine a DATABASE_URL means, and that printed URLs never carry a password.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_ENGINES } from '../../test/support/databases.js';
import { UsageError } from '../lib/errors.js';
import { dialectOf, openDatabase, redactUrl } from './open-database.js';

describe('dialectOf', () => {
  it.each([
    ['sqlite:data/elentra-teams.sqlite', 'sqlite'],
    ['sqlite::memory:', 'sqlite'],
    ['mysql://root@127.0.0.1:3306/elentra_teams', 'mysql'],
    ['mariadb://u:p@db/elentra_teams', 'mysql'],
    ['postgres://postgres@127.0.0.1:5432/elentra_teams', 'postgres'],
    ['postgresql://u@db/elentra_teams', 'postgres'],
  ])('%s is %s', (url, dialect) => {
    expect(dialectOf(url)).toBe(dialect);
  });

  it('refuses anything else with a usage error that shows the accepted forms, without the password', () => {
    const attempt = () => dialectOf('mssql://sa:hunter2@db/elentra');
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(/sqlite:PATH/);
    expect(attempt).not.toThrow(/hunter2/);
  });
});

describe('redactUrl', () => {
  it.each([
    ['mysql://root:s3cr%40t@db:3306/x', 'mysql://root:***@db:3306/x'],
    ['postgres://postgres@db/x', 'postgres://postgres@db/x'],
    ['sqlite:data/x.sqlite', 'sqlite:data/x.sqlite'],
  ])('%s → %s', (url, safe) => {
    expect(redactUrl(url)).toBe(safe);
  });
});

// Only PostgreSQL's pool emits 'error' for a connection the server ends while idle; MariaDB's pool drops it quietly.
const postgresUrl = process.env.TEST_PG_URL;
describe.skipIf(!postgresUrl)(
  `a PostgreSQL connection ended by the server${postgresUrl ? '' : ' (skipped: TEST_PG_URL not set)'}`,
  () => {
    it('does not stop the process, and the next query reconnects', async () => {
      const engine = TEST_ENGINES.find((candidate) => candidate.dialect === 'postgres');
      if (!engine) throw new Error('no PostgreSQL engine');
      const testDb = await createTestDatabase(engine);
      const handle = await openDatabase<Record<string, never>>(testDb.url);
      const uncaught: unknown[] = [];
      const onUncaught = (error: unknown) => uncaught.push(error);
      process.on('uncaughtException', onUncaught);
      try {
        const first = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(handle.db);
        const pid = first.rows[0]?.pid;
        const admin = await openDatabase<Record<string, never>>(testDb.url);
        await sql`select pg_terminate_backend(${pid})`.execute(admin.db);
        await admin.close();
        await new Promise((resolve) => setTimeout(resolve, 200));
        const again = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
        expect(again.rows[0]?.one).toBe(1);
        expect(uncaught).toEqual([]);
      } finally {
        process.off('uncaughtException', onUncaught);
        await handle.close();
        await testDb.drop();
      }
    });
  },
);

describe('SQLite prepared statements, reused per SQL text', () => {
  it('answers each query right when texts repeat, when more texts than the cache holds come and go, and after a schema change', async () => {
    const handle = await openDatabase<Record<string, never>>('sqlite::memory:');
    try {
      await sql`create table t (id integer primary key, v text)`.execute(handle.db);
      for (let i = 0; i < 300; i += 1) await sql`insert into t (id, v) values (${i}, ${`v${i}`})`.execute(handle.db);
      // 300 distinct texts (the cache keeps 256), then the first ones again.
      for (let n = 1; n <= 300; n += 1) {
        const rows = await sql<{ c: number }>`select count(*) as c from t where id < ${sql.raw(String(n))}`.execute(
          handle.db,
        );
        expect(rows.rows[0]?.c).toBe(n);
      }
      const again = await sql<{ c: number }>`select count(*) as c from t where id < ${sql.raw('3')}`.execute(handle.db);
      expect(again.rows[0]?.c).toBe(3);
      // A column added after the statement was cached: the cached `select *` sees it.
      const star = () => sql<Record<string, unknown>>`select * from t where id = ${1}`.execute(handle.db);
      expect(Object.keys((await star()).rows[0] ?? {})).toEqual(['id', 'v']);
      await sql`alter table t add column w text default 'x'`.execute(handle.db);
      expect((await star()).rows[0]).toEqual({ id: 1, v: 'v1', w: 'x' });
    } finally {
      await handle.db.destroy();
    }
  });
});
