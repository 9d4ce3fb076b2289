// Wall-clock times in a zone across daylight-saving changes, and the calendar helpers, by table.
import { describe, expect, it } from 'vitest';
import { civilDayIn, mondayOnOrBefore, offsetChangeDays, weekdayOf, zonedEpochSeconds } from './zoned-time.js';

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const utc = (seconds: number): string => new Date(seconds * 1000).toISOString();

describe('zonedEpochSeconds', () => {
  it.each([
    ['America/Toronto', '2026-03-07', 9, 0, '2026-03-07T14:00:00.000Z'],
    ['America/Toronto', '2026-03-08', 9, 0, '2026-03-08T13:00:00.000Z'],
    ['America/Toronto', '2025-11-01', 9, 0, '2025-11-01T13:00:00.000Z'],
    ['America/Toronto', '2025-11-02', 9, 0, '2025-11-02T14:00:00.000Z'],
    ['America/Toronto', '2026-01-19', 0, 0, '2026-01-19T05:00:00.000Z'],
    ['America/St_Johns', '2026-07-01', 18, 30, '2026-07-01T21:00:00.000Z'],
    ['Asia/Kolkata', '2026-03-08', 9, 0, '2026-03-08T03:30:00.000Z'],
    ['Australia/Sydney', '2026-04-05', 9, 0, '2026-04-04T23:00:00.000Z'],
    ['UTC', '2026-03-08', 9, 0, '2026-03-08T09:00:00.000Z'],
  ])('%s %s %i:%i → %s', (zone, date, hour, minute, expected) => {
    expect(utc(zonedEpochSeconds(zone, day(date), hour, minute))).toBe(expected);
  });
});

describe('calendar helpers', () => {
  it('finds the days the offset changes', () => {
    const changes = offsetChangeDays('America/Toronto', day('2025-06-01'), day('2026-06-01'));
    expect(changes).toEqual([day('2025-11-02'), day('2026-03-08')]);
    expect(offsetChangeDays('UTC', day('2025-06-01'), day('2026-06-01'))).toEqual([]);
  });

  it('knows weekdays, Mondays and the local date of an instant', () => {
    expect(weekdayOf(day('2026-03-08'))).toBe(0);
    expect(mondayOnOrBefore(day('2026-03-08'))).toBe(day('2026-03-02'));
    expect(mondayOnOrBefore(day('2026-03-02'))).toBe(day('2026-03-02'));
    expect(civilDayIn('America/Toronto', new Date('2026-03-03T03:00:00Z'))).toBe(day('2026-03-02'));
  });
});
