// Held removals by name. The planner works in Microsoft user ids; an administrator deciding whether to confirm a held
// removal needs to know who would leave the team. The runner names each held person (from the roster's people and
// this run's matches) and this puts the names on the holdRemovals operations: in `names` (for the dashboard and
// `--json`) and at the end of the message, which is what `sync_offering_results.message` and `held_removals.reason`
// record — so the names reach the database without a column of their own. Pure: plan in, plan out.
import type { HoldRemovalsOperation, Plan, PlanOperation } from './plan-types.js';

/** A held person's name; null when the run does not know it (they are in no offering of the roster any more). */
export type NameOf = (userId: string) => string | null;

export function labelOf(nameOf: NameOf, userId: string): string {
  return nameOf(userId) ?? `Microsoft user ${userId}`;
}

function named(op: HoldRemovalsOperation, nameOf: NameOf): HoldRemovalsOperation {
  const names = op.members.map((member) => labelOf(nameOf, member.userId));
  const listed = op.members.map((member, i) => `${names[i]}${member.role === 'owner' ? ' (owner)' : ''}`);
  return { ...op, names, message: `${op.message} Held: ${listed.join(', ')}.` };
}

export function nameHeldRemovals(plan: Plan, nameOf: NameOf): Plan {
  const offerings = plan.offerings.map((offering) => {
    if (!offering.operations.some((op) => op.kind === 'holdRemovals')) return offering;
    const operations = offering.operations.map(
      (op): PlanOperation => (op.kind === 'holdRemovals' ? named(op, nameOf) : op),
    );
    return { ...offering, operations };
  });
  return { ...plan, offerings };
}
