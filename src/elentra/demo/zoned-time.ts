// Civil dates and wall-clock times in an IANA zone, for the demo school's timetable ("Mondays 09:00 in Toronto").
// Days are counted as integers since 1970-01-01 (a "civil day"), which makes week arithmetic exact; the zone's UTC
// offset comes from Intl, so daylight-saving changes land where the tz database says. The sync has its own time-zone
// conversion (Outlook zones); this file only serves the demo.

const MS_PER_DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, format);
  }
  return format;
}

function wallClockParts(zone: string, epochMs: number): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts;
}

/** The zone's offset from UTC at an instant, in milliseconds (e.g. -5 h for Toronto in winter). */
export function zoneOffsetMs(zone: string, epochMs: number): number {
  const p = wallClockParts(zone, epochMs);
  const asUtc = Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** The civil day (days since 1970-01-01) that an instant falls on in the zone. */
export function civilDayIn(zone: string, instant: Date): number {
  const p = wallClockParts(zone, instant.getTime());
  return Math.round(Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1) / MS_PER_DAY);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(civilDay: number): number {
  return new Date(civilDay * MS_PER_DAY).getUTCDay();
}

/** The Monday on or before a civil day. */
export function mondayOnOrBefore(civilDay: number): number {
  return civilDay - ((weekdayOf(civilDay) + 6) % 7);
}

export function civilDate(civilDay: number): { year: number; month: number; day: number } {
  const date = new Date(civilDay * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/**
 * The instant (epoch seconds) of a wall-clock time on a civil day in the zone. Two passes settle the offset, so a
 * time just after a daylight-saving change gets the new offset. (Times inside the skipped hour do not occur here:
 * classes are not scheduled at 02:30 on a Sunday.)
 */
export function zonedEpochSeconds(zone: string, civilDay: number, hour: number, minute: number): number {
  const wallAsUtc = civilDay * MS_PER_DAY + (hour * 60 + minute) * 60_000;
  const firstGuess = wallAsUtc - zoneOffsetMs(zone, wallAsUtc);
  const settled = wallAsUtc - zoneOffsetMs(zone, firstGuess);
  return Math.floor(settled / 1000);
}

/**
 * The civil days within `fromDay`..`toDay` on which the zone's UTC offset changes (daylight saving starts or ends),
 * judged at noon UTC: late enough that the change (early morning in the Americas) has happened.
 */
export function offsetChangeDays(zone: string, fromDay: number, toDay: number): number[] {
  const days: number[] = [];
  let previous = zoneOffsetMs(zone, fromDay * MS_PER_DAY + MS_PER_DAY / 2);
  for (let day = fromDay + 1; day <= toDay; day += 1) {
    const offset = zoneOffsetMs(zone, day * MS_PER_DAY + MS_PER_DAY / 2);
    if (offset !== previous) days.push(day);
    previous = offset;
  }
  return days;
}
