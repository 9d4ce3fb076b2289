// One event that should have a meeting, against its ms_events row (if any) → create, update, repair, or nothing.
// A move (other offering or team) is delete-then-create: the row holds one meeting per event, and deleting first
// means a crash in between leaves no meeting behind rather than two (execution-order.ts runs the delete first).
// Rendering is the expensive part of planning, so it happens only for an existing meeting whose source changed.
import type { LearningEvent } from '../../elentra/roster/roster-types.js';
import type { CreateEventOperation, CreateReason, EventOperation, NoChangeOperation } from './event-operations.js';
import { inDeletedTeam, type ObservedEventRow, rowState } from './event-rows.js';
import {
  changedFields,
  type MeetingField,
  parseFingerprint,
  serializeFingerprint,
  storedSource,
} from './fingerprint.js';
import { buildMeeting, meetingPatch, ONLINE_MEETING_FIELDS } from './meeting-payload.js';
import { meetingSourceHash } from './meeting-source.js';
import type { EventPlanContext } from './plan-context.js';
import type { SelectedEvent } from './select-events.js';
import { generationOf, transactionIdFor } from './transaction-id.js';

interface Target {
  eventId: number;
  offeringKey: string;
  teamId: string;
}

export function planSelectedEvent(
  selected: SelectedEvent,
  row: ObservedEventRow | undefined,
  ctx: EventPlanContext,
): EventOperation[] {
  const { event } = selected;
  const target = { eventId: event.eventId, offeringKey: selected.offeringKey, teamId: selected.teamId };
  if (row === undefined) return [create(event, target, 'new', transactionIdFor(ctx.site, event.eventId, 1))];
  const state = rowState(row);
  const nextTransaction = transactionIdFor(ctx.site, event.eventId, generationOf(row.transaction_id) + 1);
  if (state === 'ended') return [create(event, target, 'recreate', nextTransaction)];
  const teamDeleted = inDeletedTeam(row) && row.team_id !== target.teamId;
  // Its team was deleted in Microsoft, and whatever the row held with it: a new meeting (new generation) here, with
  // nothing to delete or finish there.
  if (teamDeleted) return [create(event, target, 'recreate', nextTransaction)];
  if (state === 'create-unconfirmed') {
    // Finish the create where it was started (same transactionId): if it did reach Graph, that is where the event
    // is, and the next run moves it like any other.
    const startedIn = row.team_id === null ? target : { ...target, offeringKey: row.offering_key, teamId: row.team_id };
    return [{ ...create(event, startedIn, 'retry', row.transaction_id), pendingHash: row.sent_hash }];
  }
  const graphEventId = row.graph_event_id ?? '';
  if (row.offering_key !== target.offeringKey || row.team_id !== target.teamId) {
    // A row without its team cannot be addressed: nothing to delete there, a new meeting where it belongs.
    if (row.team_id === null) return [create(event, target, 'recreate', nextTransaction)];
    const old = { eventId: event.eventId, offeringKey: row.offering_key, teamId: row.team_id };
    return [
      { kind: 'deleteEvent', ...old, graphEventId, reason: 'moved' },
      { ...create(event, target, 'moved', nextTransaction), replaces: { teamId: row.team_id, graphEventId } },
    ];
  }
  return [planChanges(event, row, { ...target, graphEventId }, ctx)];
}

function create(event: LearningEvent, target: Target, reason: CreateReason, transactionId: string) {
  const generation = Math.max(1, generationOf(transactionId));
  return { kind: 'createEvent', ...target, reason, event, transactionId, generation } satisfies CreateEventOperation;
}

function planChanges(
  event: LearningEvent,
  row: ObservedEventRow,
  target: Target & { graphEventId: string },
  ctx: EventPlanContext,
): EventOperation {
  const hasMeeting = row.status !== 'meeting-missing' && row.join_url !== null && row.join_url !== '';
  const repair = ctx.meeting.onlineMeetings && !hasMeeting;
  const base = { ...target, transactionId: row.transaction_id };
  if (storedSource(row.sent_hash) === meetingSourceHash(event, ctx.meeting)) {
    if (!repair)
      return { kind: 'noChange', eventId: target.eventId, offeringKey: target.offeringKey, reason: 'in-sync' };
    return { kind: 'repairMeeting', ...base, patch: ONLINE_MEETING_FIELDS, sentHash: row.sent_hash ?? '' };
  }
  const sent = parseFingerprint(row.sent_hash);
  const meeting = buildMeeting(event, ctx.meeting);
  let fields = changedFields(sent, meeting.fingerprint);
  let recorded = meeting.fingerprint;
  if (!meeting.online && fields.includes('online')) {
    // Meetings turned off: Graph can't remove an existing meeting (GRAPH-FACTS §6), so the row keeps saying online.
    fields = fields.filter((field) => field !== 'online');
    recorded = { ...recorded, fields: { ...recorded.fields, online: sent?.fields.online ?? '1' } };
  }
  // The meeting is there already (the stored hash just could not say so): asking again could renew its join link.
  if (meeting.online && hasMeeting) fields = fields.filter((field) => field !== 'online');
  if (repair && !fields.includes('online')) fields = [...fields, 'online'];
  const sentHash = serializeFingerprint(recorded);
  if (fields.length === 0) {
    const kept = sent !== null && sent.fields.online !== meeting.fingerprint.fields.online;
    const unchanged = { kind: 'noChange', eventId: target.eventId, offeringKey: target.offeringKey } as const;
    const operation = { ...unchanged, reason: kept ? 'meeting-kept' : 'in-sync' } satisfies NoChangeOperation;
    // Renders the same from a changed source (e.g. spaces): store the new hash, so later plans skip rendering.
    return sentHash === row.sent_hash ? operation : { ...operation, recordHash: sentHash };
  }
  if (fields.length === 1 && fields[0] === 'online') {
    return { kind: 'repairMeeting', ...base, patch: ONLINE_MEETING_FIELDS, sentHash };
  }
  return {
    kind: 'updateEvent',
    ...base,
    fields: sortFields(fields),
    patch: meetingPatch(meeting, fields),
    mergeBodyWithMeetingBlob: fields.includes('body') && hasMeeting,
    eventUrl: meeting.eventUrl,
    sentHash,
  };
}

const ORDER: readonly MeetingField[] = ['subject', 'body', 'location', 'start', 'end', 'online'];
function sortFields(fields: readonly MeetingField[]): MeetingField[] {
  return ORDER.filter((field) => fields.includes(field));
}
