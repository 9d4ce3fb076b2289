// The plan for a team the store knows whose offering Elentra no longer lists (within the run's scope). Teams are
// archived, never deleted: an archived team keeps its chats and files read-only for students and teachers, which is
// what a finished or withdrawn course needs, and nothing is lost if the course comes back (it is unarchived).
// - It ended: the roster keeps an ended offering for its grace days (elentra/roster/offering-rule.ts) and the store
//   records `ended`; once the grace days pass it leaves the roster and its team is archived — unless
//   `archiveEndedTeams` is off, in which case it stays as it is and keeps the `ended` status. The stored period
//   finish says the same when no run saw the grace days.
// - Anything else (course or period made inactive, audience removed, course deleted): archived, always.
// No membership change: a roster that no longer lists the offering says nothing about who should be in its team.
import type { ObservedOffering } from '../io/observed.js';
import type { StoredTeam } from '../io/sync-store.js';
import { offeringPlan } from './offering-plan-builder.js';
import type { PlanOptions } from './plan-options.js';
import type { OfferingPlan, PlanOperation } from './plan-types.js';

export interface RunScope {
  /** `--course ID`: only these courses; null: every course. */
  courseIds: readonly number[] | null;
  organisationId: number | null;
}

/** Whether a stored team belongs to this run: a `--course 12` run must not take every other course for gone. */
export function inScope(stored: StoredTeam, scope: RunScope, courseIds: ReadonlySet<number> | null): boolean {
  if (courseIds !== null && !courseIds.has(stored.courseId)) return false;
  return scope.organisationId === null || stored.organisationId === scope.organisationId;
}

export function planGoneTeam(
  observed: ObservedOffering & { stored: StoredTeam },
  options: PlanOptions,
  nowMs: number,
): OfferingPlan {
  const { stored, team } = observed;
  // Recorded as ended during the grace days, or its period's finish (as last read) has passed: a run may not have
  // fallen within the grace days (the sync was off, or graceDays is 0), and that must not turn "ended" into "gone".
  const ended = stored.status === 'ended' || (stored.periodFinishAtMs !== null && stored.periodFinishAtMs < nowMs);
  const head = {
    offeringKey: stored.offeringKey,
    lifecycle: ended ? ('ended' as const) : ('gone' as const),
    teamId: team.state === 'present' ? team.team.teamId : stored.teamId,
    mailNickname: stored.mailNickname,
    displayName: stored.displayName,
    unmatched: [],
  };
  if (team.state === 'unknown') return offeringPlan(head, [], [{ code: 'observation-failed', message: team.reason }]);
  if (team.state !== 'present' || team.team.archived || (ended && !options.archiveEndedTeams)) {
    return offeringPlan(head, []);
  }
  const operations: PlanOperation[] = [];
  if (stored.teamId !== team.team.teamId) {
    operations.push({
      kind: 'adoptTeam',
      offeringKey: stored.offeringKey,
      teamId: team.team.teamId,
      mailNickname: stored.mailNickname,
    });
  }
  operations.push({
    kind: 'archiveTeam',
    offeringKey: stored.offeringKey,
    teamId: team.team.teamId,
    reason: ended ? 'ended' : 'gone',
  });
  return offeringPlan(head, operations);
}
