// The emulator's own time-zone helper (it must not import src/): Windows zone names ↔ IANA names from CLDR's
// `supplemental/windowsZones.json` (package cldr-core), and wall-clock ↔ UTC conversion through Intl.
// Outlook accepts Windows zone names and IANA names (dateTimeTimeZone.md); abbreviations ("EST") and fixed offsets
// ("+05:00") are refused with TimeZoneNotSupportedException (GRAPH-FACTS §6) — note that Intl alone would take "EST".
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface MapZone {
  mapZone: { _other: string; _type: string; _territory: string };
}

const cldr = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('cldr-core/supplemental/windowsZones.json'), 'utf8'),
) as {
  supplemental: { windowsZones: { mapTimezones: MapZone[] } };
};

/** Windows zone name → its IANA zone for territory 001 (CLDR's "golden" zone). */
const windowsToIana = new Map<string, string>();
const windowsByLowerName = new Map<string, string>();
const cldrIana = new Set<string>();
for (const { mapZone } of cldr.supplemental.windowsZones.mapTimezones) {
  const ianas = mapZone._type.split(' ').filter(Boolean);
  for (const iana of ianas) cldrIana.add(iana);
  if (mapZone._territory === '001') {
    windowsToIana.set(mapZone._other, ianas[0] ?? 'Etc/UTC');
    windowsByLowerName.set(mapZone._other.toLowerCase(), mapZone._other);
  }
}

export interface ResolvedZone {
  /** The name as Outlook will echo it (Windows names in their canonical spelling, IANA names as given). */
  name: string;
  iana: string;
}

/** A Windows or IANA zone name, or null for anything else (abbreviations, offsets, unknown names). */
export function resolveZone(input: string): ResolvedZone | null {
  const name = input.trim();
  if (name === '') return null;
  const windows = windowsByLowerName.get(name.toLowerCase());
  if (windows) return { name: windows, iana: windowsToIana.get(windows) ?? 'Etc/UTC' };
  if (cldrIana.has(name)) return { name, iana: name };
  if (name.includes('/') && isIntlZone(name)) return { name, iana: name };
  return null;
}

function isIntlZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(iana: string): Intl.DateTimeFormat {
  let f = formatters.get(iana);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: iana,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(iana, f);
  }
  return f;
}

const HOUR_MS = 3_600_000;
const offsetsByHour = new Map<string, number>();

/**
 * The zone's offset from UTC at `utcMs`, in ms (positive east of Greenwich). Cached per zone and UTC hour when both
 * ends of the hour agree (a zone changes offset at most once an hour): formatToParts per event made the emulator,
 * which shares the benchmark's cores with the sync, slow to answer thousands of creates.
 */
export function offsetMs(iana: string, utcMs: number): number {
  const hourStart = Math.floor(utcMs / HOUR_MS) * HOUR_MS;
  const key = `${iana}@${hourStart}`;
  const cached = offsetsByHour.get(key);
  if (cached !== undefined) return cached;
  const atStart = exactOffsetMs(iana, hourStart);
  if (atStart !== exactOffsetMs(iana, hourStart + HOUR_MS - 1000)) return exactOffsetMs(iana, utcMs);
  if (offsetsByHour.size >= 100_000) offsetsByHour.clear();
  offsetsByHour.set(key, atStart);
  return atStart;
}

function exactOffsetMs(iana: string, utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(iana).formatToParts(new Date(utcMs)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return asUtc - (utcMs - (((utcMs % 1000) + 1000) % 1000));
}

/** The UTC instant of a wall-clock time in a zone (two passes, so DST transitions resolve like Outlook's forward shift). */
export function wallToUtcMs(wallAsUtcMs: number, iana: string): number {
  const first = wallAsUtcMs - offsetMs(iana, wallAsUtcMs);
  return wallAsUtcMs - offsetMs(iana, first);
}

/** `2026-09-14T08:30:00.0000000`: the wall-clock time of `utcMs` in the zone, with Outlook's 7 fractional digits. */
export function utcToWall(utcMs: number, iana: string): string {
  const wall = new Date(utcMs + offsetMs(iana, utcMs));
  return `${wall.toISOString().slice(0, 23)}0000`;
}

/** Parses `YYYY-MM-DDTHH:mm[:ss[.fffffff]]` (a trailing `Z` is tolerated) as a wall-clock time, in ms as if UTC. */
export function parseWallTime(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?Z?$/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac] = m;
  const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  const result = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), ms);
  const check = new Date(result);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23) return null;
  return result;
}

// Windows display names Microsoft shows (docs examples and the Windows registry); others are derived below.
const DISPLAY_NAMES: Record<string, string> = {
  'Dateline Standard Time': '(UTC-12:00) International Date Line West',
  'UTC-11': '(UTC-11:00) Coordinated Universal Time-11',
  'Aleutian Standard Time': '(UTC-10:00) Aleutian Islands',
  'Hawaiian Standard Time': '(UTC-10:00) Hawaii',
  'Alaskan Standard Time': '(UTC-09:00) Alaska',
  'Pacific Standard Time': '(UTC-08:00) Pacific Time (US & Canada)',
  'US Mountain Standard Time': '(UTC-07:00) Arizona',
  'Mountain Standard Time': '(UTC-07:00) Mountain Time (US & Canada)',
  'Central Standard Time': '(UTC-06:00) Central Time (US & Canada)',
  'Canada Central Standard Time': '(UTC-06:00) Saskatchewan',
  'Eastern Standard Time': '(UTC-05:00) Eastern Time (US & Canada)',
  'Atlantic Standard Time': '(UTC-04:00) Atlantic Time (Canada)',
  'Newfoundland Standard Time': '(UTC-03:30) Newfoundland',
  UTC: '(UTC) Coordinated Universal Time',
  'GMT Standard Time': '(UTC+00:00) Dublin, Edinburgh, Lisbon, London',
  'W. Europe Standard Time': '(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna',
  'Romance Standard Time': '(UTC+01:00) Brussels, Copenhagen, Madrid, Paris',
  'India Standard Time': '(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi',
  'China Standard Time': '(UTC+08:00) Beijing, Chongqing, Hong Kong, Urumqi',
  'Tokyo Standard Time': '(UTC+09:00) Osaka, Sapporo, Tokyo',
  'AUS Eastern Standard Time': '(UTC+10:00) Canberra, Melbourne, Sydney',
  'Samoa Standard Time': '(UTC+13:00) Samoa',
};

/** `(UTC±hh:mm) City` from the zone's standard offset (the smaller of January's and July's) and its IANA city. */
function derivedDisplayName(windows: string, iana: string): string {
  const year = 2026;
  const standard = Math.min(offsetMs(iana, Date.UTC(year, 0, 15)), offsetMs(iana, Date.UTC(year, 6, 15)));
  const sign = standard < 0 ? '-' : '+';
  const minutes = Math.abs(standard) / 60000;
  const offset = `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const city = (iana.split('/').pop() ?? windows).replace(/_/g, ' ');
  return `(UTC${offset}) ${iana.startsWith('Etc/') ? windows : city}`;
}

export interface TimeZoneInformation {
  alias: string;
  displayName: string;
}

/** The Windows zones, ordered by standard offset then name (as Outlook lists them). */
export function windowsTimeZones(): TimeZoneInformation[] {
  return [...windowsToIana.entries()]
    .map(([alias, iana]) => ({
      alias,
      displayName: DISPLAY_NAMES[alias] ?? derivedDisplayName(alias, iana),
      offset: Math.min(offsetMs(iana, Date.UTC(2026, 0, 15)), offsetMs(iana, Date.UTC(2026, 6, 15))),
    }))
    .sort((a, b) => a.offset - b.offset || a.alias.localeCompare(b.alias))
    .map(({ alias, displayName }) => ({ alias, displayName }));
}

/** The IANA zones (`alias` and `displayName` are both the IANA name, as in the docs example). */
export function ianaTimeZones(): TimeZoneInformation[] {
  return [...cldrIana].sort().map((alias) => ({ alias, displayName: alias }));
}
