// Exactly once across instances, on every engine: five instances (each with its own connection pool) racing for the
// same due time, a live holder blocking a later due time, a killed holder's lease expiring, a lost lease stopping
// its job, and automatic renewal. Separate processes: ./scheduler-processes.test.ts.
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeEach, expect, it } from 'vitest';
import { openIntegrationDatabase } from '../src/db/index.js';
import {
  claimDueRun,
  claimManualRun,
  createJobRegistry,
  ensureCronRows,
  type JobHandler,
  runDueJobs,
  runJobNow,
} from '../src/scheduler/index.js';
import {
  cronRow,
  makeDue,
  manualClock,
  namedInstance,
  runsOf,
  TEST_JOB,
  testContext,
} from '../src/scheduler/testing/scheduler-fixture.js';
import { describeEachEngine, useMigratedDatabase } from './support/databases.js';

const MIDNIGHT = Date.parse('2026-01-10T05:00:00Z');
const DAY_MS = 86_400_000;
const CONTENDERS = 5;
const ROUNDS = 5;

describeEachEngine('scheduler leases', (engine) => {
  const { database, url } = useMigratedDatabase(engine);
  beforeEach(async () => {
    await database().db.deleteFrom('cron_runs').execute();
    await database().db.deleteFrom('cron').execute();
    await ensureCronRows(database(), createJobRegistry());
  });

  // Not declared on SQLite: better-sqlite3 blocks the whole thread while one connection waits for another's write
  // lock, so SQLite connections in one process cannot race. SQLite's race runs as five separate processes in
  // scheduler-processes.test.ts (as do MariaDB's and PostgreSQL's).
  const itOnServerEngines = engine.dialect === 'sqlite' ? () => {} : it;
  itOnServerEngines(
    `${CONTENDERS} instances with their own pools, ${ROUNDS} due times: each due time runs exactly once`,
    async () => {
      const handles = await Promise.all(Array.from({ length: CONTENDERS }, () => openIntegrationDatabase(url())));
      try {
        let calls = 0;
        const handler: JobHandler = async () => {
          calls += 1;
          await sleep(30); // still running while the losers' claims arrive
          return { summary: {} };
        };
        for (let round = 0; round < ROUNDS; round += 1) {
          const dueAt = MIDNIGHT + round * DAY_MS;
          await makeDue(database(), dueAt);
          const clock = manualClock(new Date(dueAt + 2_000).toISOString());
          const contexts = handles.map((handle, index) =>
            testContext(handle, {
              clock: clock.now,
              instance: namedInstance(`host-${index}`),
              handlers: { [TEST_JOB]: handler },
            }),
          );
          const reports = await Promise.all(contexts.map((context) => runDueJobs(context)));
          expect(reports.flatMap((report) => report.runs)).toHaveLength(1);
        }
        expect(calls).toBe(ROUNDS);
        const runs = await runsOf(database());
        expect(runs.map((run) => run.due_at)).toEqual(Array.from({ length: ROUNDS }, (_, i) => MIDNIGHT + i * DAY_MS));
        expect(runs.every((run) => run.status === 'ok')).toBe(true);
      } finally {
        await Promise.all(handles.map((handle) => handle.close()));
      }
    },
  );

  it('a live holder blocks a later due time; after it finishes, the job runs once', async () => {
    const clock = manualClock('2026-01-10T05:00:01Z');
    let finishFirst: () => void = () => {};
    let calls = 0;
    const handler: JobHandler = async () => {
      calls += 1;
      if (calls === 1) await new Promise<void>((resolve) => (finishFirst = resolve));
      return { summary: { call: calls } };
    };
    const hostA = testContext(database(), { clock: clock.now, handlers: { [TEST_JOB]: handler } });
    const hostB = testContext(database(), {
      clock: clock.now,
      instance: namedInstance('host-b'),
      handlers: { [TEST_JOB]: handler },
    });
    await makeDue(database(), MIDNIGHT, '* * * * *');
    const longRun = runDueJobs(hostA);
    await expect.poll(() => calls).toBe(1);

    clock.advance(3 * 60_000); // three more due times pass while host-a is still running
    expect((await runDueJobs(hostB)).runs).toEqual([]);
    expect((await runJobNow(hostB, TEST_JOB, { who: { actor: 'cli:ops' } })).kind).toBe('busy');

    finishFirst();
    expect((await longRun).runs).toHaveLength(1);
    const next = await runDueJobs(hostB);
    expect(next.runs.map((run) => [run.status, run.dueAt])).toEqual([['ok', Date.parse('2026-01-10T05:03:00Z')]]);
    expect((await runDueJobs(hostB)).runs).toEqual([]);
    expect(calls).toBe(2);
  });

  it("a killed holder's lease expires: the job runs at its next due time and the dead run is marked abandoned", async () => {
    const clock = manualClock('2026-01-10T05:00:01Z');
    const hostA = testContext(database(), { clock: clock.now, leaseMs: 60_000 });
    await makeDue(database(), MIDNIGHT);
    // host-a claims and is killed before it records anything: no release, no renewal.
    const claim = await claimDueRun(hostA, {
      jobName: TEST_JOB,
      observedNextDueAt: MIDNIGHT,
      dueAt: MIDNIGHT,
      nextDueAt: MIDNIGHT + DAY_MS,
      nowMs: clock.now(),
    });
    expect(claim).toBeDefined();

    const hostB = testContext(database(), {
      clock: clock.now,
      instance: namedInstance('host-b'),
      handlers: { [TEST_JOB]: async () => ({ summary: {} }) },
    });
    clock.advance(30_000);
    expect(await claimManualRun(hostB, { jobName: TEST_JOB, nowMs: clock.now(), requestedBy: 'test' })).toBeUndefined();

    clock.set('2026-01-11T05:00:01Z');
    const report = await runDueJobs(hostB);
    expect(report.runs.map((run) => [run.status, run.dueAt])).toEqual([['ok', MIDNIGHT + DAY_MS]]);
    const runs = await runsOf(database());
    expect(runs.map((run) => [run.host, run.status])).toEqual([
      ['host-a', 'error'],
      ['host-b', 'ok'],
    ]);
    expect(runs[0]?.error).toMatch(/^Abandoned: the process running it stopped renewing its lease/);
    expect((await cronRow(database())).lease_owner).toBeNull();
  });

  it('a holder that lost its lease stops at its next renewal and leaves the new holder alone', async () => {
    const clock = manualClock('2026-01-10T05:00:01Z');
    const hostB = testContext(database(), { clock: clock.now, instance: namedInstance('host-b') });
    const hostA = testContext(database(), {
      clock: clock.now,
      leaseMs: 60_000,
      handlers: {
        [TEST_JOB]: async (job) => {
          clock.advance(61_000); // paused past its lease…
          await claimManualRun(hostB, { jobName: TEST_JOB, nowMs: clock.now(), requestedBy: 'test' }); // …taken over
          await job.renewLease();
          return { summary: {} };
        },
      },
    });
    await makeDue(database(), MIDNIGHT);
    const report = await runDueJobs(hostA);
    expect(report.runs[0]?.status).toBe('error');
    expect(report.runs[0]?.error).toMatch(/^Lost the lease on microsoft:sync-teams/);
    expect((await cronRow(database())).lease_owner).toBe('host-b:1:test');
  });

  it('a running job renews its lease every lease/3, so no one else can take it', async () => {
    const leaseMs = 300;
    let expiries: Array<number | null> = [];
    const other = testContext(database(), { instance: namedInstance('host-b'), leaseMs });
    const context = testContext(database(), {
      leaseMs,
      handlers: {
        [TEST_JOB]: async () => {
          for (let i = 0; i < 5; i += 1) {
            await sleep(150);
            expiries.push((await cronRow(database())).lease_expires_at);
            const stolen = await claimManualRun(other, { jobName: TEST_JOB, nowMs: Date.now(), requestedBy: 'test' });
            if (stolen) throw new Error('another instance took a lease that was being renewed');
          }
          return { summary: {} };
        },
      },
    });
    await makeDue(database(), Date.now() - 1_000, '0 0 1 1 *');
    const report = await runDueJobs(context);
    expect(report.runs[0]?.status).toBe('ok');
    expiries = expiries.filter((expiry) => expiry !== null);
    expect(new Set(expiries).size).toBeGreaterThan(2);
    expect((await cronRow(database())).lease_owner).toBeNull();
  });
});
