// Observed state: what the sync knows of each offering's team before planning — the `ms_teams` row, the team as the
// snapshot (`ms_team_members`, brought up to date with `groups/delta`) or Graph shows it, and the held removals. The
// observer (next: io/observe.ts, over SyncStore and TeamsGateway) builds one ObservedOffering per offering in the
// roster and per stored team in the run's scope; the planner (plan/plan-sync.ts) reads nothing else.
import type { HeldRemoval, StoredTeam } from './sync-store.js';

export interface ObservedMember {
  userId: string;
  /** As Graph gives them: `['owner']`, `[]` (member) or `['guest']`. */
  roles: readonly string[];
  /** The conversationMember id for PATCH / DELETE; opaque, never parsed (GRAPH-FACTS §4). Null when the member is
   * known from `groups/delta` only (it gives user ids): apply looks it up before a role change. */
  membershipId: string | null;
}

export interface ObservedTeam {
  /** Team id == group id (GRAPH-FACTS §3). */
  teamId: string;
  mailNickname: string | null;
  displayName: string;
  description: string | null;
  archived: boolean;
  members: readonly ObservedMember[];
  /** `snapshot`: from ms_team_members after a delta round showed no change; `graph`: listed this run. */
  source: 'snapshot' | 'graph';
}

export type TeamObservation =
  /** Nothing in Microsoft with this offering's mailNickname, and no team id stored: create. */
  | { state: 'absent' }
  /** The team exists (found by stored id, or by mailNickname: then adopted). */
  | { state: 'present'; team: ObservedTeam }
  /** A group with the mailNickname but no team yet (a run stopped between POST /groups and PUT /groups/{id}/team):
   * make its team rather than a second group. */
  | { state: 'groupOnly'; groupId: string }
  /** The stored team id answers 404, or delta reported the group deleted. */
  | { state: 'deleted'; teamId: string }
  /** Observation failed for this offering this run (its error, in words): plan nothing for it. */
  | { state: 'unknown'; reason: string };

export interface ObservedOffering {
  offeringKey: string;
  stored: StoredTeam | null;
  team: TeamObservation;
  heldRemovals: readonly HeldRemoval[];
}

export function isOwnerRole(roles: readonly string[]): boolean {
  return roles.includes('owner');
}
