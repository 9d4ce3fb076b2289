// Separate operating-system processes, as on several servers: five `schedule:run`s started at the same instant run
// a due job exactly once on each engine; a `schedule:run` killed mid-job leaves a lease that expires so the next
// run takes over; `schedule:work` stops on SIGTERM, recording the job as stopped and releasing its lease.
import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createJobRegistry, DEFAULT_LEASE_MS, ensureCronRows, runDueJobs } from '../src/scheduler/index.js';
import {
  cronRow,
  makeDue,
  namedInstance,
  runsOf,
  TEST_JOB,
  testContext,
} from '../src/scheduler/testing/scheduler-fixture.js';
import { describeEachEngine, useMigratedDatabase } from './support/databases.js';
import { type BundledScript, bundleScript, runNode } from './support/run-script.js';

const PROCESSES = 5;

let child: BundledScript;
beforeAll(async () => {
  child = await bundleScript('src/scheduler/testing/schedule-child.ts');
});
afterAll(() => child?.remove());

function start(
  url: string,
  mode: 'hold' | 'work',
): { process: ChildProcess; started: Promise<void>; exited: Promise<number | null> } {
  const proc = spawn(process.execPath, [child.file, url, String(Date.now()), mode], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const started = new Promise<void>((resolve, reject) => {
    proc.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (output.includes('started\n')) resolve();
    });
    proc.on('exit', () => reject(new Error(`child exited before starting the job: ${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { process: proc, started, exited };
}

describeEachEngine('scheduler processes', (engine) => {
  const { database, url } = useMigratedDatabase(engine);
  beforeEach(async () => {
    for (const table of ['cron_runs', 'cron', 'audit_log'] as const) await database().db.deleteFrom(table).execute();
    await ensureCronRows(database(), createJobRegistry());
  });

  const handlerCalls = async () =>
    (await database().db.selectFrom('audit_log').select('actor').where('action', '=', 'test.handler_called').execute())
      .length;

  it(`${PROCESSES} schedule:run processes started at the same instant run a due job exactly once`, async () => {
    // Yearly schedule, pending since a minute ago: due for every process, and no second due time can arrive.
    await makeDue(database(), Date.now() - 60_000, '0 0 1 1 *');
    const startAt = Date.now() + 1_500;
    const results = await Promise.all(
      Array.from({ length: PROCESSES }, () => runNode(child.file, [url(), String(startAt), 'run'])),
    );
    for (const result of results) expect(result, result.stderr).toMatchObject({ exitCode: 0, stderr: '' });
    const reported = results.flatMap((result) => result.stdout.split('\n').filter((line) => line.startsWith(TEST_JOB)));
    expect(reported).toEqual([expect.stringMatching(/^microsoft:sync-teams: ok after /)]);
    expect(await handlerCalls()).toBe(1);
    expect((await runsOf(database())).map((run) => run.status)).toEqual(['ok']);
    expect((await cronRow(database())).lease_owner).toBeNull();
  });

  it('a schedule:run killed mid-job: its lease expires and the next due time runs elsewhere', async () => {
    await makeDue(database(), Date.now() - 1_000, '* * * * *');
    const holder = start(url(), 'hold');
    await holder.started;
    holder.process.kill('SIGKILL');
    await holder.exited;
    const held = await cronRow(database());
    expect(held.lease_owner).toMatch(new RegExp(`:${holder.process.pid}:`));

    // Another server, past the lease and the next due time (its clock moved on, as time would).
    const later = () => Date.now() + DEFAULT_LEASE_MS + 60_000;
    const context = testContext(database(), {
      clock: later,
      instance: namedInstance('host-b'),
      handlers: { [TEST_JOB]: async () => ({ summary: {} }) },
    });
    const report = await runDueJobs(context);
    expect(report.runs.map((run) => run.status)).toEqual(['ok']);
    expect((await runsOf(database())).map((run) => [run.pid, run.status])).toEqual([
      [holder.process.pid, 'error'],
      [1, 'ok'],
    ]);
  });

  it('schedule:work stops on SIGTERM: the job is told to stop, recorded, its lease released', async () => {
    await makeDue(database(), Date.now() - 1_000, '0 0 1 1 *');
    const worker = start(url(), 'work');
    await worker.started;
    worker.process.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    const [run] = await runsOf(database());
    expect(run?.status).toBe('error');
    expect(run?.error).toBe(
      'Stopped before it finished: the scheduler received SIGTERM. The next run picks the work up again.',
    );
    expect((await cronRow(database())).lease_owner).toBeNull();
  });
});
