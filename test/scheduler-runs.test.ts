// schedule:run's tick on every engine: first sight of a switched-on job, a due run and what it records, failures in
// words, "not implemented yet", stopping mid-run, the heartbeat, hand-edited rows, and "Run now".
import { beforeEach, expect, it } from 'vitest';
import { ensureCronRows, runDueJobs, runJobNow, SchedulerStoppedError } from '../src/scheduler/index.js';
import { createJobRegistry } from '../src/scheduler/job-registry.js';
import {
  cronRow,
  makeDue,
  manualClock,
  runsOf,
  TEST_JOB,
  testContext,
} from '../src/scheduler/testing/scheduler-fixture.js';
import { describeEachEngine, useMigratedDatabase } from './support/databases.js';

const MIDNIGHT = Date.parse('2026-01-10T05:00:00Z'); // 00:00 in Toronto
const ok = async () => ({ summary: { teamsCreated: 2 } });

describeEachEngine('scheduler runs', (engine) => {
  const { database } = useMigratedDatabase(engine);
  beforeEach(async () => {
    for (const table of ['cron_runs', 'cron', 'scheduler_heartbeats', 'audit_log'] as const) {
      await database().db.deleteFrom(table).execute();
    }
    await ensureCronRows(database(), createJobRegistry());
  });

  it('a job switched on waits for its next due time, runs then once, and records it', async () => {
    const clock = manualClock('2026-01-09T15:00:00Z');
    const context = testContext(database(), { clock: clock.now, handlers: { [TEST_JOB]: ok } });
    await database().db.updateTable('cron').set({ active: 1 }).where('name', '=', TEST_JOB).execute();

    const first = await runDueJobs(context);
    expect(first.runs).toEqual([]);
    expect(first.rescheduled).toEqual([`${TEST_JOB}: switched on or new`]);
    expect((await cronRow(database())).next_due_at).toBe(MIDNIGHT);

    clock.set('2026-01-10T05:00:03Z');
    const due = await runDueJobs(context);
    expect(due.runs.map((run) => [run.jobName, run.status, run.dueAt])).toEqual([[TEST_JOB, 'ok', MIDNIGHT]]);
    expect((await runDueJobs(context)).runs).toEqual([]);

    const row = await cronRow(database());
    expect(row).toMatchObject({
      last_status: 'ok',
      last_error: null,
      last_started_at: Date.parse('2026-01-10T05:00:03Z'),
      lease_owner: null,
      lease_expires_at: null,
      next_due_at: MIDNIGHT + 86_400_000,
    });
    const [run] = await runsOf(database());
    expect(run).toMatchObject({ due_at: MIDNIGHT, status: 'ok', error: null, host: 'host-a', pid: 1 });
    expect(JSON.parse(run?.summary ?? 'null')).toEqual({ trigger: 'schedule', result: { teamsCreated: 2 } });
  });

  it('the event sync due with the teams sync starts alongside it, once each, and gets its run; alone, it gets none', async () => {
    const clock = manualClock('2026-01-10T05:00:01Z');
    const seen: string[] = [];
    let alongsideOfEvents: Promise<unknown> | undefined;
    let finishTeams: () => void = () => {};
    const registry = createJobRegistry({
      'microsoft:sync-teams': async () => {
        seen.push('teams started');
        await new Promise<void>((resolve) => {
          finishTeams = resolve;
        });
        seen.push('teams finished');
        return { summary: {} };
      },
      'microsoft:sync-events': async (context) => {
        seen.push('events started');
        alongsideOfEvents = context.alongside;
        await context.alongside;
        seen.push('events saw teams finish');
        return { summary: {} };
      },
    });
    const context = testContext(database(), { clock: clock.now, registry });
    const due = (names: string[]) =>
      database().db.updateTable('cron').set({ active: 1, next_due_at: MIDNIGHT }).where('name', 'in', names).execute();
    await due(['microsoft:sync-teams', 'microsoft:sync-events']);
    const tick = runDueJobs(context);
    // Both start before the teams sync finishes.
    while (seen.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(seen).toEqual(['teams started', 'events started']);
    finishTeams();
    const report = await tick;
    expect(seen).toEqual(['teams started', 'events started', 'teams finished', 'events saw teams finish']);
    expect(alongsideOfEvents).toBeDefined();
    expect(report.runs.map((run) => [run.jobName, run.status])).toEqual([
      ['microsoft:sync-teams', 'ok'],
      ['microsoft:sync-events', 'ok'],
    ]);
    expect((await runDueJobs(context)).runs).toEqual([]);

    // The event sync due on its own: it runs alone, with nothing alongside.
    seen.length = 0;
    clock.set('2026-01-11T05:00:01Z');
    await database().db.updateTable('cron').set({ active: 0 }).where('name', '=', 'microsoft:sync-teams').execute();
    const alone = await runDueJobs(context);
    expect(alone.runs.map((run) => run.jobName)).toEqual(['microsoft:sync-events']);
    expect(alongsideOfEvents).toBeUndefined();
  });

  it('failures, warnings and missing handlers are recorded in words', async () => {
    const clock = manualClock('2026-01-10T05:00:01Z');
    const registry = createJobRegistry({
      'microsoft:sync-teams': async () => {
        throw new Error('Graph said no');
      },
      'microsoft:sync-events': async () => ({ summary: {}, warning: '3 offerings have no teacher with an e-mail' }),
    });
    const context = testContext(database(), { clock: clock.now, registry });
    for (const name of ['microsoft:sync-teams', 'microsoft:sync-events', 'microsoft:refresh-token']) {
      await database()
        .db.updateTable('cron')
        .set({ active: 1, next_due_at: MIDNIGHT })
        .where('name', '=', name)
        .execute();
    }
    const report = await runDueJobs(context);
    expect(report.runs.map((run) => [run.jobName, run.status, run.error])).toEqual([
      ['microsoft:sync-teams', 'error', 'Graph said no'],
      ['microsoft:sync-events', 'warning', '3 offerings have no teacher with an e-mail'],
      ['microsoft:refresh-token', 'error', expect.stringContaining('is not implemented yet')],
    ]);
    expect((await cronRow(database(), 'microsoft:refresh-token')).last_error).toMatch(
      /^The job microsoft:refresh-token is not implemented yet .* schedule:set microsoft:refresh-token --active 0/,
    );
  });

  it('a stop request aborts the job, records why, and releases the lease', async () => {
    const clock = manualClock('2026-01-10T05:00:01Z');
    const controller = new AbortController();
    const context = testContext(database(), {
      clock: clock.now,
      handlers: {
        [TEST_JOB]: (job) =>
          new Promise((_resolve, reject) => {
            job.signal.addEventListener('abort', () => reject(new DOMException('This operation was aborted')));
            controller.abort(new SchedulerStoppedError('received SIGTERM'));
          }),
      },
    });
    await makeDue(database(), MIDNIGHT);
    const report = await runDueJobs(context, { signal: controller.signal });
    expect(report.runs[0]?.error).toBe(
      'Stopped before it finished: received SIGTERM. The next run picks the work up again.',
    );
    expect(await cronRow(database())).toMatchObject({ last_status: 'error', lease_owner: null });
  });

  it('a job that ignores the stop request is abandoned after the grace period, lease released', async () => {
    const clock = manualClock('2026-01-10T05:00:01Z');
    const controller = new AbortController();
    const context = testContext(database(), {
      clock: clock.now,
      stopGraceMs: 50,
      handlers: {
        [TEST_JOB]: () => {
          controller.abort(new SchedulerStoppedError('received SIGTERM'));
          return new Promise(() => {});
        },
      },
    });
    await makeDue(database(), MIDNIGHT);
    const report = await runDueJobs(context, { signal: controller.signal });
    expect(report.runs[0]?.error).toMatch(/received SIGTERM.*did not stop within 0 s and was abandoned/);
    expect((await cronRow(database())).lease_owner).toBeNull();
  });

  it('stamps the heartbeat on every tick, even with nothing due', async () => {
    const clock = manualClock('2026-01-10T12:00:00Z');
    await runDueJobs(testContext(database(), { clock: clock.now }));
    clock.advance(60_000);
    await runDueJobs(testContext(database(), { clock: clock.now }));
    const beats = await database().db.selectFrom('scheduler_heartbeats').selectAll().execute();
    expect(beats).toEqual([{ host: 'host-a', pid: 1, last_beat_at: Date.parse('2026-01-10T12:01:00Z') }]);
  });

  it('a schedule broken by hand in the table is reported and not run', async () => {
    const clock = manualClock('2026-01-10T05:00:01Z');
    await makeDue(database(), MIDNIGHT, 'every day at noon');
    const report = await runDueJobs(testContext(database(), { clock: clock.now, handlers: { [TEST_JOB]: ok } }));
    expect(report.runs).toEqual([]);
    expect(report.problems).toEqual([expect.stringMatching(/^microsoft:sync-teams: The schedule "every day at noon"/)]);
  });

  it('Run now runs a switched-off job at once, audited, and leaves its pending due time alone', async () => {
    const clock = manualClock('2026-01-10T15:00:00Z');
    const context = testContext(database(), { clock: clock.now, handlers: { [TEST_JOB]: ok } });
    const result = await runJobNow(context, TEST_JOB, { who: { actor: 'web:admin', ip: '203.0.113.9' } });
    expect(result).toMatchObject({ kind: 'ran', run: { status: 'ok', dueAt: clock.now() } });
    expect(await cronRow(database())).toMatchObject({ active: 0, next_due_at: null, last_status: 'ok' });
    const [run] = await runsOf(database());
    expect(JSON.parse(run?.summary ?? 'null')).toMatchObject({ trigger: 'manual', requestedBy: 'web:admin' });
    const audit = await database().db.selectFrom('audit_log').selectAll().execute();
    expect(audit).toMatchObject([
      { actor: 'web:admin', action: 'schedule.run_now', target: TEST_JOB, ip: '203.0.113.9' },
    ]);
  });

  it('Run now refuses an unknown job by name', async () => {
    const context = testContext(database());
    await expect(runJobNow(context, 'microsoft:sync-everything', { who: { actor: 'cli:root' } })).rejects.toThrow(
      'There is no job named "microsoft:sync-everything". Jobs: microsoft:sync-teams, microsoft:sync-events, microsoft:refresh-token.',
    );
  });
});
