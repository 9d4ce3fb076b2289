// The due decision by table (switched on/off, hand edits, the catch-up rule), then a minute-by-minute simulation of
// the scheduler over DST days and a crontab outage, counting runs.
import { describe, expect, it } from 'vitest';
import { type CronRowState, type DueDecision, evaluateRow } from './due-decision.js';

const at = (iso: string) => Date.parse(iso);
const SITE = 'America/Toronto';

function row(overrides: Partial<CronRowState>): CronRowState {
  return {
    name: 'microsoft:sync-teams',
    schedule: '0 0 * * *',
    timezone: null,
    active: 1,
    next_due_at: null,
    ...overrides,
  };
}

describe('evaluateRow', () => {
  const NOW = at('2026-01-10T15:00:00Z'); // 10:00 EST
  const NEXT_MIDNIGHT = at('2026-01-11T05:00:00Z');
  const LAST_MIDNIGHT = at('2026-01-10T05:00:00Z');
  const cases: Array<[string, Partial<CronRowState>, DueDecision]> = [
    ['off, nothing pending: nothing to do', { active: 0 }, { kind: 'inactive' }],
    [
      'switched off by hand: the pending time is dropped, so switching on later does not catch up',
      { active: 0, next_due_at: LAST_MIDNIGHT },
      { kind: 'reschedule', nextDueAt: null, reason: 'switched off' },
    ],
    [
      'switched on (or new): waits for the next due time, no immediate run',
      { next_due_at: null },
      { kind: 'reschedule', nextDueAt: NEXT_MIDNIGHT, reason: 'switched on or new' },
    ],
    ['waiting for its next due time', { next_due_at: NEXT_MIDNIGHT }, { kind: 'waiting', nextDueAt: NEXT_MIDNIGHT }],
    [
      'schedule edited by hand while waiting: recomputed from now',
      { schedule: '0 12 * * *', next_due_at: NEXT_MIDNIGHT },
      { kind: 'reschedule', nextDueAt: at('2026-01-10T17:00:00Z'), reason: 'schedule or time zone changed' },
    ],
    [
      'the row zone overrides the site zone',
      { timezone: 'UTC', next_due_at: NEXT_MIDNIGHT },
      { kind: 'reschedule', nextDueAt: at('2026-01-11T00:00:00Z'), reason: 'schedule or time zone changed' },
    ],
    [
      'due: the pending time has passed',
      { next_due_at: LAST_MIDNIGHT },
      {
        kind: 'due',
        pendingDueAt: LAST_MIDNIGHT,
        dueAt: LAST_MIDNIGHT,
        nextDueAt: NEXT_MIDNIGHT,
        lateMs: 10 * 3_600_000,
      },
    ],
    [
      'catch-up: three missed midnights run once, recorded against the latest',
      { next_due_at: at('2026-01-08T05:00:00Z') },
      {
        kind: 'due',
        pendingDueAt: at('2026-01-08T05:00:00Z'),
        dueAt: LAST_MIDNIGHT,
        nextDueAt: NEXT_MIDNIGHT,
        lateMs: 10 * 3_600_000,
      },
    ],
    [
      'invalid schedule edited by hand: reported, not run',
      { schedule: '0 24 * * *', next_due_at: LAST_MIDNIGHT },
      {
        kind: 'invalid',
        message: expect.stringContaining(
          'microsoft:sync-teams: The schedule "0 24 * * *" is not a valid cron expression',
        ),
      },
    ],
    [
      'unknown time zone edited by hand: reported, not run',
      { timezone: 'Mars/Olympus', next_due_at: LAST_MIDNIGHT },
      { kind: 'invalid', message: expect.stringContaining('"Mars/Olympus" is not a time zone') },
    ],
  ];
  it.each(cases)('%s', (_why, overrides, expected) => {
    expect(evaluateRow(row(overrides), NOW, SITE)).toEqual(expected);
  });
});

/** Ticks like the crontab (second 0.5 of each minute), applying each decision as the scheduler would. */
function simulate(schedule: string, zone: string, fromIso: string, toIso: string, down?: [string, string]): number[] {
  let state = row({ schedule, timezone: zone });
  const runs: number[] = [];
  for (let now = at(fromIso) + 500; now < at(toIso); now += 60_000) {
    if (down && now >= at(down[0]) && now < at(down[1])) continue;
    const decision = evaluateRow(state, now, SITE);
    if (decision.kind === 'reschedule') state = { ...state, next_due_at: decision.nextDueAt };
    if (decision.kind === 'due') {
      runs.push(decision.dueAt);
      state = { ...state, next_due_at: decision.nextDueAt };
    }
  }
  return runs;
}

describe('simulated ticks every minute', () => {
  it('spring forward: 02:30 runs once, at 03:00 EDT', () => {
    const runs = simulate('30 2 * * *', 'America/Toronto', '2026-03-07T12:00:00Z', '2026-03-08T12:00:00Z');
    expect(runs.map((run) => new Date(run).toISOString())).toEqual(['2026-03-08T07:00:00.000Z']);
  });

  it('fall back: 01:30 runs once, at the first 01:30', () => {
    const runs = simulate('30 1 * * *', 'America/Toronto', '2026-10-31T12:00:00Z', '2026-11-01T12:00:00Z');
    expect(runs.map((run) => new Date(run).toISOString())).toEqual(['2026-11-01T05:30:00.000Z']);
  });

  it('fall back: every-30-minutes runs by real time (the repeated hour has its own runs)', () => {
    const runs = simulate('*/30 * * * *', 'America/Toronto', '2026-11-01T04:00:00Z', '2026-11-01T08:00:00Z');
    expect(runs).toHaveLength(7); // 04:30Z … 07:30Z: 01:00 and 01:30 local come twice, 4 real hours
  });

  it('a crontab outage of three days catches up once, then resumes the schedule', () => {
    const down: [string, string] = ['2026-01-05T00:00:00Z', '2026-01-08T15:00:00Z'];
    const runs = simulate('0 0 * * *', 'America/Toronto', '2026-01-03T00:00:00Z', '2026-01-10T00:00:00Z', down);
    expect(runs.map((run) => new Date(run).toISOString())).toEqual([
      '2026-01-03T05:00:00.000Z',
      '2026-01-04T05:00:00.000Z',
      '2026-01-08T05:00:00.000Z', // caught up once at 10:00 on the 8th, for the latest missed midnight
      '2026-01-09T05:00:00.000Z',
    ]);
  });
});
