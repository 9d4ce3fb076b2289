// The demo school's two curriculum periods, placed relative to `now` so the demo is always live: a current term and
// the next one, which starts within the default 120-day horizon. Each is a whole number of weeks, Monday 00:00 to
// Sunday 23:59:59 in the school's zone. They are placed so that a daylight-saving change (the one nearest to now)
// falls inside a term, at least two weeks from either end, so weekly classes straddle it — the case the event sync
// must get right to the minute.
import { civilDate, civilDayIn, mondayOnOrBefore, offsetChangeDays, zonedEpochSeconds } from './zoned-time.js';

export interface DemoTerm {
  title: string;
  /** Civil day of the first Monday. */
  firstDay: number;
  weeks: number;
  startSeconds: number;
  finishSeconds: number;
}

export interface DemoCalendar {
  current: DemoTerm;
  upcoming: DemoTerm;
  /** The civil day of the daylight-saving change inside one of the terms; null for a zone without one. */
  offsetChangeDay: number | null;
}

const WEEK = 7;
const UPCOMING_WEEKS = 16;
const MIN_CURRENT_WEEKS = 14;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function term(zone: string, firstDay: number, endDay: number): DemoTerm {
  const first = civilDate(firstDay);
  const last = civilDate(endDay - 1);
  const month = (d: { year: number; month: number }) => `${MONTHS[d.month - 1]} ${d.year}`;
  return {
    title: `Pre-clerkship term, ${month(first)} – ${month(last)}`,
    firstDay,
    weeks: (endDay - firstDay) / WEEK,
    startSeconds: zonedEpochSeconds(zone, firstDay, 0, 0),
    finishSeconds: zonedEpochSeconds(zone, endDay, 0, 0) - 1,
  };
}

/** Term boundaries from the nearest offset change (see the header). Every case keeps the next term's start ≤ 17 weeks. */
export function planDemoCalendar(now: Date, zone: string): DemoCalendar {
  const today = civilDayIn(zone, now);
  const monday = mondayOnOrBefore(today);
  const changes = offsetChangeDays(zone, today - 26 * WEEK, today + 26 * WEEK);
  const nearest = [...changes].sort((a, b) => Math.abs(a - today) - Math.abs(b - today) || a - b)[0];
  let currentStart = monday - 6 * WEEK;
  let currentEnd = monday + 10 * WEEK;
  if (nearest !== undefined) {
    const changeMonday = mondayOnOrBefore(nearest);
    if (nearest <= today) {
      // Behind us: the current term began at least two weeks before it.
      currentStart = Math.min(changeMonday - 2 * WEEK, monday - 6 * WEEK);
      currentEnd = monday + 4 * WEEK;
    } else if (nearest - today <= 12 * WEEK) {
      // Soon: the current term runs two full weeks past it.
      currentEnd = changeMonday + 3 * WEEK;
    } else {
      // Further off: a shorter current term, and the next term straddles the change.
      currentEnd = monday + 6 * WEEK;
    }
  }
  // A term of at least 14 weeks, so the timetable has substance (and ~200 events in all) whatever the date.
  currentStart = Math.min(currentStart, currentEnd - MIN_CURRENT_WEEKS * WEEK);
  return {
    current: term(zone, currentStart, currentEnd),
    upcoming: term(zone, currentEnd, currentEnd + UPCOMING_WEEKS * WEEK),
    offsetChangeDay: nearest ?? null,
  };
}
