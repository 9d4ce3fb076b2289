// Which learning events should have a meeting (issue 6, "Which events"): events of offerings in the roster whose
// start is inside the window, released at `now` (release_date / release_until), recurring children and child
// sessions included like any other event, and — with `onlyOfferingAudience` — only those whose audience is the
// offering's (eventTargetsOffering). An event of an offering whose team does not exist yet is *deferred*: reported,
// and picked up by the run after the team is made; so is one whose team was deleted in Microsoft (`team-deleted`,
// until the team is restored or recreated). Every other event is reported with why it has no meeting.

import { eventTargetsOffering, isEventReleased } from '../../elentra/roster/event-rules.js';
import type { LearningEvent, Offering } from '../../elentra/roster/roster-types.js';
import { type EventWindow, windowPosition } from './event-window.js';

export interface EventSelectionInput {
  offerings: readonly Offering[];
  /** Offering key → team id, for offerings whose team exists (ms_teams.team_id). */
  teams: ReadonlyMap<string, string>;
  /**
   * Offering key → team id of teams the teams sync found deleted in Microsoft (ms_teams.status 'deleted'). Their
   * offerings' events are deferred as `team-deleted`, and the planner treats rows in these teams as gone with them.
   */
  deletedTeams?: ReadonlyMap<string, string>;
  now: Date;
  window: EventWindow;
  onlyOfferingAudience?: boolean;
  /**
   * The roster's people, for `grad_year` audiences (eventTargetsOffering: the years of the offering's members). A
   * roster read with `members: false`, as the event sync reads it, holds both for every offering with such an event.
   */
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
  /** no-team: not made yet (the teams sync makes it); team-deleted: deleted in Microsoft (not recreated by itself). */
  reason: 'no-team' | 'team-deleted';
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
  /** Ids of teams deleted in Microsoft (input.deletedTeams): nothing can be written in them. */
  deletedTeamIds: Set<string>;
}

export function selectEvents(input: EventSelectionInput): EventSelection {
  const deletedTeamIds = new Set(input.deletedTeams?.values() ?? []);
  const selection: EventSelection = {
    selected: [],
    deferred: [],
    skipped: [],
    offeringKeys: new Set(),
    deletedTeamIds,
  };
  const seen = new Set<number>();
  for (const offering of input.offerings) {
    selection.offeringKeys.add(offering.key);
    const teamId = input.teams.get(offering.key);
    const teamless = input.deletedTeams?.has(offering.key) ? 'team-deleted' : 'no-team';
    for (const event of offering.events) {
      const reason = skipReason(event, offering, input, seen);
      seen.add(event.eventId);
      if (reason !== null) selection.skipped.push({ eventId: event.eventId, offeringKey: offering.key, reason, event });
      else if (teamId === undefined) selection.deferred.push({ event, offeringKey: offering.key, reason: teamless });
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
