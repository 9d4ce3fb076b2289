import { describe, expect, it } from 'vitest';
import { formatUtcOffset, listWindowsZones, standardOffsetSeconds } from './list-windows-zones.js';

const AT = new Date(Date.UTC(2025, 4, 1));

describe('listWindowsZones', () => {
  const zones = listWindowsZones(AT);
  const byAlias = new Map(zones.map((zone) => [zone.alias, zone.displayName]));

  it.each([
    ['Eastern Standard Time', '(UTC-05:00) Eastern Standard Time (New York)'],
    ['Newfoundland Standard Time', '(UTC-03:30) Newfoundland Standard Time (St Johns)'],
    ['GMT Standard Time', '(UTC+00:00) GMT Standard Time (London)'],
    ['India Standard Time', '(UTC+05:30) India Standard Time (Kolkata)'],
    ['Nepal Standard Time', '(UTC+05:45) Nepal Standard Time (Kathmandu)'],
    ['AUS Eastern Standard Time', '(UTC+10:00) AUS Eastern Standard Time (Sydney)'],
    ['Dateline Standard Time', '(UTC-12:00) Dateline Standard Time'],
    ['UTC', '(UTC+00:00) UTC'],
  ])('%s is listed as %s', (alias, displayName) => {
    expect(byAlias.get(alias)).toBe(displayName);
  });

  it('lists each Windows id once, sorted by standard offset', () => {
    expect(byAlias.size).toBe(zones.length);
    const offsets = zones.map((zone) => zone.displayName.slice(4, 10).replace(':', ''));
    const numeric = offsets.map((offset) => Number(offset));
    expect(numeric).toEqual([...numeric].sort((a, b) => a - b));
  });
});

describe('standardOffsetSeconds', () => {
  it.each([
    ['America/Toronto', -5 * 3600],
    ['Australia/Sydney', 10 * 3600],
    ['Europe/London', 0],
    ['America/St_Johns', -3.5 * 3600],
    ['Asia/Kolkata', 5.5 * 3600],
  ])('%s → %i', (zone, expected) => {
    expect(standardOffsetSeconds(zone, 2025)).toBe(expected);
  });
});

describe('formatUtcOffset', () => {
  it.each([
    [-18_000, 'UTC-05:00'],
    [19_800, 'UTC+05:30'],
    [-12_600, 'UTC-03:30'],
    [0, 'UTC+00:00'],
  ])('%i → %s', (seconds, expected) => {
    expect(formatUtcOffset(seconds)).toBe(expected);
  });
});
