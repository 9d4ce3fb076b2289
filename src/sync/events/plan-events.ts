// Event sync's planner (pure): the selected events (select-events.ts) × our ms_events rows → one operation per
// event (event-operations.ts). Rules, by where an event stands:
// - selected → create / update only the changed fields / repair the meeting / nothing (plan-selected-event.ts);
// - skipped or vanished from an offering the roster holds → delete, or keep if past (plan-unwanted-row.ts);
// - deferred (its team does not exist yet, or was deleted in Microsoft) → nothing, reported;
// - a row in a team deleted in Microsoft (selection.deletedTeamIds) → recorded `team-deleted` once, no request (the
//   meeting went with the team; nothing can be written there), then planned as such: no delete, no retry there, and
//   a new meeting (new generation) only in a live team of the event's offering;
// - rows of offerings the roster does not hold (another course under `--course`, an offering that ended and left
//   the roster) → not touched: this run knows nothing about them.
// Events the product did not create have no row, so nothing here can reach them. Linear in events + rows (Maps).

import type { EventOperation, EventOperationKind } from './event-operations.js';
import { type ObservedEventRow, rowState } from './event-rows.js';
import type { EventWindow } from './event-window.js';
import type { MeetingOptions } from './meeting-payload.js';
import type { EventPlanContext, EventPlanWarning } from './plan-context.js';
import { planSelectedEvent } from './plan-selected-event.js';
import { movedIntoThePast, planUnwantedRow } from './plan-unwanted-row.js';
import type { DeferredEvent, EventSelection, SkippedEvent } from './select-events.js';

export interface EventPlanInput {
  selection: EventSelection;
  rows: readonly ObservedEventRow[];
  window: EventWindow;
  meeting: MeetingOptions;
  /** siteTag(ENTRADA_URL + MS_SERVICE_TOKEN_ID) or similar: part of every transactionId. */
  site: string;
}

export interface EventPlan {
  /** One per event looked at, noChange included; in roster order, then rows of vanished events by event id. */
  operations: EventOperation[];
  deferred: DeferredEvent[];
  skipped: SkippedEvent[];
  warnings: EventPlanWarning[];
  /** Rows left alone because their offering is not in this roster. */
  untouchedRows: number;
  counts: Record<EventOperationKind, number>;
}

/** Operation counts, all zero: a plan's before it counts, or a run's over its rounds (io/run-events-sync.ts). */
export function noOperations(): Record<EventOperationKind, number> {
  return { createEvent: 0, updateEvent: 0, deleteEvent: 0, repairMeeting: 0, noChange: 0 };
}

export function planEvents(input: EventPlanInput): EventPlan {
  const ctx: EventPlanContext = { window: input.window, meeting: input.meeting, site: input.site };
  const { selection } = input;
  const rows = new Map(input.rows.map((row) => [row.event_id, row]));
  const plan: EventPlan = {
    operations: [],
    deferred: selection.deferred,
    skipped: selection.skipped,
    warnings: [],
    untouchedRows: 0,
    counts: noOperations(),
  };
  const handled = new Set<number>();
  const push = (result: EventOperation | EventPlanWarning | null): void => {
    if (result === null) return;
    if ('kind' in result) {
      plan.operations.push(result);
      plan.counts[result.kind] += 1;
    } else plan.warnings.push(result);
  };

  const inDeletedTeam = (row: ObservedEventRow): boolean =>
    row.team_id !== null && selection.deletedTeamIds.has(row.team_id) && rowState(row) !== 'ended';
  /** The row as the rest of the plan sees it: in a deleted team, `team-deleted` (recorded once, no request). */
  const seen = (row: ObservedEventRow | undefined): ObservedEventRow | undefined => {
    if (row === undefined || !inDeletedTeam(row)) return row;
    if (row.status !== 'team-deleted' || row.join_url !== null) {
      const { event_id: eventId, offering_key: offeringKey } = row;
      push({ kind: 'noChange', eventId, offeringKey, reason: 'team-deleted', markTeamDeleted: row.team_id ?? '' });
    }
    return { ...row, status: 'team-deleted', join_url: null };
  };

  for (const selected of selection.selected) {
    handled.add(selected.event.eventId);
    for (const operation of planSelectedEvent(selected, seen(rows.get(selected.event.eventId)), ctx)) push(operation);
  }
  // A deferred event's row (if any) waits with it; duplicates were decided by their first offering.
  for (const deferred of selection.deferred) {
    handled.add(deferred.event.eventId);
    seen(rows.get(deferred.event.eventId));
  }
  for (const skipped of selection.skipped) {
    if (skipped.reason === 'duplicate' || handled.has(skipped.eventId)) continue;
    handled.add(skipped.eventId);
    const row = rows.get(skipped.eventId);
    if (!row) continue;
    // Its meeting went with the team (past or not): nothing to keep, nothing to delete.
    if (inDeletedTeam(row)) {
      seen(row);
      continue;
    }
    if (skipped.reason === 'past' && movedIntoThePast(row, ctx) && row.team_id !== null) {
      // Its meeting has not happened yet in Outlook, but the session now lies in the past (a date corrected in
      // Elentra): show it where it took place, in the team it already is in.
      const where = { event: skipped.event, offeringKey: row.offering_key, teamId: row.team_id };
      for (const operation of planSelectedEvent(where, row, ctx)) push(operation);
    } else push(planUnwantedRow(row, skipped.reason, ctx));
  }
  const vanished = input.rows.filter((row) => !handled.has(row.event_id)).sort((a, b) => a.event_id - b.event_id);
  for (const row of vanished) {
    if (!selection.offeringKeys.has(row.offering_key)) plan.untouchedRows += 1;
    else if (inDeletedTeam(row)) seen(row);
    else push(planUnwantedRow(row, 'vanished', ctx));
  }
  return plan;
}
