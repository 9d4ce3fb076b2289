// Due-time evaluation by table: time zones, both DST transitions, month ends, Feb 29. Instants are written in UTC
// with the local wall-clock time beside them, so each row can be checked against a calendar.
import { describe, expect, it } from 'vitest';
import { nextRun, nextRuns, previousDue } from './due-time.js';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().replace('.000', ''));

describe('nextRun: the first due time strictly after an instant', () => {
  const cases: Array<[string, string, string, string, string]> = [
    // [why, zone, expression, after (UTC), expected (UTC)]
    ['daily midnight, UTC', 'UTC', '0 0 * * *', '2026-01-01T12:00:00Z', '2026-01-02T00:00:00Z'],
    [
      'strictly after: exactly at a due time gives the next',
      'UTC',
      '0 0 * * *',
      '2026-01-02T00:00:00Z',
      '2026-01-03T00:00:00Z',
    ],
    [
      'daily midnight, Toronto in winter (EST, UTC-5)',
      'America/Toronto',
      '0 0 * * *',
      '2026-01-01T12:00:00Z',
      '2026-01-02T05:00:00Z',
    ],
    [
      'daily midnight, Toronto in summer (EDT, UTC-4)',
      'America/Toronto',
      '0 0 * * *',
      '2026-07-01T12:00:00Z',
      '2026-07-02T04:00:00Z',
    ],
    [
      'daily midnight, London in summer (BST)',
      'Europe/London',
      '0 0 * * *',
      '2026-07-01T12:00:00Z',
      '2026-07-01T23:00:00Z',
    ],
    [
      'daily midnight, Sydney in January (AEDT, UTC+11)',
      'Australia/Sydney',
      '0 0 * * *',
      '2026-01-01T00:00:00Z',
      '2026-01-01T13:00:00Z',
    ],
    [
      'weekly refresh: Sunday 03:00, Toronto',
      'America/Toronto',
      '0 3 * * 0',
      '2026-01-01T12:00:00Z',
      '2026-01-04T08:00:00Z',
    ],
    // Spring forward: Toronto 2026-03-08 02:00 EST → 03:00 EDT; 02:30 does not exist.
    [
      'DST gap: 02:30 runs once, when the clock reaches 03:00 EDT',
      'America/Toronto',
      '30 2 * * *',
      '2026-03-08T05:00:00Z',
      '2026-03-08T07:00:00Z',
    ],
    [
      'DST gap: the day after is back to 02:30 EDT',
      'America/Toronto',
      '30 2 * * *',
      '2026-03-08T07:00:00Z',
      '2026-03-09T06:30:00Z',
    ],
    // Fall back: Toronto 2026-11-01 02:00 EDT → 01:00 EST; 01:30 happens twice.
    [
      'DST overlap: 01:30 runs at its first occurrence (EDT)',
      'America/Toronto',
      '30 1 * * *',
      '2026-11-01T04:00:00Z',
      '2026-11-01T05:30:00Z',
    ],
    [
      'DST overlap: not again at the second 01:30 (EST)',
      'America/Toronto',
      '30 1 * * *',
      '2026-11-01T05:30:00Z',
      '2026-11-02T06:30:00Z',
    ],
    [
      'DST overlap: a list of fixed times also runs once each',
      'America/Toronto',
      '0,30 1 * * *',
      '2026-11-01T05:00:00Z',
      '2026-11-01T05:30:00Z',
    ],
    [
      'interval jobs follow real time through the repeated hour',
      'America/Toronto',
      '*/30 * * * *',
      '2026-11-01T05:30:00Z',
      '2026-11-01T06:00:00Z',
    ],
    // London: 2026-03-29 01:00 GMT → 02:00 BST; 2026-10-25 02:00 BST → 01:00 GMT.
    [
      'London gap: 01:30 runs at 02:00 BST',
      'Europe/London',
      '30 1 * * *',
      '2026-03-28T12:00:00Z',
      '2026-03-29T01:00:00Z',
    ],
    [
      'London overlap: 01:30 runs once, first occurrence (BST)',
      'Europe/London',
      '30 1 * * *',
      '2026-10-24T12:00:00Z',
      '2026-10-25T00:30:00Z',
    ],
    [
      'London overlap: next is the following day (GMT)',
      'Europe/London',
      '30 1 * * *',
      '2026-10-25T00:30:00Z',
      '2026-10-26T01:30:00Z',
    ],
    // Sydney (southern hemisphere): 2026-10-04 02:00 AEST → 03:00 AEDT; 2026-04-05 03:00 AEDT → 02:00 AEST.
    [
      'Sydney gap: 02:00 runs at 03:00 AEDT',
      'Australia/Sydney',
      '0 2 * * *',
      '2026-10-03T12:00:00Z',
      '2026-10-03T16:00:00Z',
    ],
    [
      'Sydney overlap: 02:30 runs at its first occurrence (AEDT)',
      'Australia/Sydney',
      '30 2 * * *',
      '2026-04-04T12:00:00Z',
      '2026-04-04T15:30:00Z',
    ],
    [
      'Sydney overlap: next is the following day (AEST)',
      'Australia/Sydney',
      '30 2 * * *',
      '2026-04-04T15:30:00Z',
      '2026-04-05T16:30:00Z',
    ],
    // Month ends and leap days.
    ['day 31 skips 30-day months', 'UTC', '0 0 31 * *', '2026-04-01T00:00:00Z', '2026-05-31T00:00:00Z'],
    ['L: last day of February, common year', 'UTC', '0 0 L * *', '2026-02-01T00:00:00Z', '2026-02-28T00:00:00Z'],
    ['L: last day of February, leap year', 'UTC', '0 0 L 2 *', '2027-03-01T00:00:00Z', '2028-02-29T00:00:00Z'],
    ['Feb 29 waits for the next leap year', 'UTC', '0 0 29 2 *', '2026-01-01T00:00:00Z', '2028-02-29T00:00:00Z'],
    ['Feb 29 in Toronto local time', 'America/Toronto', '0 0 29 2 *', '2028-01-01T00:00:00Z', '2028-02-29T05:00:00Z'],
    ['year end rolls over', 'UTC', '0 0 1 1 *', '2026-12-31T12:00:00Z', '2027-01-01T00:00:00Z'],
    [
      'month end in local time crosses the UTC month',
      'America/Toronto',
      '0 22 L * *',
      '2026-01-15T00:00:00Z',
      '2026-02-01T03:00:00Z',
    ],
  ];
  it.each(cases)('%s', (_why, zone, expression, after, expected) => {
    expect(iso(nextRun(expression, zone, at(after)))).toBe(expected);
  });

  it('a fraction of a second before a due time still gives that due time', () => {
    expect(iso(nextRun('0 0 * * *', 'UTC', at('2026-01-01T23:59:59.500Z')))).toBe('2026-01-02T00:00:00Z');
  });
});

describe('previousDue: the latest due time at or before now', () => {
  const cases: Array<[string, string, string, string, string | null]> = [
    ['exactly at a due time includes it', 'UTC', '0 0 * * *', '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00Z'],
    [
      'a millisecond before gives the previous one',
      'UTC',
      '0 0 * * *',
      '2026-01-01T23:59:59.999Z',
      '2026-01-01T00:00:00Z',
    ],
    [
      'three days of missed midnights give the latest',
      'America/Toronto',
      '0 0 * * *',
      '2026-01-04T15:00:00Z',
      '2026-01-04T05:00:00Z',
    ],
    [
      'DST gap: the shifted run (03:00 EDT) counts',
      'America/Toronto',
      '30 2 * * *',
      '2026-03-08T07:00:00Z',
      '2026-03-08T07:00:00Z',
    ],
    [
      'DST gap: before it, the day before',
      'America/Toronto',
      '30 2 * * *',
      '2026-03-08T06:59:59Z',
      '2026-03-07T07:30:00Z',
    ],
    [
      'DST overlap: during the second 01:30, still the first',
      'America/Toronto',
      '30 1 * * *',
      '2026-11-01T06:45:00Z',
      '2026-11-01T05:30:00Z',
    ],
    ['last day of the month', 'UTC', '0 0 L * *', '2026-03-15T00:00:00Z', '2026-02-28T00:00:00Z'],
    ['Feb 29 looks back to the last leap year', 'UTC', '0 0 29 2 *', '2027-06-01T00:00:00Z', '2024-02-29T00:00:00Z'],
  ];
  it.each(cases)('%s', (_why, zone, expression, now, expected) => {
    expect(iso(previousDue(expression, zone, at(now)))).toBe(expected);
  });
});

describe('a DST day runs a fixed-time job exactly once', () => {
  const days: Array<[string, string, string, string]> = [
    ['Toronto spring forward, 02:30', 'America/Toronto', '30 2 * * *', '2026-03-08'],
    ['Toronto fall back, 01:30', 'America/Toronto', '30 1 * * *', '2026-11-01'],
    ['London spring forward, 01:30', 'Europe/London', '30 1 * * *', '2026-03-29'],
    ['London fall back, 01:30', 'Europe/London', '30 1 * * *', '2026-10-25'],
    ['Sydney spring forward, 02:00', 'Australia/Sydney', '0 2 * * *', '2026-10-04'],
    ['Sydney fall back, 02:30', 'Australia/Sydney', '30 2 * * *', '2026-04-05'],
  ];
  it.each(days)('%s', (_why, zone, expression, day) => {
    const localDay = new Intl.DateTimeFormat('en-CA', { timeZone: zone, dateStyle: 'short' });
    const runs = nextRuns(expression, zone, at(`${day}T00:00:00Z`) - 2 * 86_400_000, 6);
    expect(runs.filter((run) => localDay.format(run) === day)).toHaveLength(1);
  });
});
