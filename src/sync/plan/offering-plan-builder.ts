// Assembles an OfferingPlan: `noChange` when there is nothing to do, and the status the run should record if every
// operation succeeds — `held` when the guard held removals, `warning` when someone could not be matched, a limit was
// hit, the team was deleted or something needs the administrator, `ok` otherwise.
import type { UnmatchedPerson } from '../people/offering-people.js';
import type { Lifecycle, OfferingPlan, OfferingStatus, PlanOperation, PlanWarning } from './plan-types.js';

export interface OfferingPlanHead {
  offeringKey: string;
  lifecycle: Lifecycle;
  teamId: string | null;
  mailNickname: string;
  displayName: string;
  unmatched: UnmatchedPerson[];
}

const NEEDS_ATTENTION = new Set<PlanOperation['kind']>(['reportLimit', 'teamDeleted']);

function expectedStatus(operations: readonly PlanOperation[], warnings: readonly PlanWarning[], unmatched: number) {
  let status: OfferingStatus = warnings.length > 0 || unmatched > 0 ? 'warning' : 'ok';
  for (const operation of operations) {
    if (operation.kind === 'holdRemovals') return 'held';
    if (NEEDS_ATTENTION.has(operation.kind)) status = 'warning';
  }
  return status;
}

export function offeringPlan(
  head: OfferingPlanHead,
  operations: PlanOperation[],
  warnings: PlanWarning[] = [],
): OfferingPlan {
  const ops: PlanOperation[] =
    operations.length > 0 ? operations : [{ kind: 'noChange', offeringKey: head.offeringKey, teamId: head.teamId }];
  return {
    ...head,
    operations: ops,
    warnings,
    expectedStatus: expectedStatus(ops, warnings, head.unmatched.length),
  };
}
