// The demo's periods hold their promises for every date: the current term contains now, the next one follows it and
// starts within the 120-day horizon, terms run Monday 00:00 to Sunday 23:59:59 in Toronto, and a daylight-saving
// change falls inside a term, at least two weeks from either end.
import { describe, expect, it } from 'vitest';
import { type DemoTerm, planDemoCalendar } from './demo-calendar.js';
import { civilDayIn, weekdayOf } from './zoned-time.js';

const ZONE = 'America/Toronto';
const DAY_S = 86_400;

function contains(term: DemoTerm, changeDay: number): boolean {
  return changeDay >= term.firstDay + 14 && changeDay <= term.firstDay + term.weeks * 7 - 14;
}

/** The promises this date breaks (an empty list when it keeps them all). */
function broken(now: Date): string[] {
  const nowS = now.getTime() / 1000;
  const { current, upcoming, offsetChangeDay } = planDemoCalendar(now, ZONE);
  const checks: Array<[string, boolean]> = [
    ['current term contains now', current.startSeconds <= nowS && nowS <= current.finishSeconds],
    ['current term is at least 14 weeks', current.weeks >= 14],
    ['next term follows the current one', upcoming.startSeconds === current.finishSeconds + 1],
    ['next term starts within 120 days', upcoming.startSeconds > nowS && upcoming.startSeconds <= nowS + 120 * DAY_S],
    ...[current, upcoming].flatMap(
      (term): Array<[string, boolean]> => [
        ['terms start on a Monday', weekdayOf(term.firstDay) === 1],
        [
          'terms start at local midnight',
          civilDayIn(ZONE, new Date(term.startSeconds * 1000 - 1000)) === term.firstDay - 1,
        ],
        [
          'terms end on a Sunday',
          civilDayIn(ZONE, new Date(term.finishSeconds * 1000)) === term.firstDay + term.weeks * 7 - 1,
        ],
      ],
    ),
    [
      'a daylight-saving change is well inside a term',
      offsetChangeDay !== null && (contains(current, offsetChangeDay) || contains(upcoming, offsetChangeDay)),
    ],
  ];
  return checks.filter(([, ok]) => !ok).map(([promise]) => `${now.toISOString()}: ${promise}`);
}

describe('planDemoCalendar', () => {
  it('keeps its promises on every third day of two years, at every hour', () => {
    const start = Date.parse('2025-01-01T00:00:00Z');
    const nows = Array.from({ length: 244 }, (_, i) => new Date(start + (i * 3 * DAY_S + (i % 24) * 3600) * 1000));
    expect(nows.flatMap(broken)).toEqual([]);
  });
});
