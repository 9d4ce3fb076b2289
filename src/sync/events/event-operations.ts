// The plan of event sync as data (ARCHITECTURE.md, "Plans are data"): one typed operation per Elentra event the run
// looked at. The dry run prints them, apply executes them (ports.ts), tests assert on them. Each write operation is
// one Graph request against one mailbox (the team's group), except an update that merges the body, which reads the
// body first (meeting-body.ts), and the delete of an unconfirmed create, which looks its meeting up first
// (`calendarView`). Costs and ordering: schedule/.
import type { LearningEvent } from '../../elentra/roster/roster-types.js';
import type { MeetingField } from './fingerprint.js';
import type { GroupEventPatch, OnlineMeetingFields } from './meeting-payload.js';

interface OperationBase {
  eventId: number;
  offeringKey: string;
  /** The mailbox the request goes to: the team's group id. */
  teamId: string;
}

export type CreateReason =
  /** The event has never had a meeting. */
  | 'new'
  /** A create may have reached Graph without an answer: the same transactionId again, so no duplicate. */
  | 'retry'
  /** The last meeting was deleted (by us, or in Outlook): a new generation. */
  | 'recreate'
  /** The event moved to another offering or team: the old meeting is deleted first (`replaces`). */
  | 'moved';

/**
 * A new meeting. Its POST body is rendered when it is sent (render-create.ts), not when it is planned: a first run
 * at university scale plans 200,000 creates, and holding 200,000 rendered bodies would cost hundreds of megabytes
 * for nothing. The plan holds the event itself, which the roster holds anyway.
 */
export interface CreateEventOperation extends OperationBase {
  kind: 'createEvent';
  reason: CreateReason;
  event: LearningEvent;
  transactionId: string;
  generation: number;
  /** A retry: the sent_hash of the pending row, i.e. what the unanswered attempt may have created (null: unknown). */
  pendingHash?: string | null;
  /** A move: the meeting in the old team that must be deleted before this create runs. */
  replaces?: { teamId: string; graphEventId: string };
}

export interface UpdateEventOperation extends OperationBase {
  kind: 'updateEvent';
  graphEventId: string;
  transactionId: string;
  fields: MeetingField[];
  /** Only the changed fields: one PATCH. */
  patch: GroupEventPatch;
  /** The body changes on an event that has a Teams meeting: GET the body and keep its meeting blob. */
  mergeBodyWithMeetingBlob: boolean;
  /** The link back to Elentra that ends our part of the body (the merge looks for it). */
  eventUrl: string;
  sentHash: string;
}

export type DeleteReason =
  | 'deleted-in-elentra'
  | 'unreleased'
  | 'beyond-window'
  | 'not-offering-audience'
  /** Moved to another offering or team; a createEvent with `replaces` follows. */
  | 'moved';

/**
 * Where a create that was never confirmed may have left its meeting: found by its transactionId in `calendarView`
 * over [searchFrom, searchUntil) (ISO 8601 instants), since the row holds no graph event id (plan-unwanted-row.ts).
 */
export interface UnconfirmedCreate {
  transactionId: string;
  searchFrom: string;
  searchUntil: string;
}

export interface DeleteEventOperation extends OperationBase {
  kind: 'deleteEvent';
  /** '' with `unconfirmed`: the id is not known until the meeting is found. */
  graphEventId: string;
  reason: DeleteReason;
  /**
   * The row's create was never confirmed (status pending or error, no graph event id): look the meeting up by its
   * transactionId first (one calendarView page or more), DELETE it if it exists, and end the row either way.
   */
  unconfirmed?: UnconfirmedCreate;
}

/** A meeting that came back without onlineMeeting: PATCH isOnlineMeeting again (Graph allows adding it later). */
export interface RepairMeetingOperation extends OperationBase {
  kind: 'repairMeeting';
  graphEventId: string;
  transactionId: string;
  patch: OnlineMeetingFields;
  sentHash: string;
}

export type NoChangeReason =
  | 'in-sync'
  /** Started before the window: a session that already happened keeps its meeting as it was. */
  | 'past'
  /** Teams meetings were turned off, but Graph can't turn an existing meeting off: it stays. */
  | 'meeting-kept'
  /** Its team was deleted in Microsoft, and the meeting with it: recorded (`markTeamDeleted`), nothing sent. */
  | 'team-deleted';

export interface NoChangeOperation {
  kind: 'noChange';
  eventId: number;
  offeringKey: string;
  reason: NoChangeReason;
  /** Nothing to send, but ms_events.sent_hash should become this (its source changed, the meeting did not). */
  recordHash?: string;
  /** Nothing to send, but the row becomes `team-deleted` (join link cleared), guarded by this team id. */
  markTeamDeleted?: string;
}

export type EventWriteOperation =
  | CreateEventOperation
  | UpdateEventOperation
  | DeleteEventOperation
  | RepairMeetingOperation;

export type EventOperation = EventWriteOperation | NoChangeOperation;
export type EventOperationKind = EventOperation['kind'];

export function isWrite(operation: EventOperation): operation is EventWriteOperation {
  return operation.kind !== 'noChange';
}
