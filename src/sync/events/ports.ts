// The two doors of the apply layer, as interfaces: the pure core above plans, an implementation of these executes.
// CalendarGateway is backed by src/microsoft/graph/events.ts (group events; GRAPH-FACTS §6), EventStore by the
// ms_events table (src/db/). Contract for apply, per operation (event-operations.ts):
// - createEvent: renderCreate (render-create.ts), store.markPending(… hashAfterCreate) BEFORE the POST, so a lost
//   answer is retried with the same transactionId; then recordWritten with status 'active', or 'meeting-missing' when
//   the meeting did not come back although asked for (a warning for the dashboard; the next plan repairs it).
// - noChange with recordHash: store.recordHash, no request.
// - updateEvent: when mergeBodyWithMeetingBlob, getBody → mergeBodyKeepingMeetingBlob → PATCH the merged body (and
//   isOnlineMeeting when the blob was not there any more); then recordWritten. 'gone' → recordDeleted(…, 'gone').
// - deleteEvent: 'gone' counts as done. recordDeleted clears the row only if it still names that graph event id, so a
//   move's create (which may finish first in another mailbox) is never undone by its delete.
// - deleteEvent with `unconfirmed` (a create never confirmed, no graph event id): findByTransactionId in the search
//   window; found → DELETE it; then recordUnconfirmedEnded (status 'deleted', so a later create is a new generation),
//   found or not — not found means the create never reached Microsoft. The group gone → recordTeamDeleted.
// - createEvent answered 404 (the team's group is gone): recordTeamDeleted — no retry in that team by the next plan
//   once the teams sync has flagged it; noChange with markTeamDeleted: recordTeamDeleted, no request.
// - Any error: recordError (graph_event_id and sent_hash untouched: they still describe what exists).
import type { EventRowStatus, ObservedEventRow } from './event-rows.js';
import type { GroupEventPatch, NewGroupEvent } from './meeting-payload.js';

/** What Graph answered for a written event. */
export interface WrittenEvent {
  graphEventId: string;
  /** onlineMeeting.joinUrl; null when the answer had no meeting. */
  joinUrl: string | null;
  /** The answer's isOnlineMeeting (false + provider "unknown" is the known failure, GRAPH-FACTS §6). */
  isOnlineMeeting: boolean;
}

export type WriteOutcome =
  | { outcome: 'written'; event: WrittenEvent }
  /** 404: the event (or its team's group) no longer exists. */
  | { outcome: 'gone' };

export interface CalendarGateway {
  /** POST /groups/{teamId}/events with body.transactionId: a repeat answers with the event already made. */
  createEvent(teamId: string, body: NewGroupEvent): Promise<WriteOutcome>;
  /** PATCH /groups/{teamId}/events/{id}: only the fields given. */
  updateEvent(teamId: string, graphEventId: string, patch: GroupEventPatch): Promise<WriteOutcome>;
  /** GET /groups/{teamId}/events/{id}?$select=body: the HTML to merge into; null when gone. */
  getEventBody(teamId: string, graphEventId: string): Promise<string | null>;
  /** DELETE /groups/{teamId}/events/{id}: 'gone' when it was already deleted. */
  deleteEvent(teamId: string, graphEventId: string): Promise<'deleted' | 'gone'>;
  /**
   * GET /groups/{teamId}/calendarView over the window (`$select=id,transactionId`, every page until a match): the
   * event a create with this transactionId made, matched client-side.
   */
  findByTransactionId(teamId: string, transactionId: string, window: SearchWindow): Promise<FoundEvent>;
}

/** ISO 8601 instants; calendarView returns the events overlapping [startDateTime, endDateTime). */
export interface SearchWindow {
  startDateTime: string;
  endDateTime: string;
}

export type FoundEvent =
  | { outcome: 'found'; graphEventId: string }
  | { outcome: 'not-found' }
  /** 404: the team's group no longer exists (and its calendar with it). */
  | { outcome: 'gone' };

export interface PendingCreate {
  eventId: number;
  offeringKey: string;
  teamId: string;
  transactionId: string;
  sentHash: string | null;
}

export interface WrittenRow extends PendingCreate {
  graphEventId: string;
  joinUrl: string | null;
  status: Extract<EventRowStatus, 'active' | 'meeting-missing'>;
}

export interface EventStore {
  /** Rows of the given offerings, or all rows when null. */
  listRows(offeringKeys: readonly string[] | null): Promise<ObservedEventRow[]>;
  /** Upsert by event id: status 'pending', graph_event_id null, the create's transactionId and hash. */
  markPending(create: PendingCreate, atMs: number): Promise<void>;
  /** Upsert by event id after a create, update or repair answered. */
  recordWritten(row: WrittenRow, atMs: number): Promise<void>;
  /** graph_event_id → null and status → `status`, only where graph_event_id still equals `graphEventId`. */
  recordDeleted(eventId: number, graphEventId: string, status: 'deleted' | 'gone', atMs: number): Promise<void>;
  /**
   * An unconfirmed create's meeting was deleted, or found never made: status 'deleted' (ended: a later create gets
   * the next generation), graph_event_id and join_url null, only where transaction_id still equals `transactionId`
   * (a null graph id cannot guard it).
   */
  recordUnconfirmedEnded(eventId: number, transactionId: string, atMs: number): Promise<void>;
  /**
   * status 'team-deleted' and join_url null, only where team_id still equals `teamId`; graph_event_id and sent_hash
   * are kept (a group restored within 30 days brings its calendar back).
   */
  recordTeamDeleted(eventId: number, teamId: string, atMs: number): Promise<void>;
  /** sent_hash only (a noChange with recordHash): no request was sent. */
  recordHash(eventId: number, sentHash: string, atMs: number): Promise<void>;
  /** status 'error' and last_error, nothing else changed. */
  recordError(eventId: number, message: string, atMs: number): Promise<void>;
}
