// A learning event → the Teams meeting we want in its team's group calendar, and the Graph bodies that write it
// (POST /groups/{id}/events, PATCH /groups/{id}/events/{id}; GRAPH-FACTS §6). Decisions, each for a reason:
// - isOnlineMeeting + teamsForBusiness (option `onlineMeetings`, on by default): the join link is the point.
// - No attendees: the group is the audience; its members see the group calendar. Inviting each learner would mail
//   hundreds of invitations per session and make every later change another mail to everyone.
// - responseRequested false, allowNewTimeProposals false: times come from Elentra; replies and proposals from a
//   whole class would go nowhere useful.
// - showAs busy; isReminderOn true with 15 minutes: Outlook's own default, written explicitly so the result does
//   not depend on mailbox settings. These constant fields are not in the fingerprint; change them with its version.
import type { LearningEvent } from '../../elentra/roster/roster-types.js';
import { type Fingerprint, fingerprintOf, type MeetingField } from './fingerprint.js';
import { htmlToText, oneLine } from './html-text.js';
import { elentraEventUrl, meetingBodyHtml } from './meeting-body.js';
import { meetingSourceHash } from './meeting-source.js';
import { meetingSubject } from './meeting-subject.js';
import { type DateTimeTimeZone, sendTimes } from './send-time.js';

export const TEAMS_PROVIDER = 'teamsForBusiness';
export const REMINDER_MINUTES = 15;

export interface MeetingOptions {
  /** ENTRADA_URL: absolute, no trailing slash. */
  entradaUrl: string;
  /** The Outlook Time Zone as a canonical Windows id (resolveOutlookTimeZone). */
  outlookTimeZone: string;
  /** Ask Graph for a Teams meeting (default true). */
  onlineMeetings: boolean;
}

/** What the meeting of one event should be. */
export interface Meeting {
  eventId: number;
  subject: string;
  /** Our part of the body (meeting-body.ts); Exchange appends the Teams blob after it. */
  bodyHtml: string;
  eventUrl: string;
  location: string;
  start: DateTimeTimeZone;
  end: DateTimeTimeZone;
  online: boolean;
  fingerprint: Fingerprint;
}

export interface OnlineMeetingFields {
  isOnlineMeeting: true;
  onlineMeetingProvider: typeof TEAMS_PROVIDER;
}

export interface GroupEventPatch extends Partial<OnlineMeetingFields> {
  subject?: string;
  body?: { contentType: 'html'; content: string };
  location?: { displayName: string };
  start?: DateTimeTimeZone;
  end?: DateTimeTimeZone;
}

export interface NewGroupEvent extends GroupEventPatch {
  subject: string;
  body: { contentType: 'html'; content: string };
  location: { displayName: string };
  start: DateTimeTimeZone;
  end: DateTimeTimeZone;
  allowNewTimeProposals: false;
  responseRequested: false;
  showAs: 'busy';
  isReminderOn: true;
  reminderMinutesBeforeStart: number;
  transactionId: string;
}

/** Shared by every repair operation: frozen, so that no caller can change it for the others. */
export const ONLINE_MEETING_FIELDS: Readonly<OnlineMeetingFields> = Object.freeze({
  isOnlineMeeting: true,
  onlineMeetingProvider: TEAMS_PROVIDER,
});

export function buildMeeting(event: LearningEvent, options: MeetingOptions): Meeting {
  const eventUrl = elentraEventUrl(options.entradaUrl, event.eventId);
  const subject = meetingSubject(event.title);
  const bodyHtml = meetingBodyHtml(event.description, eventUrl);
  const location = oneLine(htmlToText(event.location));
  const { start, end } = sendTimes(event.start, event.finish, options.outlookTimeZone);
  const startEpochSeconds = Math.floor(event.start.getTime() / 1000);
  const online = options.onlineMeetings;
  const source = meetingSourceHash(event, options);
  const fingerprint = fingerprintOf({ startEpochSeconds, source, subject, bodyHtml, location, start, end, online });
  return { eventId: event.eventId, subject, bodyHtml, eventUrl, location, start, end, online, fingerprint };
}

/** The POST body of a new meeting. */
export function newGroupEvent(meeting: Meeting, transactionId: string): NewGroupEvent {
  return {
    subject: meeting.subject,
    body: { contentType: 'html', content: meeting.bodyHtml },
    location: { displayName: meeting.location },
    start: meeting.start,
    end: meeting.end,
    ...(meeting.online ? ONLINE_MEETING_FIELDS : {}),
    allowNewTimeProposals: false,
    responseRequested: false,
    showAs: 'busy',
    isReminderOn: true,
    reminderMinutesBeforeStart: REMINDER_MINUTES,
    transactionId,
  };
}

/**
 * One PATCH with only the changed fields. `online` in the list means "add the meeting" (Graph lets an event become
 * online later, never the reverse: learn.microsoft.com/graph/outlook-calendar-online-meetings). The body here is our
 * part only; for an event that already has a meeting the apply layer merges it with the blob first (meeting-body.ts).
 */
export function meetingPatch(meeting: Meeting, fields: readonly MeetingField[]): GroupEventPatch {
  const patch: GroupEventPatch = {};
  for (const field of fields) {
    if (field === 'subject') patch.subject = meeting.subject;
    else if (field === 'body') patch.body = { contentType: 'html', content: meeting.bodyHtml };
    else if (field === 'location') patch.location = { displayName: meeting.location };
    // Start and end travel together: a PATCH never leaves Graph holding a new start with an old end (which could
    // even lie before it), and both carry the zone they were computed in.
    else if (field === 'start' || field === 'end') Object.assign(patch, { start: meeting.start, end: meeting.end });
    else if (field === 'online' && meeting.online) Object.assign(patch, ONLINE_MEETING_FIELDS);
  }
  return patch;
}
