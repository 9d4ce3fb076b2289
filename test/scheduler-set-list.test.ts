// Seeding, changing and listing jobs on every engine: rows are created once and never overwritten, a change is
// validated before anything is written and saved with its audit entry or not at all, and the listing says when
// each job runs next.
import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../src/lib/errors.js';
import {
  BUILT_IN_JOBS,
  createJobRegistry,
  ensureCronRows,
  listJobs,
  previewSchedule,
  setJob,
} from '../src/scheduler/index.js';
import { cronRow, manualClock, TEST_JOB, testContext } from '../src/scheduler/testing/scheduler-fixture.js';
import { describeEachEngine, useMigratedDatabase } from './support/databases.js';

const CLI = { actor: 'cli:ops' };

describeEachEngine('scheduler rows and changes', (engine) => {
  const { database } = useMigratedDatabase(engine);
  const clock = manualClock('2026-01-10T15:00:00Z'); // 10:00 in Toronto
  beforeEach(async () => {
    await database().db.deleteFrom('cron').execute();
    await database().db.deleteFrom('audit_log').execute();
  });
  const audits = () => database().db.selectFrom('audit_log').selectAll().execute();

  it('creates every job switched off with its default schedule, and never overwrites an administrator', async () => {
    expect(await ensureCronRows(database(), createJobRegistry(), clock.now())).toEqual(
      BUILT_IN_JOBS.map((j) => j.name),
    );
    const rows = await database().db.selectFrom('cron').select(['name', 'schedule', 'active', 'timezone']).execute();
    expect(rows.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'microsoft:refresh-token', schedule: '0 3 * * 0', active: 0, timezone: null },
      { name: 'microsoft:sync-events', schedule: '0 0 * * *', active: 0, timezone: null },
      { name: 'microsoft:sync-teams', schedule: '0 0 * * *', active: 0, timezone: null },
    ]);
    await database()
      .db.updateTable('cron')
      .set({ active: 1, schedule: '15 6 * * 1-5' })
      .where('name', '=', TEST_JOB)
      .execute();
    expect(await ensureCronRows(database(), createJobRegistry())).toEqual([]);
    expect(await cronRow(database())).toMatchObject({ active: 1, schedule: '15 6 * * 1-5' });
  });

  it('schedule:set switches a job on with a new schedule, counts the next run from now, and audits it', async () => {
    const context = testContext(database(), { clock: clock.now });
    const result = await setJob(context, TEST_JOB, { active: true, schedule: ' 30 6 * * 1-5 ' }, CLI);
    expect(result).toMatchObject({
      changed: true,
      before: { active: false, schedule: '0 0 * * *', timezone: null },
      after: { active: true, schedule: '30 6 * * 1-5', timezone: null },
      nextDueAt: Date.parse('2026-01-12T11:30:00Z'), // Monday 06:30 EST
    });
    expect(await cronRow(database())).toMatchObject({
      active: 1,
      schedule: '30 6 * * 1-5',
      next_due_at: result.nextDueAt,
    });
    const [entry] = await audits();
    expect(entry).toMatchObject({ actor: 'cli:ops', action: 'schedule.set', target: TEST_JOB, at: clock.now() });
    expect(JSON.parse(entry?.detail ?? '{}')).toMatchObject({ before: { active: false }, after: { active: true } });

    const off = await setJob(context, TEST_JOB, { active: false }, CLI);
    expect(off.nextDueAt).toBeNull();
    expect(await setJob(context, TEST_JOB, { active: false }, CLI)).toMatchObject({ changed: false });
    expect(await audits()).toHaveLength(2);
  });

  it('a job zone of its own, and back to the site zone', async () => {
    const context = testContext(database(), { clock: clock.now });
    const own = await setJob(context, TEST_JOB, { active: true, timezone: 'Australia/Sydney' }, CLI);
    expect(own.nextDueAt).toBe(Date.parse('2026-01-11T13:00:00Z')); // it is 02:00 on the 11th in Sydney: next midnight AEDT
    const site = await setJob(context, TEST_JOB, { timezone: null }, CLI);
    expect(site.nextDueAt).toBe(Date.parse('2026-01-11T05:00:00Z'));
  });

  const refusals: Array<[string, string, Parameters<typeof setJob>[2], RegExp]> = [
    [
      'an unknown job',
      'microsoft:sync-grades',
      { active: true },
      /There is no job named "microsoft:sync-grades". Jobs: microsoft:sync-teams, /,
    ],
    [
      'an invalid expression',
      TEST_JOB,
      { active: true, schedule: '0 0 * *' },
      /The schedule "0 0 \* \*" is not a valid cron expression: it has 4 fields/,
    ],
    [
      'an unknown zone, with a suggestion',
      TEST_JOB,
      { timezone: 'Toronto' },
      /"Toronto" is not a time zone .* did you mean "America\/Toronto"\?/,
    ],
    ['nothing to change', TEST_JOB, {}, /Nothing to change/],
  ];
  it.each(refusals)('refuses %s and writes nothing', async (_what, name, change, message) => {
    await ensureCronRows(database(), createJobRegistry());
    const before = await cronRow(database());
    const attempt = setJob(testContext(database(), { clock: clock.now }), name, change, CLI);
    await expect(attempt).rejects.toThrow(UsageError);
    await expect(attempt).rejects.toThrow(message);
    expect(await cronRow(database())).toEqual(before);
    expect(await audits()).toEqual([]);
  });

  it('nothing half-saved: when the audit entry cannot be written, the change is rolled back', async () => {
    await ensureCronRows(database(), createJobRegistry());
    const before = await cronRow(database());
    await sql`alter table audit_log rename to audit_log_away`.execute(database().db);
    try {
      await expect(
        setJob(testContext(database(), { clock: clock.now }), TEST_JOB, { active: true }, CLI),
      ).rejects.toThrow();
    } finally {
      await sql`alter table audit_log_away rename to audit_log`.execute(database().db);
    }
    expect(await cronRow(database())).toEqual(before);
  });

  it('lists each job with its next run, a missed due time as due now, and a run in progress', async () => {
    const context = testContext(database(), { clock: clock.now });
    await setJob(context, TEST_JOB, { active: true }, CLI);
    await setJob(context, 'microsoft:sync-events', { active: true }, CLI);
    await database()
      .db.updateTable('cron')
      .set({
        next_due_at: Date.parse('2026-01-10T05:00:00Z'),
        lease_owner: 'host-b:7:x',
        lease_expires_at: clock.now() + 1,
      })
      .where('name', '=', 'microsoft:sync-events')
      .execute();
    const jobs = await listJobs(context);
    expect(jobs.map((job) => [job.name, job.active, job.nextRunAt, job.dueNow, job.lease?.owner ?? null])).toEqual([
      ['microsoft:sync-teams', true, Date.parse('2026-01-11T05:00:00Z'), false, null],
      ['microsoft:sync-events', true, Date.parse('2026-01-10T05:00:00Z'), true, 'host-b:7:x'],
      ['microsoft:refresh-token', false, null, false, null],
    ]);
    expect(jobs[0]).toMatchObject({ zone: 'America/Toronto', schedule: '0 0 * * *', lastStatus: null, problem: null });
  });
});

describe('previewSchedule (the next five runs shown while editing)', () => {
  it('gives the next runs in the zone', () => {
    const preview = previewSchedule('0 0 * * 1', 'America/Toronto', Date.parse('2026-01-10T15:00:00Z'), 3);
    expect(preview).toEqual({
      ok: true,
      runs: [
        Date.parse('2026-01-12T05:00:00Z'),
        Date.parse('2026-01-19T05:00:00Z'),
        Date.parse('2026-01-26T05:00:00Z'),
      ],
    });
  });
  it('refuses an invalid expression or zone with the reason', () => {
    expect(previewSchedule('0 0 * * 9', 'UTC', 0)).toMatchObject({
      ok: false,
      message: expect.stringContaining('day-of-week'),
    });
    expect(previewSchedule('0 0 * * *', 'Mars/Base', 0)).toMatchObject({ ok: false });
  });
});
