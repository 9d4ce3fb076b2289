// Learning events of the roster: Elentra's event rows, with their audience and contacts, as LearningEvents (Dates
// from epoch seconds; Elentra's 0 for "no parent", "no series" and open release bounds as null).
import { eventFinishSeconds } from './date-problems.js';
import { fromEpochSeconds, optionalInstant } from './offering-rule.js';
import type { EventAudienceRow, EventContactRow, EventRow } from './roster-rows.js';
import type { LearningEvent } from './roster-types.js';

export function toLearningEvent(
  row: EventRow,
  audience: readonly EventAudienceRow[],
  contacts: readonly EventContactRow[],
): LearningEvent {
  return {
    eventId: row.event_id,
    parentId: row.parent_id || null,
    recurringId: row.recurring_id || null,
    courseId: row.course_id,
    title: row.event_title,
    description: row.event_description,
    location: row.event_location,
    start: fromEpochSeconds(row.event_start),
    finish: fromEpochSeconds(eventFinishSeconds(row)),
    durationMinutes: row.event_duration,
    releaseFrom: optionalInstant(row.release_date),
    releaseUntil: optionalInstant(row.release_until),
    audienceVisible: row.audience_visible === 1,
    updatedAt: fromEpochSeconds(row.updated_date),
    audience: audience
      .map((a) => ({ type: a.audience_type, value: a.audience_value }))
      .sort((a, b) => compareText(a.type, b.type) || compareText(a.value, b.value)),
    contacts: [...contacts]
      .sort((a, b) => a.contact_order - b.contact_order || a.proxy_id - b.proxy_id)
      .map((c) => ({ proxyId: c.proxy_id, role: c.contact_role })),
  };
}

// Code-point order, not the locale's: the same roster must come out the same on every machine.
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function byStartThenId(a: LearningEvent, b: LearningEvent): number {
  return a.start.getTime() - b.start.getTime() || a.eventId - b.eventId;
}
