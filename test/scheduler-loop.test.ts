// The long-running scheduler (schedule:work's loop, and npm start's in-process scheduler): it ticks at once and
// then just after each minute boundary, and stop() aborts the running job, records it and releases its lease.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IntegrationDatabase, migrateToLatest, openIntegrationDatabase } from '../src/db/index.js';
import { createJobRegistry, ensureCronRows, msUntilNextTick, startInProcessScheduler } from '../src/scheduler/index.js';
import { cronRow, makeDue, runsOf, TEST_JOB } from '../src/scheduler/testing/scheduler-fixture.js';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from './support/databases.js';

describe('msUntilNextTick', () => {
  it.each([
    ['2026-01-10T12:00:00.000Z', 60_500],
    ['2026-01-10T12:00:30.000Z', 30_500],
    ['2026-01-10T12:00:59.900Z', 600],
  ])('at %s waits %i ms: half a second past the next minute', (now, wait) => {
    expect(msUntilNextTick(Date.parse(now))).toBe(wait);
  });
});

describe('startInProcessScheduler (SQLite)', () => {
  let testDb: TestDatabase;
  let database: IntegrationDatabase;
  const sqlite = TEST_ENGINES.find((engine) => engine.dialect === 'sqlite');

  beforeAll(async () => {
    if (sqlite === undefined) throw new Error('SQLite is always a test engine');
    testDb = await createTestDatabase(sqlite);
    database = await openIntegrationDatabase(testDb.url);
    await migrateToLatest(database);
    await ensureCronRows(database, createJobRegistry());
  });
  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  it('runs what is due at start; stop() aborts the job, records it and releases the lease', async () => {
    await makeDue(database, Date.now() - 1_000, '0 0 1 1 *');
    let started: () => void = () => {};
    const running = new Promise<void>((resolve) => (started = resolve));
    const registry = createJobRegistry({
      [TEST_JOB]: async (job) => {
        started();
        await new Promise((resolve) => job.signal.addEventListener('abort', resolve));
        job.signal.throwIfAborted();
        return { summary: {} };
      },
    });
    const scheduler = startInProcessScheduler({ db: database, registry, config: { DEFAULT_TIMEZONE: 'UTC' } });
    await running;
    expect((await cronRow(database)).lease_owner).not.toBeNull();
    await scheduler.stop();
    const [run] = await runsOf(database);
    expect(run).toMatchObject({
      status: 'error',
      error: 'Stopped before it finished: the web server is shutting down. The next run picks the work up again.',
    });
    expect((await cronRow(database)).lease_owner).toBeNull();
    const beats = await database.db.selectFrom('scheduler_heartbeats').selectAll().execute();
    expect(beats).toHaveLength(1);
  });
});
