// An ms_events row whose event should have no meeting now → delete it, keep it, or leave it with a warning.
// - Past (started before the window): kept. A session that already happened stays in the calendar as it was, even
//   when its event is later edited, unreleased or deleted — the calendar is then a record of what took place.
//   For an event that vanished from the roster, "past" is read from the start instant stored in the row's
//   fingerprint (fingerprint.ts), since the roster no longer says. (One exception, in plan-events.ts: a meeting
//   still upcoming in Outlook whose event was moved into the past is updated to where the session took place.)
// - Beyond the window, unreleased, not the offering's audience, or deleted in Elentra: the meeting is deleted.
//   (A session moved beyond the horizon gets a new meeting once it comes back inside the window.)
// - A create that was never confirmed (status pending or error, no graph event id: a killed run, a lost answer) may
//   or may not have made a meeting. Without the event it cannot be finished, but its meeting can be found: the
//   delete looks it up by the row's transactionId in `calendarView` around the start the create sent (the row's
//   fingerprint), DELETEs it if it is there, and ends the row either way (`unconfirmed`, event-operations.ts).
// - Rows with no meeting: nothing to delete (nor for a create tried in a team since deleted in Microsoft: whatever it
//   made went with the team). A row with no team recorded cannot be addressed at all: reported, never guessed at.

import type { DeleteReason, EventOperation } from './event-operations.js';
import { inDeletedTeam, type ObservedEventRow, rowState } from './event-rows.js';
import { parseFingerprint } from './fingerprint.js';
import type { EventPlanContext, EventPlanWarning } from './plan-context.js';
import type { SkipReason } from './select-events.js';

const DAY_MS = 86_400_000;

export type UnwantedBecause = Exclude<SkipReason, 'duplicate'> | 'vanished';

const DELETE_REASON: Readonly<Record<Exclude<UnwantedBecause, 'past'>, DeleteReason>> = {
  'beyond-window': 'beyond-window',
  unreleased: 'unreleased',
  'not-offering-audience': 'not-offering-audience',
  vanished: 'deleted-in-elentra',
};

export function planUnwantedRow(
  row: ObservedEventRow,
  because: UnwantedBecause,
  ctx: EventPlanContext,
): EventOperation | EventPlanWarning | null {
  const base = { eventId: row.event_id, offeringKey: row.offering_key };
  const state = rowState(row);
  if (state === 'ended') return null;
  if (because === 'past' || (because === 'vanished' && startedBeforeWindow(row, ctx))) {
    return { kind: 'noChange', ...base, reason: 'past' };
  }
  // A create tried in a team since deleted in Microsoft: whatever it made went with the team.
  if (state === 'create-unconfirmed' && inDeletedTeam(row)) return null;
  if (row.team_id === null) {
    return {
      ...base,
      code: 'unconfirmed-create',
      message: `Event ${row.event_id} should have no meeting, but its row has no team recorded, so a meeting made for it (transactionId ${row.transaction_id}) cannot be looked up; if one reached Teams, delete that meeting by hand.`,
    };
  }
  const reason = DELETE_REASON[because];
  if (state === 'create-unconfirmed') {
    const unconfirmed = { transactionId: row.transaction_id, ...searchWindow(row, ctx) };
    return { kind: 'deleteEvent', ...base, teamId: row.team_id, graphEventId: '', reason, unconfirmed };
  }
  return { kind: 'deleteEvent', ...base, teamId: row.team_id, graphEventId: row.graph_event_id ?? '', reason };
}

/**
 * Where to look for the meeting of an unconfirmed create. The row's sent_hash is the fingerprint of what that create
 * sent: its start a day either way (the fingerprint keeps the end only as a hash; calendarView returns every event
 * overlapping the window, so any meeting starting at that instant is in it). When the hash is null — a retry whose
 * content had changed since the unanswered attempt (apply-event-operation.ts, `hashAfterCreate`), so the meeting may
 * carry either start — the whole event window (ctx.window), widened by a day on each side: every create is sent for
 * an event inside the window of its run, and a wider search only costs more calendarView pages.
 */
function searchWindow(row: ObservedEventRow, ctx: EventPlanContext): { searchFrom: string; searchUntil: string } {
  const sent = parseFingerprint(row.sent_hash);
  const from = sent === null ? ctx.window.from.getTime() : sent.startEpochSeconds * 1000;
  const until = sent === null ? ctx.window.until.getTime() : sent.startEpochSeconds * 1000;
  return { searchFrom: new Date(from - DAY_MS).toISOString(), searchUntil: new Date(until + DAY_MS).toISOString() };
}

function startedBeforeWindow(row: ObservedEventRow, ctx: EventPlanContext): boolean {
  const sent = parseFingerprint(row.sent_hash);
  return sent !== null && sent.startEpochSeconds * 1000 < ctx.window.from.getTime();
}

/** The row's meeting exists and was sent for a start inside the window or later: it has not happened yet. */
export function movedIntoThePast(row: ObservedEventRow, ctx: EventPlanContext): boolean {
  const sent = parseFingerprint(row.sent_hash);
  return rowState(row) === 'exists' && sent !== null && sent.startEpochSeconds * 1000 >= ctx.window.from.getTime();
}
