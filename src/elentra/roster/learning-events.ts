// Learning events of the roster: Elentra's event rows, with their audience and contacts, as LearningEvents (Dates
// from epoch seconds; Elentra's 0 for "no parent", "no series" and open release bounds as null), collected per
// offering a page of rows at a time (read-roster-rows.ts). Instants, audiences, rooms and empty contact lists are
// shared between events (shared-values.ts).
import { eventFinishSeconds, eventHasNoStart, eventProblem } from './date-problems.js';
import { offeringKey } from './offering-rule.js';
import type { EventAudienceRow, EventContactRow, EventRow, EventRowsPage } from './roster-rows.js';
import type { EventAudience, LearningEvent } from './roster-types.js';
import { NO_AUDIENCE, NO_CONTACTS, type SharedValues } from './shared-values.js';

function append<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [item]);
  else list.push(item);
}

/** The roster's events as they are read: LearningEvents and date problems per offering, the contacts' ids. */
export class RosterEvents {
  /** Offering key → its LearningEvents, unsorted; none when the events are not kept. */
  readonly byOffering = new Map<string, LearningEvent[]>();
  /** Offering key → the impossible dates of its event rows, in words, in row order. */
  readonly problems = new Map<string, string[]>();
  /** Without events kept: the proxy ids of their contacts (still people the roster mentions). */
  readonly contactIds = new Set<number>();

  /** `keep` false (a roster read without events): the rows are only those with impossible dates, for the warnings. */
  constructor(
    private readonly keep: boolean,
    private readonly shared: SharedValues,
  ) {}

  /** Turns a page of rows into LearningEvents; the page is not kept. */
  add(page: EventRowsPage): void {
    const audiences = audienceByEvent(page.eventAudience, this.shared);
    const contactsByEvent = new Map<number, EventContactRow[]>();
    for (const contact of page.eventContacts) {
      if (this.keep) append(contactsByEvent, contact.event_id, contact);
      else this.contactIds.add(contact.proxy_id);
    }
    for (const row of page.events) {
      const key = offeringKey(row.course_id, row.cperiod_id);
      const problem = eventProblem(row);
      if (problem !== null) append(this.problems, key, problem);
      if (!this.keep || eventHasNoStart(row)) continue;
      const audience = audiences.get(row.event_id) ?? NO_AUDIENCE;
      const contacts = contactsByEvent.get(row.event_id) ?? [];
      append(this.byOffering, key, toLearningEvent(row, audience, contacts, this.shared));
    }
  }
}

/** Each event's audience, sorted by type then value (one shared list per distinct audience). */
export function audienceByEvent(rows: readonly EventAudienceRow[], shared: SharedValues): Map<number, EventAudience[]> {
  const byEvent = new Map<number, EventAudience[]>();
  for (const row of rows) {
    const list = byEvent.get(row.event_id);
    const entry = { type: row.audience_type, value: row.audience_value };
    if (list === undefined) byEvent.set(row.event_id, [entry]);
    else list.push(entry);
  }
  for (const [eventId, list] of byEvent) {
    list.sort((a, b) => compareText(a.type, b.type) || compareText(a.value, b.value));
    byEvent.set(eventId, shared.audience(list));
  }
  return byEvent;
}

/** `audience` from audienceByEvent(): the event's, or the shared empty list. */
export function toLearningEvent(
  row: EventRow,
  audience: EventAudience[],
  contacts: readonly EventContactRow[],
  shared: SharedValues,
): LearningEvent {
  return {
    eventId: row.event_id,
    parentId: row.parent_id || null,
    recurringId: row.recurring_id || null,
    courseId: row.course_id,
    title: row.event_title,
    description: row.event_description,
    location: shared.text(row.event_location),
    start: shared.instant(row.event_start),
    finish: shared.instant(eventFinishSeconds(row)),
    durationMinutes: row.event_duration,
    releaseFrom: shared.optionalInstant(row.release_date),
    releaseUntil: shared.optionalInstant(row.release_until),
    audienceVisible: row.audience_visible === 1,
    updatedAt: shared.instant(row.updated_date),
    audience,
    contacts:
      contacts.length === 0
        ? NO_CONTACTS
        : [...contacts]
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
