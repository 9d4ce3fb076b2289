// The Windows time zones in the shape of Graph's GET /me/outlook/supportedTimeZones (`{ alias, displayName }`),
// for the "Outlook Time Zone" dropdown and for the emulator's answer. Windows' own display names are not in CLDR,
// so the name is derived: "(UTC-05:00) Eastern Standard Time (New York)".
import { offsetSeconds } from './wall-clock.js';
import { windowsToIana, windowsZoneIds } from './windows-zones.js';

export interface WindowsTimeZone {
  /** The Windows id, e.g. `Eastern Standard Time`: what Graph and Outlook store. */
  alias: string;
  displayName: string;
}

/** Standard (winter) offset in seconds: the smaller of the January and July offsets of `year`. */
export function standardOffsetSeconds(zone: string, year: number): number {
  const january = offsetSeconds(Date.UTC(year, 0, 1) / 1000, zone);
  const july = offsetSeconds(Date.UTC(year, 6, 1) / 1000, zone);
  return Math.min(january, july);
}

/** `-18000` → `UTC-05:00`, `19800` → `UTC+05:30`. */
export function formatUtcOffset(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const minutes = Math.round(Math.abs(seconds) / 60);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `UTC${sign}${hh}:${mm}`;
}

function cityOf(zone: string): string | null {
  if (zone.startsWith('Etc/')) return null;
  return zone.split('/').pop()?.replace(/_/g, ' ') ?? null;
}

/** All Windows zones, sorted as Windows sorts them: by standard offset, then name. Offsets are those of `at`'s year. */
export function listWindowsZones(at: Date = new Date()): WindowsTimeZone[] {
  const year = at.getUTCFullYear();
  const rows = windowsZoneIds().flatMap((alias) => {
    const zone = windowsToIana(alias);
    if (zone === null) return [];
    const offset = standardOffsetSeconds(zone, year);
    const city = cityOf(zone);
    const displayName = `(${formatUtcOffset(offset)}) ${alias}${city && city !== alias ? ` (${city})` : ''}`;
    return [{ alias, displayName, offset }];
  });
  rows.sort((a, b) => a.offset - b.offset || a.alias.localeCompare(b.alias));
  return rows.map(({ alias, displayName }) => ({ alias, displayName }));
}
