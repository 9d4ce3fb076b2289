// Dates and durations as an administrator reads them: in the site's time zone (DEFAULT_TIMEZONE), with the zone's
// short name, and "in 52 minutes" / "3 days ago" beside them.

export function formatInstant(ms: number, timeZone: string): string {
  // dateStyle/timeStyle cannot be combined with timeZoneName, hence the fields one by one.
  return new Intl.DateTimeFormat('en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(ms));
}

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

export function formatRelative(ms: number, now: number): string {
  const difference = ms - now;
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(difference) >= size) return format.format(Math.round(difference / size), unit);
  }
  return difference >= 0 ? 'in less than a minute' : 'less than a minute ago';
}

/** `formatInstant` with the relative time: "Mar 4, 2026, 10:15 a.m. EST (in 52 minutes)". */
export function describeInstant(ms: number | null, timeZone: string, now: number): string | null {
  return ms === null ? null : `${formatInstant(ms, timeZone)} (${formatRelative(ms, now)})`;
}
