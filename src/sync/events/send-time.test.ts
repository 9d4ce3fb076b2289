// Issue 6, Done when: for six zones, instants on both sides of each DST change and in the hours that do not exist
// or exist twice locally, what is sent (wall clock + Windows zone) converts back to exactly the Elentra instant —
// under either reading of an ambiguous wall time, since Outlook's choice is not documented (send-time.ts).
import { describe, expect, it } from 'vitest';
import { fromWallClock, ianaToWindows, offsetSeconds, toWallClock, windowsToIana } from '../../time/index.js';
import { type DateTimeTimeZone, sendTimes } from './send-time.js';

const utc = (text: string) => new Date(`${text}Z`);
const HOUR = 3_600_000;

/** Both readings of what was sent, in epoch seconds: they must be one and the same instant. */
function readBack(sent: DateTimeTimeZone): [number, number] {
  const iana = windowsToIana(sent.timeZone);
  if (iana === null) throw new Error(`not a Windows zone: ${sent.timeZone}`);
  return [fromWallClock(sent.dateTime, iana, 'earlier'), fromWallClock(sent.dateTime, iana, 'later')];
}

/** The start as sent for a zero-length event, so that only this instant decides the zone. */
function sendStart(instant: Date, zone: string): DateTimeTimeZone {
  return sendTimes(instant, instant, zone).start;
}

type Case = [zone: string, instant: string, dateTime: string, timeZone: 'zone' | 'UTC', what: string];

// Expected wall clocks are written out, so the table also checks the conversion, not only the round trip.
const CASES: Case[] = [
  ['America/Toronto', '2025-03-09T06:59:00', '2025-03-09T01:59:00', 'zone', 'last minute of EST before the gap'],
  ['America/Toronto', '2025-03-09T07:00:00', '2025-03-09T03:00:00', 'zone', 'first minute of EDT; 02:xx never exists'],
  ['America/Toronto', '2025-07-01T13:00:00', '2025-07-01T09:00:00', 'zone', 'summer'],
  ['America/Toronto', '2025-11-02T04:59:00', '2025-11-02T00:59:00', 'zone', 'before the repeated hour'],
  ['America/Toronto', '2025-11-02T05:30:00', '2025-11-02T05:30:00', 'UTC', '01:30 EDT, first of two 01:30s'],
  ['America/Toronto', '2025-11-02T06:30:00', '2025-11-02T06:30:00', 'UTC', '01:30 EST, second of two 01:30s'],
  ['America/Toronto', '2025-11-02T07:00:00', '2025-11-02T02:00:00', 'zone', 'after the repeated hour'],
  ['Europe/London', '2025-03-30T00:59:00', '2025-03-30T00:59:00', 'zone', 'last minute of GMT'],
  ['Europe/London', '2025-03-30T01:00:00', '2025-03-30T02:00:00', 'zone', 'first minute of BST; 01:xx never exists'],
  ['Europe/London', '2025-10-26T00:30:00', '2025-10-26T00:30:00', 'UTC', '01:30 BST, first of two'],
  ['Europe/London', '2025-10-26T01:30:00', '2025-10-26T01:30:00', 'UTC', '01:30 GMT, second of two'],
  ['Europe/London', '2025-10-26T02:00:00', '2025-10-26T02:00:00', 'zone', 'after the repeated hour'],
  ['Australia/Sydney', '2025-04-05T15:30:00', '2025-04-05T15:30:00', 'UTC', '02:30 AEDT, first of two'],
  ['Australia/Sydney', '2025-04-05T16:30:00', '2025-04-05T16:30:00', 'UTC', '02:30 AEST, second of two'],
  ['Australia/Sydney', '2025-04-05T17:00:00', '2025-04-06T03:00:00', 'zone', 'after the repeated hour'],
  ['Australia/Sydney', '2025-10-04T15:59:00', '2025-10-05T01:59:00', 'zone', 'last minute of AEST'],
  [
    'Australia/Sydney',
    '2025-10-04T16:00:00',
    '2025-10-05T03:00:00',
    'zone',
    'first minute of AEDT; 02:xx never exists',
  ],
  ['America/St_Johns', '2025-03-09T05:29:00', '2025-03-09T01:59:00', 'zone', 'last minute of NST'],
  ['America/St_Johns', '2025-03-09T05:30:00', '2025-03-09T03:00:00', 'zone', 'first minute of NDT'],
  ['America/St_Johns', '2025-11-02T04:00:00', '2025-11-02T04:00:00', 'UTC', '01:30 NDT, first of two'],
  ['America/St_Johns', '2025-11-02T05:00:00', '2025-11-02T05:00:00', 'UTC', '01:30 NST, second of two'],
  ['America/St_Johns', '2025-11-02T05:30:00', '2025-11-02T02:00:00', 'zone', 'after the repeated hour'],
  ['Asia/Kolkata', '2025-03-09T07:00:00', '2025-03-09T12:30:00', 'zone', 'no DST: a half-hour offset'],
  ['Asia/Kolkata', '2025-11-02T06:30:00', '2025-11-02T12:00:00', 'zone', 'no DST: other dates alike'],
  ['UTC', '2025-03-30T01:00:00', '2025-03-30T01:00:00', 'zone', 'UTC is its own wall clock'],
  ['UTC', '2025-11-02T06:30:00', '2025-11-02T06:30:00', 'zone', 'UTC never repeats an hour'],
];

describe('sendTimes: conversion table', () => {
  it.each(CASES)('%s %sZ → %s (%s): %s', (iana, instant, dateTime, zoneKind) => {
    const windows = ianaToWindows(iana) ?? '';
    const sent = sendStart(utc(instant), windows);
    expect(sent).toEqual({ dateTime, timeZone: zoneKind === 'UTC' ? 'UTC' : windows });
    expect(readBack(sent)).toEqual([utc(instant).getTime() / 1000, utc(instant).getTime() / 1000]);
  });

  it('maps the six zones to the Windows ids Outlook stores', () => {
    const ids = ['America/Toronto', 'Europe/London', 'Australia/Sydney', 'America/St_Johns', 'Asia/Kolkata', 'UTC'];
    expect(ids.map(ianaToWindows)).toEqual([
      'Eastern Standard Time',
      'GMT Standard Time',
      'AUS Eastern Standard Time',
      'Newfoundland Standard Time',
      'India Standard Time',
      'UTC',
    ]);
  });

  it('sends start and end in one zone: an end in the repeated hour moves both to UTC', () => {
    const times = sendTimes(utc('2025-11-02T04:30:00'), utc('2025-11-02T05:45:00'), 'Eastern Standard Time');
    expect(times).toEqual({
      start: { dateTime: '2025-11-02T04:30:00', timeZone: 'UTC' },
      end: { dateTime: '2025-11-02T05:45:00', timeZone: 'UTC' },
    });
  });

  it('an event that spans the change keeps its zone and its true length', () => {
    // 00:30 EDT → 03:30 EST is four hours, not three: read back, the length is exact.
    const times = sendTimes(utc('2025-11-02T04:30:00'), utc('2025-11-02T08:30:00'), 'Eastern Standard Time');
    expect(times.start).toEqual({ dateTime: '2025-11-02T00:30:00', timeZone: 'Eastern Standard Time' });
    expect(times.end).toEqual({ dateTime: '2025-11-02T03:30:00', timeZone: 'Eastern Standard Time' });
    expect(readBack(times.end)[0] - readBack(times.start)[0]).toBe(4 * 3600);
  });

  it('falls back to UTC for a zone name that is not a Windows id', () => {
    expect(sendStart(utc('2025-07-01T13:00:00'), 'Eastern Daylight Time')).toEqual({
      dateTime: '2025-07-01T13:00:00',
      timeZone: 'UTC',
    });
  });
});

describe('sendTimes: every quarter hour around every DST change of 2024–2027', () => {
  const zones = ['America/Toronto', 'Europe/London', 'Australia/Sydney', 'America/St_Johns', 'Asia/Kolkata', 'UTC'];

  /** Instants where the offset changes, found hour by hour (all these zones change on an hour or half hour). */
  function transitions(zone: string): number[] {
    const found: number[] = [];
    let previous = offsetSeconds(Date.UTC(2024, 0, 1) / 1000, zone);
    for (let ms = Date.UTC(2024, 0, 1); ms < Date.UTC(2028, 0, 1); ms += HOUR / 2) {
      const offset = offsetSeconds(ms / 1000, zone);
      if (offset !== previous) found.push(ms);
      previous = offset;
    }
    return found;
  }

  it.each(zones)('%s', (iana) => {
    const windows = ianaToWindows(iana) ?? '';
    const changes = transitions(iana);
    expect(changes.length).toBe(iana === 'Asia/Kolkata' || iana === 'UTC' ? 0 : 8);
    const instants = changes.length > 0 ? changes : [Date.UTC(2025, 2, 9, 7), Date.UTC(2025, 10, 2, 6)];
    let sentInUtc = 0;
    for (const change of instants) {
      for (let ms = change - 4 * HOUR; ms <= change + 4 * HOUR; ms += HOUR / 4) {
        const sent = sendStart(new Date(ms), windows);
        expect(readBack(sent), `${iana} ${new Date(ms).toISOString()}`).toEqual([ms / 1000, ms / 1000]);
        if (sent.timeZone === 'UTC' && windows !== 'UTC') sentInUtc += 1;
        else expect(toWallClock(ms / 1000, iana)).toBe(sent.dateTime);
      }
    }
    // Only the repeated hour (twice per fall-back, four quarter hours each reading) goes out in UTC.
    const fallBacks = changes.filter((ms) => offsetSeconds(ms / 1000, iana) < offsetSeconds(ms / 1000 - 1, iana));
    expect(sentInUtc).toBe(fallBacks.length * 8);
  });

  it('never produces a wall clock inside a spring-forward gap', () => {
    // Toronto, 2025-03-09: 02:00–02:59 does not exist. Minute by minute across the change, none is sent.
    for (let ms = Date.UTC(2025, 2, 9, 6); ms < Date.UTC(2025, 2, 9, 8); ms += 60_000) {
      const sent = sendStart(new Date(ms), 'Eastern Standard Time');
      expect(sent.dateTime.slice(0, 13)).not.toBe('2025-03-09T02');
    }
  });
});
