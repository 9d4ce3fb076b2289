// planSync(): desired (the Roster, its people matched to Microsoft users) × observed (the store and Graph) → Plan.
// Pure and linear: one pass over the offerings with Map/Set lookups, so 10,000 offerings and 500,000 memberships
// plan in well under the benchmark's 5 s (plan-scale.test.ts). Offerings come in roster order, then the teams of
// offerings that left the roster, by key.
import type { Offering, Person } from '../../elentra/roster/roster-types.js';
import type { ObservedOffering } from '../io/observed.js';
import type { StoredTeam } from '../io/sync-store.js';
import { offeringPeople } from '../people/offering-people.js';
import type { PeopleResolution } from '../people/resolve-links.js';
import { planDesiredOffering } from './plan-desired-offering.js';
import { inScope, planGoneTeam, type RunScope } from './plan-gone-team.js';
import type { PlanOptions } from './plan-options.js';
import type { OfferingPlan, Plan } from './plan-types.js';

export interface PlanInput {
  /** Roster.offerings. */
  offerings: readonly Offering[];
  /** Roster.rule's filters: which stored teams this run may call gone. */
  scope: RunScope;
  /** Roster.people. */
  people: ReadonlyMap<number, Person>;
  resolution: PeopleResolution;
  /** By offering key: every roster offering, and every stored team (the observer reads them all). */
  observed: ReadonlyMap<string, ObservedOffering>;
  options: PlanOptions;
  now: Date;
}

export function planSync(input: PlanInput): Plan {
  const { options } = input;
  const offerings: OfferingPlan[] = [];
  const desired = new Set<string>();
  for (const offering of input.offerings) {
    desired.add(offering.key);
    offerings.push(
      planDesiredOffering({
        offering,
        observed: input.observed.get(offering.key),
        people: offeringPeople(offering, input.resolution, input.people),
        options,
      }),
    );
  }
  const courseIds = input.scope.courseIds === null ? null : new Set(input.scope.courseIds);
  const gone = [...input.observed.values()]
    .filter((observed): observed is ObservedOffering & { stored: StoredTeam } => observed.stored !== null)
    .filter((observed) => !desired.has(observed.offeringKey) && inScope(observed.stored, input.scope, courseIds))
    .sort((a, b) => (a.offeringKey < b.offeringKey ? -1 : 1));
  for (const observed of gone) offerings.push(planGoneTeam(observed, options, input.now.getTime()));
  return { generatedAt: input.now.toISOString(), offerings };
}

/** Every operation of the plan, in order. */
export function planOperations(plan: Plan) {
  return plan.offerings.flatMap((offering) => offering.operations);
}
