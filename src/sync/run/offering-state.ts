// What apply carries through one offering's operations: the `ms_teams` row as it will be saved (its team id is known
// only after a createTeam or adoptTeam), the extras, the counts of what was done, and the problems met on the way
// (per-person failures, limits, held removals) that make the offering's status a warning rather than ok.
import type { Offering } from '../../elentra/roster/roster-types.js';
import type { HeldRemoval, StoredTeam, StoredTeamStatus, TeamRecordExtras } from '../io/sync-store.js';
import { parseMailNickname } from '../naming/mail-nickname.js';
import type { Lifecycle, OfferingPlan } from '../plan/plan-types.js';
import { NO_EXTRAS, type TeamBook } from './team-book.js';

export interface OfferingState {
  offeringKey: string;
  /** Null until the offering has a team or a `creating` row. */
  row: StoredTeam | null;
  extras: TeamRecordExtras;
  teamId: string | null;
  counts: Record<string, number>;
  problems: string[];
  /** The removals held so far this run: an offering's holdRemovals (one per guard rule) are saved as one set. */
  held: Array<Pick<HeldRemoval, 'userId' | 'role' | 'reason'>>;
}

export function lifecycleStatus(lifecycle: Lifecycle): StoredTeamStatus {
  return lifecycle;
}

/** The row a new team gets: from the roster's offering, or the nickname when the offering left the roster. */
export function freshRow(plan: OfferingPlan, offering: Offering | undefined): StoredTeam {
  const parsed = parseMailNickname(plan.mailNickname);
  return {
    offeringKey: plan.offeringKey,
    courseId: offering?.courseId ?? parsed?.courseId ?? 0,
    periodId: offering?.period.id ?? parsed?.periodId ?? 0,
    organisationId: offering?.organisationId ?? parsed?.organisationId ?? null,
    teamId: null,
    mailNickname: plan.mailNickname,
    displayName: plan.displayName,
    description: null,
    status: 'creating',
    archivedBySync: false,
    lastSyncedAtMs: null,
    periodFinishAtMs: offering?.period.finish.getTime() ?? null,
  };
}

export function startState(plan: OfferingPlan, book: TeamBook | undefined): OfferingState {
  return {
    offeringKey: plan.offeringKey,
    row: book?.stored ? { ...book.stored } : null,
    extras: { ...(book?.extras ?? NO_EXTRAS) },
    teamId: plan.teamId,
    counts: {},
    problems: [],
    held: [],
  };
}

export function count(state: OfferingState, name: string, by = 1): void {
  if (by > 0) state.counts[name] = (state.counts[name] ?? 0) + by;
}
