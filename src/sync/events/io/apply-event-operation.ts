// One planned event write, executed by the apply contract of ../ports.ts: a create writes its row `pending` before the
// POST (a lost answer is retried with the same transactionId: no duplicate; a retry that may have met older content
// is followed by a PATCH of every field); an update that changes the body of an online meeting reads the body first
// and keeps Exchange's Teams blob; the delete of a create never confirmed finds its meeting by transactionId first
// (none found: the create never reached Microsoft, nothing to delete); `gone` (404) is recorded, not failed; any
// other failure is recorded on the row in words (graph id and hash untouched: they still describe what exists). An
// AuthorizationRequiredError is rethrown: the run stops at once (run-errors.ts of the teams sync decides the same).
import { AuthorizationRequiredError } from '../../../microsoft/identity/identity-errors.js';
import type {
  CreateEventOperation,
  DeleteEventOperation,
  EventWriteOperation,
  UnconfirmedCreate,
  UpdateEventOperation,
} from '../event-operations.js';
import { MEETING_FIELDS } from '../fingerprint.js';
import { mergeBodyKeepingMeetingBlob } from '../meeting-body.js';
import {
  buildMeeting,
  type GroupEventPatch,
  type MeetingOptions,
  meetingPatch,
  ONLINE_MEETING_FIELDS,
} from '../meeting-payload.js';
import type { CalendarGateway, EventStore, WriteOutcome } from '../ports.js';
import { renderCreate } from '../render-create.js';
import { errorInWords } from './error-words.js';

export type AppliedOutcome =
  | 'written'
  | 'meeting-missing'
  | 'deleted'
  | 'gone'
  | 'team-deleted'
  /** The delete of an unconfirmed create found no meeting: the create never reached Microsoft. Not an error. */
  | 'never-made'
  | 'error';

export interface AppliedEvent {
  outcome: AppliedOutcome;
  joinUrl: string | null;
  /** The failure in words (error), or what a warning means (meeting-missing, gone). */
  message: string | null;
}

export interface ApplyEventDeps {
  store: EventStore;
  gateway: CalendarGateway;
  meeting: MeetingOptions;
  nowMs: () => number;
}

const MEETING_MISSING =
  'Microsoft created the event without its Teams meeting (no join link); the next run asks for the meeting again.';
const GONE = 'The event (or its team) no longer exists in Microsoft; the next run creates it again if it is wanted.';
/** A create answered 404: the group itself is gone (POST /groups/{id}/events has nothing else to miss). */
export const TEAM_DELETED_ON_CREATE =
  "The offering's team no longer exists in Microsoft (its group was deleted): no meeting was made. Run " +
  'microsoft:sync-teams, which flags the team as deleted; see docs/troubleshooting.md#team-deleted.';

/** The delete of an unconfirmed create found its meeting (by transactionId) and deleted it. */
export const UNCONFIRMED_DELETED =
  'A create for this event was never confirmed; its meeting was found in Teams by its transactionId and deleted.';
/** The delete of an unconfirmed create found no meeting. */
export const NEVER_MADE =
  'No meeting had been made: the create for this event was never confirmed and never reached Microsoft (no event ' +
  'with its transactionId in the team calendar). Nothing to delete.';
/** calendarView answered 404: the group, and any meeting the create made in it, is gone. */
const TEAM_DELETED_ON_FIND =
  "The offering's team no longer exists in Microsoft (its group was deleted), and any meeting made in it with it. " +
  'Run microsoft:sync-teams, which flags the team as deleted; see docs/troubleshooting.md#team-deleted.';

export async function applyEventOperation(op: EventWriteOperation, deps: ApplyEventDeps): Promise<AppliedEvent> {
  try {
    return await execute(op, deps);
  } catch (error) {
    if (error instanceof AuthorizationRequiredError) throw error;
    const message = errorInWords(error);
    await deps.store.recordError(op.eventId, message, deps.nowMs());
    return { outcome: 'error', joinUrl: null, message };
  }
}

async function execute(op: EventWriteOperation, deps: ApplyEventDeps): Promise<AppliedEvent> {
  const { store, gateway } = deps;
  if (op.kind === 'deleteEvent' && op.unconfirmed) return deleteUnconfirmed(op, op.unconfirmed, deps);
  if (op.kind === 'deleteEvent') {
    const result = await gateway.deleteEvent(op.teamId, op.graphEventId);
    await store.recordDeleted(op.eventId, op.graphEventId, result === 'deleted' ? 'deleted' : 'gone', deps.nowMs());
    return { outcome: result === 'deleted' ? 'deleted' : 'gone', joinUrl: null, message: null };
  }
  const target = { eventId: op.eventId, offeringKey: op.offeringKey, teamId: op.teamId };
  if (op.kind === 'createEvent') {
    const rendered = renderCreate(op, deps.meeting);
    const pending = { ...target, transactionId: op.transactionId, sentHash: rendered.hashAfterCreate };
    await store.markPending(pending, deps.nowMs());
    const outcome = await gateway.createEvent(op.teamId, rendered.body);
    // 404 on a create: the team's group is gone, with anything an earlier attempt made in it. The row says so; the
    // planner then retries nowhere (the teams sync flags the team) or creates in the offering's new team.
    if (outcome.outcome === 'gone') {
      await store.recordTeamDeleted(op.eventId, op.teamId, deps.nowMs());
      return { outcome: 'team-deleted', joinUrl: null, message: TEAM_DELETED_ON_CREATE };
    }
    const written = await record(outcome, pending, deps);
    // A retry whose content changed since the unanswered attempt may have met that attempt's event, older content
    // and all (render-create.ts): bring it up to date now, with the PATCH of every field the next run would send,
    // so one run converges. If that PATCH fails, the row keeps no hash and the next run sends it.
    if (rendered.hashAfterCreate !== null || written.outcome !== 'written') return written;
    return execute(refreshAfterRetry(op, outcome.event.graphEventId, rendered.sentHash, deps.meeting), deps);
  }
  const patch = op.kind === 'updateEvent' ? await patchFor(op, gateway) : op.patch;
  if (patch === null) return gone(op.eventId, op.graphEventId, deps);
  const outcome = await gateway.updateEvent(op.teamId, op.graphEventId, patch);
  if (outcome.outcome === 'gone') return gone(op.eventId, op.graphEventId, deps);
  return record(outcome, { ...target, transactionId: op.transactionId, sentHash: op.sentHash }, deps);
}

/**
 * A create never confirmed, of an event that should have no meeting: look for what it made, delete that if anything,
 * and end the row (status 'deleted': the next create of this event, if any, is a new generation). Not found means
 * the POST never reached Microsoft. A failure of either request is recorded by the caller and the row stays
 * unconfirmed, so the next run tries again.
 */
async function deleteUnconfirmed(
  op: DeleteEventOperation,
  unconfirmed: UnconfirmedCreate,
  deps: ApplyEventDeps,
): Promise<AppliedEvent> {
  const { store, gateway } = deps;
  const window = { startDateTime: unconfirmed.searchFrom, endDateTime: unconfirmed.searchUntil };
  const found = await gateway.findByTransactionId(op.teamId, unconfirmed.transactionId, window);
  if (found.outcome === 'gone') {
    await store.recordTeamDeleted(op.eventId, op.teamId, deps.nowMs());
    return { outcome: 'team-deleted', joinUrl: null, message: TEAM_DELETED_ON_FIND };
  }
  // 'gone' on the DELETE (someone deleted it meanwhile) is what a delete wants, like any delete's.
  if (found.outcome === 'found') await gateway.deleteEvent(op.teamId, found.graphEventId);
  await store.recordUnconfirmedEnded(op.eventId, unconfirmed.transactionId, deps.nowMs());
  return found.outcome === 'found'
    ? { outcome: 'deleted', joinUrl: null, message: UNCONFIRMED_DELETED }
    : { outcome: 'never-made', joinUrl: null, message: NEVER_MADE };
}

/** Every field of a retried create, as an update of the event it met (the planner's update of a row without hash). */
function refreshAfterRetry(
  op: CreateEventOperation,
  graphEventId: string,
  sentHash: string,
  options: MeetingOptions,
): UpdateEventOperation {
  const meeting = buildMeeting(op.event, options);
  // The meeting is there (the create was `written`): asking again could renew its join link.
  const fields = MEETING_FIELDS.filter((field) => field !== 'online');
  return {
    kind: 'updateEvent',
    eventId: op.eventId,
    offeringKey: op.offeringKey,
    teamId: op.teamId,
    graphEventId,
    transactionId: op.transactionId,
    fields,
    patch: meetingPatch(meeting, fields),
    mergeBodyWithMeetingBlob: meeting.online,
    eventUrl: meeting.eventUrl,
    sentHash,
  };
}

/** The PATCH of an update; with a body change on an online meeting, the body merged with its blob (null: gone). */
async function patchFor(op: UpdateEventOperation, gateway: CalendarGateway): Promise<GroupEventPatch | null> {
  if (!op.mergeBodyWithMeetingBlob || op.patch.body === undefined) return op.patch;
  const current = await gateway.getEventBody(op.teamId, op.graphEventId);
  if (current === null) return null;
  const merged = mergeBodyKeepingMeetingBlob(current, op.patch.body.content, op.eventUrl);
  const body = { contentType: 'html', content: merged.html } as const;
  // No blob found: the body alone would leave an event without its meeting, so ask for the meeting with it.
  return merged.meetingBlobKept ? { ...op.patch, body } : { ...op.patch, body, ...ONLINE_MEETING_FIELDS };
}

async function gone(eventId: number, graphEventId: string, deps: ApplyEventDeps): Promise<AppliedEvent> {
  await deps.store.recordDeleted(eventId, graphEventId, 'gone', deps.nowMs());
  return { outcome: 'gone', joinUrl: null, message: GONE };
}

async function record(
  outcome: Extract<WriteOutcome, { outcome: 'written' }>,
  row: { eventId: number; offeringKey: string; teamId: string; transactionId: string; sentHash: string | null },
  deps: ApplyEventDeps,
): Promise<AppliedEvent> {
  const { graphEventId, joinUrl, isOnlineMeeting } = outcome.event;
  const missing = deps.meeting.onlineMeetings && (joinUrl === null || !isOnlineMeeting);
  const status = missing ? 'meeting-missing' : 'active';
  await deps.store.recordWritten({ ...row, graphEventId, joinUrl, status }, deps.nowMs());
  return { outcome: missing ? 'meeting-missing' : 'written', joinUrl, message: missing ? MEETING_MISSING : null };
}
