import { describe, expect, it } from 'vitest';
import {
  ianaTimeZones,
  offsetMs,
  parseWallTime,
  resolveZone,
  utcToWall,
  wallToUtcMs,
  windowsTimeZones,
} from './zones.js';

describe('zone names', () => {
  it.each([
    ['Eastern Standard Time', 'Eastern Standard Time', 'America/New_York'],
    ['eastern standard time', 'Eastern Standard Time', 'America/New_York'],
    ['UTC', 'UTC', 'Etc/UTC'],
    ['America/Toronto', 'America/Toronto', 'America/Toronto'],
    ['Europe/London', 'Europe/London', 'Europe/London'],
  ])('accepts %s', (input, name, iana) => {
    expect(resolveZone(input)).toEqual({ name, iana });
  });

  // Intl alone would accept "EST" (as America/Panama): Outlook does not (GRAPH-FACTS §6).
  it.each(['EST', 'PST', '+05:00', 'GMT+5', 'Mars/Olympus_Mons', ''])('refuses %s', (input) => {
    expect(resolveZone(input)).toBeNull();
  });
});

describe('wall clock ↔ UTC follows daylight saving', () => {
  it.each([
    ['2026-01-14T08:30:00', 'America/New_York', '2026-01-14T13:30:00.000Z'],
    ['2026-07-14T08:30:00', 'America/New_York', '2026-07-14T12:30:00.000Z'],
    ['2026-07-14T08:30:00', 'Europe/London', '2026-07-14T07:30:00.000Z'],
    ['2026-03-29T09:00:00.1234567', 'Australia/Sydney', '2026-03-28T22:00:00.123Z'],
  ])('%s in %s is %s', (wall, iana, utc) => {
    const parsed = parseWallTime(wall);
    expect(parsed).not.toBeNull();
    const ms = wallToUtcMs(parsed as number, iana);
    expect(new Date(ms).toISOString()).toBe(utc);
    expect(utcToWall(ms, iana).slice(0, 19)).toBe(wall.slice(0, 19));
  });

  it('writes 7 fractional digits as Outlook does', () => {
    expect(utcToWall(Date.UTC(2026, 8, 14, 12, 30), 'Etc/UTC')).toBe('2026-09-14T12:30:00.0000000');
  });

  it.each(['2026-02-30T08:00:00', '14/09/2026 08:30', '2026-09-14', '2026-09-14T25:00:00'])(
    'refuses the date-time %s',
    (value) => {
      expect(parseWallTime(value)).toBeNull();
    },
  );
});

describe('supported time zone lists', () => {
  it('lists the Windows zones with display names', () => {
    const zones = windowsTimeZones();
    expect(zones.length).toBeGreaterThan(130);
    expect(zones).toContainEqual({
      alias: 'Eastern Standard Time',
      displayName: '(UTC-05:00) Eastern Time (US & Canada)',
    });
    expect(zones[0]?.alias).toBe('Dateline Standard Time');
  });

  it('lists IANA zones with alias = displayName', () => {
    const zones = ianaTimeZones();
    expect(zones).toContainEqual({ alias: 'America/New_York', displayName: 'America/New_York' });
    expect(zones.some((z) => z.alias === 'EST')).toBe(false);
  });
});

describe('offsetMs, cached per UTC hour', () => {
  const reference = (iana: string, utcMs: number) => {
    const f = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', {
        timeZone: iana,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      })
        .formatToParts(new Date(utcMs))
        .map((p) => [p.type, Number(p.value)]),
    );
    const n = (name: string) => f[name] ?? 0;
    return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - utcMs;
  };
  // Lord Howe changes by 30 minutes in the middle of a UTC hour; Toronto on the hour.
  it.each([
    ['Australia/Lord_Howe', Date.UTC(2024, 9, 5, 12)],
    ['Australia/Lord_Howe', Date.UTC(2024, 3, 6, 12)],
    ['America/Toronto', Date.UTC(2024, 2, 10, 4)],
  ])('%s: every minute of a day around a change, twice (the second from the cache)', (iana, from) => {
    for (let utcMs = from; utcMs < from + 86_400_000; utcMs += 60_000) {
      expect(offsetMs(iana, utcMs)).toBe(reference(iana, utcMs));
      expect(offsetMs(iana, utcMs)).toBe(reference(iana, utcMs));
    }
  });
});
