import { describe, expect, it } from 'vitest';
import { ianaToWindows, windowsToIana, windowsZoneIds } from './windows-zones.js';
import { isIanaZone } from './zone-name.js';

describe('ianaToWindows', () => {
  it.each([
    ['America/Toronto', 'Eastern Standard Time'],
    ['America/New_York', 'Eastern Standard Time'],
    ['America/Montreal', 'Eastern Standard Time'],
    ['america/toronto', 'Eastern Standard Time'],
    ['America/St_Johns', 'Newfoundland Standard Time'],
    ['America/Vancouver', 'Pacific Standard Time'],
    ['America/Regina', 'Canada Central Standard Time'],
    ['Europe/London', 'GMT Standard Time'],
    ['Europe/Kyiv', 'FLE Standard Time'],
    ['Europe/Kiev', 'FLE Standard Time'],
    ['Australia/Sydney', 'AUS Eastern Standard Time'],
    ['Asia/Kolkata', 'India Standard Time'],
    ['Asia/Calcutta', 'India Standard Time'],
    ['Asia/Kathmandu', 'Nepal Standard Time'],
    ['America/Mexico_City', 'Central Standard Time (Mexico)'],
    ['Etc/UTC', 'UTC'],
    ['UTC', 'UTC'],
    ['Etc/GMT', 'UTC'],
    ['Etc/GMT+12', 'Dateline Standard Time'],
    ['Eastern Standard Time', null],
    ['Mars/Olympus_Mons', null],
    ['', null],
  ])('%s → %s', (iana, expected) => {
    expect(ianaToWindows(iana)).toBe(expected);
  });
});

describe('windowsToIana', () => {
  it.each([
    ['Eastern Standard Time', 'America/New_York'],
    ['eastern standard time', 'America/New_York'],
    ['Newfoundland Standard Time', 'America/St_Johns'],
    ['GMT Standard Time', 'Europe/London'],
    ['AUS Eastern Standard Time', 'Australia/Sydney'],
    ['India Standard Time', 'Asia/Kolkata'],
    ['FLE Standard Time', 'Europe/Kyiv'],
    ['UTC', 'Etc/UTC'],
    ['America/Toronto', null],
    ['Nowhere Standard Time', null],
  ])('%s → %s', (windows, expected) => {
    expect(windowsToIana(windows)).toBe(expected);
  });

  it('gives, for every Windows id, a zone the runtime knows and that maps back to the same id', () => {
    const ids = windowsZoneIds();
    expect(ids.length).toBeGreaterThan(130);
    for (const id of ids) {
      const iana = windowsToIana(id);
      expect(iana !== null && isIanaZone(iana), `${id} → ${iana}`).toBe(true);
      expect(ianaToWindows(iana ?? ''), `${id} → ${iana} → back`).toBe(id);
    }
  });
});
