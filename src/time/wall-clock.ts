// Instants ↔ wall-clock times in a zone. Elentra stores instants (epoch seconds); Graph's dateTimeTimeZone wants a
// local date-time plus a zone, so the sync engine converts both ways. Pure: only Intl's tz database is consulted.

export type Disambiguation = 'earlier' | 'later';

const SECONDS_PER_DAY = 86_400;
// Graph answers with up to seven fractional digits ("2024-03-10T02:30:00.0000000"); the fraction is dropped.
const WALL_CLOCK_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    // hourCycle h23: with hour12:false some ICU versions print midnight as "24".
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The local fields of an instant, as if they were UTC: seconds since the epoch of the wall-clock reading. */
function wallSeconds(epochSeconds: number, zone: string): number {
  return epochSeconds + hourOffset(epochSeconds, zone);
}

const SECONDS_PER_HOUR = 3_600;
const offsetsByHour = new Map<string, number>();
const OFFSETS_CACHE_SIZE = 100_000;

/**
 * The zone's offset at an instant, from a cache per zone and UTC hour: formatToParts costs ~10 µs and a sync converts
 * every meeting's start and end. An hour whose two ends have the same offset has it throughout (a zone changes its
 * offset at most once in an hour); an hour with a change in it is computed exactly, each time.
 */
function hourOffset(epochSeconds: number, zone: string): number {
  const hourStart = Math.floor(epochSeconds / SECONDS_PER_HOUR) * SECONDS_PER_HOUR;
  const key = `${zone}@${hourStart}`;
  let offset = offsetsByHour.get(key);
  if (offset === undefined) {
    const atStart = exactWallSeconds(hourStart, zone) - hourStart;
    const atEnd = exactWallSeconds(hourStart + SECONDS_PER_HOUR - 1, zone) - (hourStart + SECONDS_PER_HOUR - 1);
    if (atStart !== atEnd) return exactWallSeconds(epochSeconds, zone) - epochSeconds;
    offset = atStart;
    if (offsetsByHour.size >= OFFSETS_CACHE_SIZE) offsetsByHour.clear();
    offsetsByHour.set(key, offset);
  }
  return offset;
}

function exactWallSeconds(epochSeconds: number, zone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(epochSeconds * 1000)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = fields;
  return Date.UTC(year, month - 1, day, hour, minute, second) / 1000;
}

/** The zone's offset from UTC at an instant, in seconds (Toronto in winter: -18000). */
export function offsetSeconds(epochSeconds: number, zone: string): number {
  const whole = Math.floor(epochSeconds);
  return wallSeconds(whole, zone) - whole;
}

function format(wall: number): string {
  return new Date(wall * 1000).toISOString().slice(0, 19);
}

/** `1710054000, 'America/Toronto'` → `'2024-03-10T03:00:00'`. Fractions of a second are dropped. */
export function toWallClock(epochSeconds: number, zone: string): string {
  if (!Number.isFinite(epochSeconds)) throw new RangeError(`Not an instant: ${epochSeconds}`);
  return format(wallSeconds(Math.floor(epochSeconds), zone));
}

/**
 * The instant at which `zone` reads `wallClock` (`YYYY-MM-DDTHH:mm[:ss[.fff]]`). A time that occurs twice (clocks
 * fall back) gives the first or second occurrence. A time that never occurs (clocks spring forward) is shifted by
 * the length of the gap, as Temporal does: 'earlier' gives the instant before the gap (02:30 → 01:30 standard time),
 * 'later' the one after it (02:30 → 03:30 daylight time).
 */
export function fromWallClock(wallClock: string, zone: string, disambiguation: Disambiguation): number {
  const local = parseWallClock(wallClock);
  // Offsets a day either side bracket any transition near this time; zones change offset at most once a day.
  const offsets = new Set([offsetSeconds(local - SECONDS_PER_DAY, zone), offsetSeconds(local + SECONDS_PER_DAY, zone)]);
  const candidates = [...offsets].map((offset) => local - offset);
  const exact = candidates.filter((instant) => wallSeconds(instant, zone) === local);
  const pool = exact.length > 0 ? exact : candidates;
  return disambiguation === 'earlier' ? Math.min(...pool) : Math.max(...pool);
}

/** Wall-clock text → its fields read as UTC, in epoch seconds; rejects impossible dates such as 2024-02-30. */
function parseWallClock(wallClock: string): number {
  const match = WALL_CLOCK_PATTERN.exec(wallClock);
  if (!match) throw new RangeError(`Not a wall-clock time (YYYY-MM-DDTHH:mm:ss): "${wallClock}"`);
  const [, year, month, day, hour, minute, second = '00'] = match;
  const local =
    Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)) / 1000;
  const normalized = `${year}-${month}-${day}T${hour}:${minute}:${second}`;
  if (Number.isNaN(local) || format(local) !== normalized) {
    throw new RangeError(`Not a valid date and time: "${wallClock}"`);
  }
  return local;
}
