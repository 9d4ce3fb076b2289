// The run's own record (`sync_runs`): its status from the offerings' outcomes, and its counts — the plan's, what
// was done, and how many offerings ended in each status — for the dashboard and the benchmark.
import { planCounts } from '../plan/plan-counts.js';
import type { Plan } from '../plan/plan-types.js';
import type { OfferingOutcome } from './run-types.js';

export function runStatus(outcomes: readonly OfferingOutcome[], error: string | null): 'ok' | 'warning' | 'error' {
  if (error !== null || outcomes.some((outcome) => outcome.status === 'error')) return 'error';
  return outcomes.some((outcome) => outcome.status !== 'ok') ? 'warning' : 'ok';
}

export function runCounts(plan: Plan, outcomes: readonly OfferingOutcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [name, value] of Object.entries(planCounts(plan))) counts[`planned.${name}`] = value;
  for (const outcome of outcomes) {
    counts[`offerings.${outcome.status}`] = (counts[`offerings.${outcome.status}`] ?? 0) + 1;
    for (const [name, value] of Object.entries(outcome.counts)) counts[name] = (counts[name] ?? 0) + value;
  }
  return counts;
}

/** Totals of what was done, over every offering. */
export function doneTotals(outcomes: readonly OfferingOutcome[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const outcome of outcomes) {
    for (const [name, value] of Object.entries(outcome.counts)) totals[name] = (totals[name] ?? 0) + value;
  }
  return totals;
}
