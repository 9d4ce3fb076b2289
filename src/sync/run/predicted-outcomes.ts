// A dry run's outcomes: what the plan expects each offering to end as, with the counts the real run would report if
// every request succeeds — so the dry run and the real run print the same table.
import { planCounts } from '../plan/plan-counts.js';
import type { OfferingPlan } from '../plan/plan-types.js';
import type { OfferingOutcome } from './run-types.js';

export function predictedOutcome(plan: OfferingPlan): OfferingOutcome {
  const counts = planCounts({ generatedAt: '', offerings: [plan] });
  const nonZero: Record<string, number> = {};
  for (const [name, value] of Object.entries(counts)) if (value > 0 && name !== 'offerings') nonZero[name] = value;
  const notes = plan.operations.flatMap((op) =>
    op.kind === 'holdRemovals' || op.kind === 'reportLimit' || op.kind === 'teamDeleted' ? [op.message] : [],
  );
  notes.push(...plan.warnings.map((warning) => warning.message));
  if (plan.unmatched.length > 0) notes.push(`${plan.unmatched.length} person(s) not matched to a Microsoft user.`);
  return {
    offeringKey: plan.offeringKey,
    displayName: plan.displayName,
    status: plan.expectedStatus,
    counts: nonZero,
    message: notes.length > 0 ? notes.join(' ') : null,
    unmatched: plan.unmatched,
  };
}
