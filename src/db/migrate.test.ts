// migrateToLatest on every engine: from empty, again (no-op), several instances at once, and a failing migration
// that must be reported by name with the database's message and leave a database the next run can finish.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../test/support/databases.js';
import { bundleScript, runNode } from '../../test/support/run-script.js';
import {
  type DatabaseHandle,
  INTEGRATION_MIGRATIONS,
  MigrationError,
  type MigrationSet,
  migrateToLatest,
  openDatabase,
} from './index.js';
import type { IntegrationTables } from './tables.js';

/** Every integration migration, in run order. */
const MIGRATION_NAMES = Object.keys(INTEGRATION_MIGRATIONS.migrations).sort();

const INTEGRATION_TABLE_NAMES: ReadonlyArray<keyof IntegrationTables> = [
  'cron',
  'cron_runs',
  'scheduler_heartbeats',
  'service_tokens',
  'web_accounts',
  'oauth_states',
  'ms_user_links',
  'ms_teams',
  'ms_team_members',
  'ms_events',
  'sync_runs',
  'sync_offering_results',
  'held_removals',
  'audit_log',
];

async function tableNames(handle: DatabaseHandle<unknown>): Promise<string[]> {
  const tables = await handle.db.introspection.getTables({ withInternalKyselyTables: true });
  return tables.map((table) => table.name).sort();
}

const okStep: MigrationSet['migrations'][string] = {
  async up(db, caps) {
    await caps
      .createTable(db, 'probe_ok')
      .addColumn('id', 'integer', (col) => col.primaryKey())
      .execute();
  },
};

function probeSet(second: MigrationSet['migrations'][string]): MigrationSet {
  return {
    tableName: 'probe_migrations',
    lockTableName: 'probe_migrations_lock',
    migrations: { '0001_ok': okStep, '0002_second': second },
  };
}

const brokenStep: MigrationSet['migrations'][string] = {
  async up(db) {
    await sql`select * from no_such_table_for_probe`.execute(db);
  },
};

const fixedStep: MigrationSet['migrations'][string] = {
  async up(db, caps) {
    await caps.createTable(db, 'probe_fixed').addColumn('id', 'integer').execute();
  },
};

describeEachEngine('migrations', (engine) => {
  let database: TestDatabase;
  const handles: Array<DatabaseHandle<unknown>> = [];

  async function open(): Promise<DatabaseHandle<unknown>> {
    const handle = await openDatabase<unknown>(database.url);
    handles.push(handle);
    return handle;
  }

  beforeEach(async () => {
    database = await createTestDatabase(engine);
  });

  afterEach(async () => {
    for (const handle of handles.splice(0)) await handle.close();
    await database.drop();
  });

  it('creates every integration table from empty, in its own bookkeeping tables', async () => {
    const handle = await open();
    const outcome = await migrateToLatest(handle);
    expect(outcome).toEqual({ applied: [...MIGRATION_NAMES], alreadyUpToDate: false });
    expect(await tableNames(handle)).toEqual(
      [...INTEGRATION_TABLE_NAMES, 'elentra_teams_migrations', 'elentra_teams_migrations_lock'].sort(),
    );
  });

  it('is a no-op the second time', async () => {
    const handle = await open();
    await migrateToLatest(handle);
    expect(await migrateToLatest(handle)).toEqual({ applied: [], alreadyUpToDate: true });
    const rows = await sql<{ name: string }>`select name from elentra_teams_migrations`.execute(handle.db);
    expect(rows.rows.map((row) => row.name)).toEqual([...MIGRATION_NAMES]);
  });

  it('applies each migration once when several processes start together', async () => {
    const script = await bundleScript('test/support/children/migrate-child.ts');
    try {
      const startAt = String(Date.now() + 1_500);
      const runs = await Promise.all(Array.from({ length: 3 }, () => runNode(script.file, [database.url, startAt])));
      const outcomes = runs.map((run) => JSON.parse(run.stdout || JSON.stringify({ error: run.stderr })));
      expect(outcomes.flatMap((outcome) => outcome.applied ?? [outcome.error])).toEqual([...MIGRATION_NAMES]);
      expect(outcomes.filter((outcome) => outcome.alreadyUpToDate === true)).toHaveLength(2);
    } finally {
      script.remove();
    }
  });

  it('upgrades a database at 0002 to the latest: ms_teams rows kept, web_url added (null), and removable', async () => {
    const handle = await open();
    const upTo0002: MigrationSet = {
      ...INTEGRATION_MIGRATIONS,
      migrations: Object.fromEntries(
        Object.entries(INTEGRATION_MIGRATIONS.migrations).filter(([name]) => name < '0003'),
      ),
    };
    await migrateToLatest(handle, upTo0002);
    await sql`insert into ms_teams (offering_key, course_id, cperiod_id, mail_nickname, display_name, status, created_at)
      values ('course:1:period:1', 1, 1, 'elentra-x-c1-p1', 'X', 'current', 5)`.execute(handle.db);
    const upgrade = await migrateToLatest(handle);
    expect(upgrade.applied).toContain('0003_ms_teams_web_url');
    const rows = await sql<{ offering_key: string; web_url: string | null }>`
      select offering_key, web_url from ms_teams`.execute(handle.db);
    expect(rows.rows).toEqual([{ offering_key: 'course:1:period:1', web_url: null }]);
    const step = INTEGRATION_MIGRATIONS.migrations['0003_ms_teams_web_url'];
    await step?.down?.(handle.db, handle.capabilities);
    const tables = await handle.db.introspection.getTables();
    const columns = tables.find((table) => table.name === 'ms_teams')?.columns.map((column) => column.name) ?? [];
    expect(columns).toContain('period_finish_at');
    expect(columns).not.toContain('web_url');
    // "Add if absent": running it again (a half-finished MySQL run) adds the column back and changes nothing else.
    await step?.up(handle.db, handle.capabilities);
    await step?.up(handle.db, handle.capabilities);
    const again = await sql<{ web_url: string | null }>`select web_url from ms_teams`.execute(handle.db);
    expect(again.rows).toEqual([{ web_url: null }]);
  });

  it('names the failed migration and the database error, keeps what the engine kept, and finishes next time', async () => {
    const handle = await open();
    const failure = await migrateToLatest(handle, probeSet(brokenStep)).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(MigrationError);
    if (!(failure instanceof MigrationError)) return;
    expect(failure.migrationName).toBe('0002_second');
    expect(failure.message).toContain('"0002_second"');
    expect(failure.message).toContain('no_such_table_for_probe');
    expect(failure.code).toBe('db.migration_failed');

    // What the error says was kept is exactly what the bookkeeping table recorded, and what exists. (On SQLite the
    // whole run rolls back, bookkeeping tables included.)
    const tables = await tableNames(handle);
    const recorded = tables.includes('probe_migrations')
      ? (await sql<{ name: string }>`select name from probe_migrations`.execute(handle.db)).rows.map((row) => row.name)
      : [];
    expect(recorded).toEqual(failure.applied);
    expect(tables.includes('probe_ok')).toBe(failure.applied.includes('0001_ok'));

    const retry = await migrateToLatest(handle, probeSet(fixedStep));
    expect(retry.applied).toEqual([...(failure.applied.includes('0001_ok') ? [] : ['0001_ok']), '0002_second']);
    expect(await tableNames(handle)).toEqual(expect.arrayContaining(['probe_ok', 'probe_fixed']));
  });
});

describe('migrateToLatest without a server', () => {
  it('reports an unreachable server as a MigrationError naming the engine and the address', async () => {
    // Port 1 on localhost refuses at once: no server needed.
    const handle = await openDatabase<unknown>('mysql://root:secret@127.0.0.1:1/elentra_teams');
    try {
      const failure = await migrateToLatest(handle).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(MigrationError);
      if (!(failure instanceof MigrationError)) return;
      expect(failure.migrationName).toBeUndefined();
      expect(failure.message).toContain('MariaDB/MySQL (mysql://root:***@127.0.0.1:1/elentra_teams)');
      expect(failure.message).toContain('ECONNREFUSED');
      expect(failure.message).not.toContain('secret');
    } finally {
      await handle.close();
    }
  });
});

describe('the integration migration set', () => {
  it('keeps its names in run order (Kysely sorts them)', () => {
    const names = Object.keys(INTEGRATION_MIGRATIONS.migrations);
    expect(names).toEqual([...names].sort());
    for (const name of names) expect(name).toMatch(/^\d{4}_[a-z0-9_]+$/);
  });
});
