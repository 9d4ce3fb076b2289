// How a group calendar event looks in Graph (group-post-events.md / group-get-event.md examples, CSDL microsoft.graph.event),
// with start/end in UTC unless `Prefer: outlook.timezone="…"` names another zone (GRAPH-FACTS §6).
import { createHash } from 'node:crypto';
import { isoTicks } from './http.js';
import type { EventRecord, GroupRecord } from './state.js';
import { type ResolvedZone, resolveZone, utcToWall } from './zones.js';

/** The zone a `Prefer` header asks for (`outlook.timezone="Eastern Standard Time"`), if it names a supported one. */
export function preferredZone(prefer: string | undefined): ResolvedZone | null {
  if (!prefer) return null;
  const m = /outlook\.timezone\s*=\s*(?:"([^"]*)"|([^,;\s]+))/i.exec(prefer);
  const name = m?.[1] ?? m?.[2];
  return name ? resolveZone(name) : null;
}

export function dateTimeTimeZone(utcMs: number, zone: ResolvedZone | null): { dateTime: string; timeZone: string } {
  return zone
    ? { dateTime: utcToWall(utcMs, zone.iana), timeZone: zone.name }
    : { dateTime: utcToWall(utcMs, 'Etc/UTC'), timeZone: 'UTC' };
}

/** A deterministic Teams join link for an event (`https://teams.microsoft.com/l/meetup-join/…`). */
export function joinUrlFor(tenantId: string, organizerId: string, eventId: string): string {
  const digest = createHash('sha256').update(`${tenantId}/${eventId}`).digest('base64url').slice(0, 43);
  // Teams writes the escapes in lower case: `context=%7b%22Tid%22%3a%22…%22%7d`.
  const context = encodeURIComponent(JSON.stringify({ Tid: tenantId, Oid: organizerId })).replace(
    /%[0-9A-F]{2}/g,
    (e) => e.toLowerCase(),
  );
  return `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${digest}%40thread.v2/0?context=${context}`;
}

function preview(body: { content: string }): string {
  return body.content
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 255);
}

export function eventEntity(
  event: EventRecord,
  group: GroupRecord,
  groupMail: string | null,
  zone: ResolvedZone | null,
): Record<string, unknown> {
  return {
    '@odata.etag': `W/"${event.changeKey}"`,
    id: event.id,
    createdDateTime: isoTicks(event.createdAtMs),
    lastModifiedDateTime: isoTicks(event.lastModifiedAtMs),
    changeKey: event.changeKey,
    categories: [...event.categories],
    // event.md: "This property is only returned in a response payload if an app has set it."
    ...(event.transactionId !== null ? { transactionId: event.transactionId } : {}),
    originalStartTimeZone: event.originalStartTimeZone,
    originalEndTimeZone: event.originalEndTimeZone,
    iCalUId: event.iCalUId,
    reminderMinutesBeforeStart: event.reminderMinutesBeforeStart,
    isReminderOn: event.isReminderOn,
    hasAttachments: false,
    subject: event.subject,
    bodyPreview: preview(event.body),
    importance: event.importance,
    sensitivity: event.sensitivity,
    isAllDay: event.isAllDay,
    isCancelled: event.isCancelled,
    isDraft: false,
    isOrganizer: true,
    responseRequested: event.responseRequested,
    seriesMasterId: null,
    showAs: event.showAs,
    type: 'singleInstance',
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(event.id)}&exvsurl=1&path=/calendar/item`,
    onlineMeetingUrl: null,
    isOnlineMeeting: event.isOnlineMeeting,
    onlineMeetingProvider: event.onlineMeetingProvider,
    allowNewTimeProposals: event.allowNewTimeProposals,
    hideAttendees: event.hideAttendees,
    recurrence: null,
    onlineMeeting: event.isOnlineMeeting && event.joinUrl ? { joinUrl: event.joinUrl } : null,
    responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
    body: { ...event.body },
    start: dateTimeTimeZone(event.startUtcMs, zone),
    end: dateTimeTimeZone(event.endUtcMs, zone),
    location: { ...event.location },
    locations: event.locations.map((l) => ({ ...l })),
    attendees: structuredClone(event.attendees),
    organizer: { emailAddress: { name: group.displayName, address: groupMail } },
  };
}
