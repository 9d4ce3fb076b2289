// What a group calendar event looks like going in and coming out (GRAPH-FACTS §6, CSDL microsoft.graph.event): wall
// time + zone name (`{dateTime: "2026-09-14T08:30:00", timeZone: "Eastern Standard Time"}`, never an abbreviation or
// an offset), a Teams meeting with `isOnlineMeeting` + `teamsForBusiness`, and a client-chosen `transactionId`.
// Answers carry `dateTime` with 7-digit fractions, in UTC unless `Prefer: outlook.timezone` asked otherwise.
import { z } from 'zod';

export interface DateTimeTimeZone {
  dateTime: string;
  /** A Windows zone name (or a supported IANA name). */
  timeZone: string;
}

export interface GroupEventFields {
  subject: string;
  body?: { contentType: 'html' | 'text'; content: string };
  start: DateTimeTimeZone;
  end: DateTimeTimeZone;
  location?: { displayName: string };
  /** With `onlineMeetingProvider: 'teamsForBusiness'`: a Teams meeting. Can't be turned off once on. */
  isOnlineMeeting?: boolean;
  onlineMeetingProvider?: 'teamsForBusiness';
}

export interface NewGroupEvent extends GroupEventFields {
  /** Client-chosen and immutable (event.md): a repeated create does not make a second event. */
  transactionId: string;
}

const dateTimeTimeZone = z.object({ dateTime: z.string(), timeZone: z.string().nullable().optional() });

const eventSchema = z.object({
  id: z.string(),
  subject: z.string().nullable().optional(),
  start: dateTimeTimeZone,
  end: dateTimeTimeZone,
  originalStartTimeZone: z.string().nullable().optional(),
  originalEndTimeZone: z.string().nullable().optional(),
  isOnlineMeeting: z.boolean().nullable().optional(),
  onlineMeetingProvider: z.string().nullable().optional(),
  onlineMeeting: z.object({ joinUrl: z.string().nullable().optional() }).nullable().optional(),
  transactionId: z.string().nullable().optional(),
  isCancelled: z.boolean().nullable().optional(),
  location: z.object({ displayName: z.string().nullable().optional() }).nullable().optional(),
  lastModifiedDateTime: z.string().nullable().optional(),
});

export interface GroupEvent {
  id: string;
  subject: string;
  start: DateTimeTimeZone;
  end: DateTimeTimeZone;
  originalStartTimeZone: string | null;
  originalEndTimeZone: string | null;
  isOnlineMeeting: boolean;
  onlineMeetingProvider: string | null;
  joinUrl: string | null;
  transactionId: string | null;
  isCancelled: boolean;
  location: string | null;
  lastModifiedDateTime: string | null;
}

export function groupEventOf(body: unknown): GroupEvent {
  const e = eventSchema.parse(body);
  return {
    id: e.id,
    subject: e.subject ?? '',
    start: { dateTime: e.start.dateTime, timeZone: e.start.timeZone ?? 'UTC' },
    end: { dateTime: e.end.dateTime, timeZone: e.end.timeZone ?? 'UTC' },
    originalStartTimeZone: e.originalStartTimeZone ?? null,
    originalEndTimeZone: e.originalEndTimeZone ?? null,
    isOnlineMeeting: e.isOnlineMeeting ?? false,
    onlineMeetingProvider: e.onlineMeetingProvider ?? null,
    joinUrl: e.onlineMeeting?.joinUrl ?? null,
    transactionId: e.transactionId ?? null,
    isCancelled: e.isCancelled ?? false,
    location: e.location?.displayName ?? null,
    lastModifiedDateTime: e.lastModifiedDateTime ?? null,
  };
}

/** GRAPH-FACTS §6: a 201 asking for a Teams meeting may come without one (`onlineMeetingProvider: "unknown"`). */
export function isMeetingMissing(sent: GroupEventFields, event: GroupEvent): boolean {
  return sent.isOnlineMeeting === true && (event.joinUrl === null || !event.isOnlineMeeting);
}

/** `Prefer: outlook.timezone="…"` (quoted: zone names have spaces). */
export function preferTimeZone(timeZone: string | undefined): Record<string, string> | undefined {
  return timeZone === undefined ? undefined : { Prefer: `outlook.timezone="${timeZone}"` };
}
