// A course's learning events for one term, from its weekly timetable (demo-catalogue.ts): recurring series (every
// occurrence carries the first one's event_id in recurring_id), split lab sessions (children with parent_id), and a
// final examination in the last week. Wall-clock times in the school's zone, so a series that straddles a
// daylight-saving change keeps its local time and moves in UTC — as real timetables do.
import type { Insertable } from 'kysely';
import type { EventAudienceType, EventContactRole, EventsTable } from '../tables.js';
import type { DemoTerm } from './demo-calendar.js';
import type { DemoCourse } from './demo-catalogue.js';
import { zonedEpochSeconds } from './zoned-time.js';

export interface ScheduledEvent {
  row: Insertable<EventsTable> & { event_id: number };
  audience: Array<[EventAudienceType, string]>;
  contacts: Array<[number, EventContactRole]>;
}

/** One session to put in the calendar: a civil day, a local time, and who teaches (the `turn`-th teacher). */
interface Session {
  title: string;
  day: number;
  hour: number;
  minute?: number;
  minutes: number;
  location: string;
  description?: string;
  parentId?: number;
  turn: number;
}

export interface ScheduleContext {
  zone: string;
  nextEventId: () => number;
  audience: Array<[EventAudienceType, string]>;
  /** Course directors and faculty, who teach in turn; empty for a course without contacts. */
  teachers: number[];
  updatedSeconds: number;
}

/** Week indexes with classes: every week but the last (examinations) and, in a long term, a mid-term reading week. */
export function teachingWeeks(weeks: number): number[] {
  const readingWeek = weeks >= 10 ? Math.floor(weeks / 2) : -1;
  return Array.from({ length: weeks - 1 }, (_, week) => week).filter((week) => week !== readingWeek);
}

export function scheduleCourse(course: DemoCourse, term: DemoTerm, ctx: ScheduleContext): ScheduledEvent[] {
  const events: ScheduledEvent[] = [];
  const teacher = (turn: number): Array<[number, EventContactRole]> => {
    const id = ctx.teachers[turn % Math.max(1, ctx.teachers.length)];
    return id === undefined ? [] : [[id, 'teacher']];
  };
  const make = (session: Session): ScheduledEvent => {
    const start = zonedEpochSeconds(ctx.zone, session.day, session.hour, session.minute ?? 0);
    const event: ScheduledEvent = {
      row: {
        event_id: ctx.nextEventId(),
        recurring_id: 0,
        course_id: course.id,
        event_title: session.title,
        event_description: session.description ?? null,
        event_location: session.location,
        event_start: start,
        event_finish: start + session.minutes * 60,
        event_duration: session.minutes,
        release_date: 0,
        release_until: 0,
        updated_date: ctx.updatedSeconds,
        updated_by: 1,
        parent_id: session.parentId ?? null,
      },
      audience: ctx.audience,
      contacts: teacher(session.turn),
    };
    events.push(event);
    return event;
  };

  const weeks = teachingWeeks(term.weeks);
  for (const series of course.series) {
    const held = series.fortnightly ? weeks.filter((_, index) => index % 2 === 0) : weeks;
    let firstId: number | null = null;
    held.forEach((week, occurrence) => {
      const day = term.firstDay + week * 7 + series.weekday - 1;
      const topic = series.topics[occurrence % series.topics.length] ?? '';
      const event = make({
        title: `${series.title}: ${topic}`,
        day,
        hour: series.hour,
        minute: series.minute,
        minutes: series.minutes,
        location: series.location,
        description: series.description,
        turn: occurrence,
      });
      firstId ??= event.row.event_id;
      event.row.recurring_id = firstId;
    });
  }
  if (course.lab) {
    const lab = course.lab;
    weeks
      .filter((_, index) => index % lab.everyWeeks === 1)
      .forEach((week, occurrence) => {
        const day = term.firstDay + week * 7 + lab.weekday - 1;
        const parent = make({
          title: `${lab.title} ${occurrence + 1}`,
          day,
          hour: lab.hour,
          minutes: lab.minutesEach * lab.groups.length,
          location: lab.location,
          description: 'Dissection in two groups; see your group time.',
          turn: occurrence,
        });
        lab.groups.forEach((group, index) => {
          const minutesIn = index * lab.minutesEach;
          make({
            title: `${lab.title} ${occurrence + 1} (${group})`,
            day,
            hour: lab.hour + Math.floor(minutesIn / 60),
            minute: minutesIn % 60,
            minutes: lab.minutesEach,
            location: lab.location,
            parentId: parent.row.event_id,
            turn: occurrence,
          });
        });
      });
  }
  if (course.exam) {
    const exam = course.exam;
    const day = term.firstDay + (term.weeks - 1) * 7 + exam.weekday - 1;
    make({ title: exam.title, day, hour: exam.hour, minutes: exam.minutes, location: exam.location, turn: 0 });
  }
  return events;
}
