// The engine-neutral write helpers on every engine: upsert, insert-if-absent (the scheduler's claim on a due time,
// raced by ten connections), insert-returning-id, unique-violation detection, and UPDATE row counts for leases.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../test/support/databases.js';
import { type IntegrationDatabase, migrateToLatest, openIntegrationDatabase } from './index.js';

const NOW = 1_767_225_600_123;
const CONTENDERS = 10;

function runRow(dueAt: number, host: string) {
  return {
    job_name: 'microsoft:sync-teams',
    due_at: dueAt,
    started_at: NOW,
    status: 'running' as const,
    host,
    pid: 1,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

describeEachEngine('capabilities', (engine) => {
  let database: TestDatabase;
  let handle: IntegrationDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    handle = await openIntegrationDatabase(database.url);
    await migrateToLatest(handle);
  });

  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });

  it('upsert inserts, then updates only the given columns', async () => {
    const { db, capabilities } = handle;
    const beat = { host: 'host-a', last_beat_at: NOW, pid: 100 };
    await capabilities.upsert(db.insertInto('scheduler_heartbeats').values(beat), ['host'], {
      last_beat_at: NOW,
      pid: 100,
    });
    await capabilities.upsert(
      db.insertInto('scheduler_heartbeats').values({ ...beat, last_beat_at: NOW + 60_000, pid: 7 }),
      ['host'],
      {
        last_beat_at: NOW + 60_000,
      },
    );
    const rows = await db.selectFrom('scheduler_heartbeats').selectAll().where('host', '=', 'host-a').execute();
    expect(rows).toEqual([{ host: 'host-a', last_beat_at: NOW + 60_000, pid: 100 }]);
  });

  it(`insertIfAbsent lets exactly one of ${CONTENDERS} racing connections claim a due time`, async () => {
    // Separate handles, i.e. separate connections (pools), as separate scheduler processes would have.
    const contenders = await Promise.all(
      Array.from({ length: CONTENDERS }, () => openIntegrationDatabase(database.url)),
    );
    try {
      await Promise.all(contenders.map((contender) => contender.db.selectFrom('cron_runs').select('id').execute()));
      const claims = await Promise.all(
        contenders.map((contender, index) =>
          contender.capabilities.insertIfAbsent(
            contender.db.insertInto('cron_runs').values(runRow(NOW, `host-${index}`)),
          ),
        ),
      );
      expect(claims.filter((claimed) => claimed)).toHaveLength(1);
      const rows = await handle.db.selectFrom('cron_runs').select('host').where('due_at', '=', NOW).execute();
      expect(rows).toEqual([{ host: `host-${claims.indexOf(true)}` }]);
    } finally {
      await Promise.all(contenders.map((contender) => contender.close()));
    }
  });

  it('insertIfAbsent inside a transaction: a lost claim does not spoil the transaction', async () => {
    const { db, capabilities } = handle;
    const dueAt = NOW + 1;
    expect(await capabilities.insertIfAbsent(db.insertInto('cron_runs').values(runRow(dueAt, 'first')))).toBe(true);
    await db.transaction().execute(async (trx) => {
      expect(await capabilities.insertIfAbsent(trx.insertInto('cron_runs').values(runRow(dueAt, 'second')))).toBe(
        false,
      );
      await trx.insertInto('audit_log').values({ at: NOW, actor: 'test', action: 'after-lost-claim' }).execute();
    });
    const audit = await db.selectFrom('audit_log').select('action').where('action', '=', 'after-lost-claim').execute();
    expect(audit).toHaveLength(1);
  });

  it('insertIfAbsent reports other errors instead of swallowing them', async () => {
    const { db, capabilities } = handle;
    // A result for a run that does not exist violates the foreign key: an error, not "already there".
    const orphan = db
      .insertInto('sync_offering_results')
      .values({ run_id: 999_999, offering_key: 'course:1:period:1', status: 'ok' });
    await expect(capabilities.insertIfAbsent(orphan)).rejects.toThrow();
  });

  it('insertReturningId returns increasing numeric ids', async () => {
    const { db, capabilities } = handle;
    const insert = () =>
      capabilities.insertReturningId(db.insertInto('audit_log').values({ at: NOW, actor: 'test', action: 'id' }));
    const first = await insert();
    const second = await insert();
    expect(typeof first).toBe('number');
    expect(second).toBeGreaterThan(first);
  });

  it('isUniqueViolation recognises a duplicate key and nothing else', async () => {
    const { db, capabilities } = handle;
    const account = { username: 'dup', password_hash: 'x', role: 'staff' as const, created_at: NOW };
    await db.insertInto('web_accounts').values(account).execute();
    const duplicate = await db
      .insertInto('web_accounts')
      .values(account)
      .execute()
      .catch((error: unknown) => error);
    expect(capabilities.isUniqueViolation(duplicate), messageOf(duplicate)).toBe(true);
    const missingTable = await sql`select * from no_such_table`.execute(db).catch((error: unknown) => error);
    expect(capabilities.isUniqueViolation(missingTable)).toBe(false);
  });

  it('UPDATE counts rows matched, not rows changed, so a lease renewal with the same expiry still counts', async () => {
    const { db } = handle;
    await db.insertInto('cron').values({ name: 'lease-probe', schedule: '* * * * *', updated_at: NOW }).execute();
    const take = (owner: string) =>
      db
        .updateTable('cron')
        .set({ lease_owner: owner, lease_expires_at: NOW + 60_000 })
        .where('name', '=', 'lease-probe')
        .where((eb) =>
          eb.or([eb('lease_owner', 'is', null), eb('lease_owner', '=', owner), eb('lease_expires_at', '<', NOW)]),
        )
        .executeTakeFirst();
    expect((await take('a')).numUpdatedRows).toBe(1n);
    expect((await take('a')).numUpdatedRows).toBe(1n);
    expect((await take('b')).numUpdatedRows).toBe(0n);
  });
});
