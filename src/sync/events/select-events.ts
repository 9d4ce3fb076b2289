// Which learning events should have a meeting (issue 6, "Which events"): events of offerings in the roster whose
// start is inside the window, released at `now` (release_date / release_until), recurring children and child
// sessions included like any other event, and — with `onlyOfferingAudience` — only those whose audience is the
// offering's (eventTargetsOffering). An event of an offering whose team does not exist yet is *deferred*: reported,
// and picked up by the run after the team is made. Every other event is reported with why it has no meeting.

import { eventTargetsOffering, isEventReleased } from '../../elentra/roster/event-rules.js';
import type { LearningEvent, Offering } from '../../elentra/roster/roster-types.js';
import { type EventWindow, windowPosition } from './event-window.js';

export interface EventSelectionInput {
  offerings: readonly Offering[];
  /** Offering key → team id, for offerings whose team exists (ms_teams.team_id). */
  teams: ReadonlyMap<string, string>;
  now: Date;
  window: EventWindow;
  onlyOfferingAudience?: boolean;
  /** The roster's people, for `grad_year` audiences (eventTargetsOffering). */
  people?: ReadonlyMap<number, { gradYear: number | null }>;
}

export type SkipReason = 'past' | 'beyond-window' | 'unreleased' | 'not-offering-audience' | 'duplicate';

export interface SelectedEvent {
  event: LearningEvent;
  offeringKey: string;
  teamId: string;
}

export interface DeferredEvent {
  event: LearningEvent;
  offeringKey: string;
  reason: 'no-team';
}

export interface SkippedEvent {
  eventId: number;
  offeringKey: string;
  reason: SkipReason;
  event: LearningEvent;
}

export interface EventSelection {
  selected: SelectedEvent[];
  deferred: DeferredEvent[];
  skipped: SkippedEvent[];
  /** Keys of the offerings the roster holds: the planner deletes vanished events only within these. */
  offeringKeys: Set<string>;
}

export function selectEvents(input: EventSelectionInput): EventSelection {
  const selection: EventSelection = { selected: [], deferred: [], skipped: [], offeringKeys: new Set() };
  const seen = new Set<number>();
  for (const offering of input.offerings) {
    selection.offeringKeys.add(offering.key);
    const teamId = input.teams.get(offering.key);
    for (const event of offering.events) {
      const reason = skipReason(event, offering, input, seen);
      seen.add(event.eventId);
      if (reason !== null) selection.skipped.push({ eventId: event.eventId, offeringKey: offering.key, reason, event });
      else if (teamId === undefined) selection.deferred.push({ event, offeringKey: offering.key, reason: 'no-team' });
      else selection.selected.push({ event, offeringKey: offering.key, teamId });
    }
  }
  return selection;
}

function skipReason(
  event: LearningEvent,
  offering: Offering,
  input: EventSelectionInput,
  seen: ReadonlySet<number>,
): SkipReason | null {
  // Offering periods may overlap; the event's meeting lives in the first offering (roster order is stable).
  if (seen.has(event.eventId)) return 'duplicate';
  const position = windowPosition(event.start.getTime(), input.window);
  if (position === 'past') return 'past';
  if (position === 'beyond') return 'beyond-window';
  if (!isEventReleased(event, input.now)) return 'unreleased';
  if (input.onlyOfferingAudience && !eventTargetsOffering(event, offering, input.people)) {
    return 'not-offering-audience';
  }
  return null;
}
