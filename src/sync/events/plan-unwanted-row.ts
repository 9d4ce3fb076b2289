// An ms_events row whose event should have no meeting now → delete it, keep it, or leave it with a warning.
// - Past (started before the window): kept. A session that already happened stays in the calendar as it was, even
//   when its event is later edited, unreleased or deleted — the calendar is then a record of what took place.
//   For an event that vanished from the roster, "past" is read from the start instant stored in the row's
//   fingerprint (fingerprint.ts), since the roster no longer says. (One exception, in plan-events.ts: a meeting
//   still upcoming in Outlook whose event was moved into the past is updated to where the session took place.)
// - Beyond the window, unreleased, not the offering's audience, or deleted in Elentra: the meeting is deleted.
//   (A session moved beyond the horizon gets a new meeting once it comes back inside the window.)
// - Rows with no meeting: nothing to delete (nor for a create tried in a team since deleted in Microsoft). One whose create was never confirmed may or may not exist in Graph,
//   and without its event it cannot be finished or found: reported, never guessed at.

import type { DeleteReason, EventOperation } from './event-operations.js';
import { inDeletedTeam, type ObservedEventRow, rowState } from './event-rows.js';
import { parseFingerprint } from './fingerprint.js';
import type { EventPlanContext, EventPlanWarning } from './plan-context.js';
import type { SkipReason } from './select-events.js';

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
  if (state === 'create-unconfirmed' || row.team_id === null) {
    return {
      ...base,
      code: 'unconfirmed-create',
      message: `Event ${row.event_id} should have no meeting, but a create for it (transactionId ${row.transaction_id}) was never confirmed or has no team recorded; if it reached Teams, delete that meeting by hand.`,
    };
  }
  return {
    kind: 'deleteEvent',
    ...base,
    teamId: row.team_id,
    graphEventId: row.graph_event_id ?? '',
    reason: DELETE_REASON[because],
  };
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
