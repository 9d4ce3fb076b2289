import { describe, expect, it } from 'vitest';
import { fromWallClock, offsetSeconds, toWallClock } from './wall-clock.js';

/** Epoch seconds of a UTC date-time, so that expectations read as times rather than magic numbers. */
function utc(text: string): number {
  return Date.parse(`${text}Z`) / 1000;
}

describe('toWallClock', () => {
  it.each([
    ['America/Toronto', '2024-03-10T06:59:59', '2024-03-10T01:59:59'],
    ['America/Toronto', '2024-03-10T07:00:00', '2024-03-10T03:00:00'],
    ['America/Toronto', '2024-11-03T05:30:00', '2024-11-03T01:30:00'],
    ['America/Toronto', '2024-11-03T06:30:00', '2024-11-03T01:30:00'],
    ['America/Toronto', '2024-01-01T05:00:00', '2024-01-01T00:00:00'],
    ['Europe/London', '2024-03-31T01:00:00', '2024-03-31T02:00:00'],
    ['Europe/London', '2024-10-27T00:30:00', '2024-10-27T01:30:00'],
    ['Europe/London', '2024-10-27T01:30:00', '2024-10-27T01:30:00'],
    ['Australia/Sydney', '2024-04-06T15:30:00', '2024-04-07T02:30:00'],
    ['Australia/Sydney', '2024-10-05T16:00:00', '2024-10-06T03:00:00'],
    ['America/St_Johns', '2024-07-01T12:00:00', '2024-07-01T09:30:00'],
    ['America/St_Johns', '2024-01-01T12:00:00', '2024-01-01T08:30:00'],
    ['Asia/Kolkata', '2024-06-01T03:30:00', '2024-06-01T09:00:00'],
    ['UTC', '2024-06-01T03:30:00', '2024-06-01T03:30:00'],
  ])('%s: %sZ → %s', (zone, instant, expected) => {
    expect(toWallClock(utc(instant), zone)).toBe(expected);
  });

  it('drops fractions of a second and rejects non-instants', () => {
    expect(toWallClock(utc('2024-06-01T03:30:00') + 0.9, 'UTC')).toBe('2024-06-01T03:30:00');
    expect(() => toWallClock(Number.NaN, 'UTC')).toThrow(RangeError);
  });
});

describe('fromWallClock', () => {
  it.each([
    // Ordinary times: both choices agree.
    ['America/Toronto', '2024-07-01T09:00:00', '2024-07-01T13:00:00', '2024-07-01T13:00:00'],
    ['Asia/Kolkata', '2024-06-01T09:00:00', '2024-06-01T03:30:00', '2024-06-01T03:30:00'],
    ['UTC', '2024-06-01T09:00:00', '2024-06-01T09:00:00', '2024-06-01T09:00:00'],
    // Gaps (spring forward): 02:30 does not exist; earlier = 01:30 standard, later = 03:30 daylight.
    ['America/Toronto', '2024-03-10T02:30:00', '2024-03-10T06:30:00', '2024-03-10T07:30:00'],
    ['Europe/London', '2024-03-31T01:30:00', '2024-03-31T00:30:00', '2024-03-31T01:30:00'],
    ['Australia/Sydney', '2024-10-06T02:30:00', '2024-10-05T15:30:00', '2024-10-05T16:30:00'],
    ['America/St_Johns', '2024-03-10T02:30:00', '2024-03-10T05:00:00', '2024-03-10T06:00:00'],
    // Overlaps (fall back): 01:30 happens twice; earlier = daylight, later = standard.
    ['America/Toronto', '2024-11-03T01:30:00', '2024-11-03T05:30:00', '2024-11-03T06:30:00'],
    ['Europe/London', '2024-10-27T01:30:00', '2024-10-27T00:30:00', '2024-10-27T01:30:00'],
    ['Australia/Sydney', '2024-04-07T02:30:00', '2024-04-06T15:30:00', '2024-04-06T16:30:00'],
    ['America/St_Johns', '2024-11-03T01:30:00', '2024-11-03T04:00:00', '2024-11-03T05:00:00'],
  ])('%s: %s → earlier %sZ, later %sZ', (zone, wallClock, earlier, later) => {
    expect(fromWallClock(wallClock, zone, 'earlier')).toBe(utc(earlier));
    expect(fromWallClock(wallClock, zone, 'later')).toBe(utc(later));
  });

  it.each([
    ['2024-03-10T02:30', utc('2024-03-10T06:30:00')],
    ['2024-07-01T09:00:00.0000000', utc('2024-07-01T13:00:00')],
  ])('accepts Graph-style text %s', (wallClock, expected) => {
    expect(fromWallClock(wallClock, 'America/Toronto', 'earlier')).toBe(expected);
  });

  it.each(['2024-02-30T09:00:00', '2024-13-01T09:00:00', '2024-01-01T24:00:00', '2024-01-01 09:00', 'soon'])(
    'rejects %s',
    (wallClock) => {
      expect(() => fromWallClock(wallClock, 'UTC', 'earlier')).toThrow(RangeError);
    },
  );

  it.each(['America/Toronto', 'Europe/London', 'Australia/Sydney', 'America/St_Johns', 'Asia/Kolkata', 'UTC'])(
    '%s: every hour of 2024 survives a round trip',
    (zone) => {
      for (let instant = utc('2024-01-01T00:00:00'); instant < utc('2025-01-01T00:00:00'); instant += 3600) {
        const wallClock = toWallClock(instant, zone);
        const earlier = fromWallClock(wallClock, zone, 'earlier');
        const later = fromWallClock(wallClock, zone, 'later');
        // In an overlap the instant is one of the two readings; elsewhere both are the instant itself.
        expect(earlier === instant || later === instant, `${zone} ${wallClock}`).toBe(true);
        expect(toWallClock(earlier, zone)).toBe(wallClock);
        expect(toWallClock(later, zone)).toBe(wallClock);
        expect(later - earlier).toBeLessThanOrEqual(3600);
      }
    },
  );
});

describe('offsetSeconds', () => {
  it.each([
    ['America/Toronto', '2024-01-15T12:00:00', -5 * 3600],
    ['America/Toronto', '2024-07-15T12:00:00', -4 * 3600],
    ['America/St_Johns', '2024-07-15T12:00:00', -2.5 * 3600],
    ['Australia/Sydney', '2024-01-15T12:00:00', 11 * 3600],
  ])('%s at %sZ → %i', (zone, instant, expected) => {
    expect(offsetSeconds(utc(instant), zone)).toBe(expected);
  });
});

describe('toWallClock against Intl, minute by minute (the offset cache per UTC hour must never answer wrong)', () => {
  const exact = (epochSeconds: number, zone: string) => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(epochSeconds * 1000);
    const f = Object.fromEntries(parts.map((p) => [p.type, p.value]));
    return `${f.year}-${f.month}-${f.day}T${f.hour}:${f.minute}:${f.second}`;
  };
  // Lord Howe moves by 30 minutes at 02:00 local (+10:30), i.e. in the middle of a UTC hour; St John's is −3:30.
  it.each([
    ['Australia/Lord_Howe', '2024-04-06T12:00:00', '2024-04-07T18:00:00'],
    ['Australia/Lord_Howe', '2024-10-05T12:00:00', '2024-10-06T18:00:00'],
    ['America/St_Johns', '2024-11-03T00:00:00', '2024-11-03T08:00:00'],
    ['America/Toronto', '2024-03-10T04:00:00', '2024-03-10T09:00:00'],
    ['Europe/London', '2024-10-27T00:00:00', '2024-10-27T03:00:00'],
  ])('%s from %sZ to %sZ', (zone, from, until) => {
    for (let instant = utc(from); instant < utc(until); instant += 60) {
      // Twice: the second answer comes from the cache.
      expect(toWallClock(instant, zone), `${zone} ${instant}`).toBe(exact(instant, zone));
      expect(toWallClock(instant + 59, zone), `${zone} ${instant + 59}`).toBe(exact(instant + 59, zone));
    }
  });
});
