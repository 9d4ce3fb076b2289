// Impossible dates in Elentra rows, found while the roster is assembled: a curriculum period that finishes before it
// starts, a course_audience row whose enrolment window closes before it opens, a learning event that ends before it
// starts or starts at 0 (Elentra's "no date", impossible for a session). None of them stops the roster: each becomes
// a warning in words on its offering (Offering.dataWarnings, shown by the teams sync with the offering's results),
// and the rest of the offering and every other offering are read as usual.
// What the roster does with such a row, so that nothing is lost:
// - a reversed period: the offering is kept (its team is neither created twice nor archived because of it);
// - a reversed enrolment window: read as open (0–0), so its learners stay in the team rather than being removed
//   because of a typing error in Elentra;
// - an event ending before it starts: kept, ending its duration (event_duration, at least 0) after its start;
// - an event starting at 0 (or before 1970): left out of the offering's events (it has no date to put a meeting at).
import type { AudienceRow, EventRow, OfferingRow } from './roster-rows.js';

function day(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

export function periodProblem(row: OfferingRow): string | null {
  if (row.finish_date >= row.start_date) return null;
  const title = row.curriculum_period_title ?? `#${row.cperiod_id}`;
  return (
    `The curriculum period "${title}" (cperiod_id ${row.cperiod_id}) finishes on ${day(row.finish_date)}, before ` +
    `it starts on ${day(row.start_date)}: correct its dates in Elentra. The offering is still synced.`
  );
}

/** Whether the enrolment window is reversed (both bounds set, the finish before the start). */
export function isReversedWindow(start: number | null, finish: number | null): boolean {
  return start !== null && finish !== null && start !== 0 && finish !== 0 && finish < start;
}

export function enrolmentProblem(row: AudienceRow): string | null {
  if (!isReversedWindow(row.enroll_start, row.enroll_finish)) return null;
  return (
    `The course audience row for ${row.audience_type} ${row.audience_value} closes enrolment on ` +
    `${day(row.enroll_finish)}, before it opens on ${day(row.enroll_start)}: its learners are kept as if it had ` +
    'no enrolment dates until it is corrected in Elentra.'
  );
}

export function eventHasNoStart(row: EventRow): boolean {
  return row.event_start <= 0;
}

export function eventProblem(row: EventRow): string | null {
  const name = `The learning event "${row.event_title}" (event_id ${row.event_id})`;
  if (eventHasNoStart(row)) {
    return `${name} has no start date (event_start ${row.event_start}): it gets no Teams meeting until it has one.`;
  }
  if (row.event_finish < row.event_start) {
    return (
      `${name} finishes before it starts (${new Date(row.event_finish * 1000).toISOString()} < ` +
      `${new Date(row.event_start * 1000).toISOString()}): its meeting uses its duration of ${row.event_duration} ` +
      'minute(s) until it is corrected in Elentra.'
    );
  }
  return null;
}

/** The finish the roster uses: event_finish, or start + event_duration when event_finish is before the start. */
export function eventFinishSeconds(row: EventRow): number {
  if (row.event_finish >= row.event_start) return row.event_finish;
  return row.event_start + Math.max(0, row.event_duration) * 60;
}
