// Apply: the plan's offerings a few at a time (bounded concurrency across teams; the gateway's limiter keeps each
// team under Microsoft's 4 requests per second), each offering's operations in order, each result recorded as soon
// as it is known so the dashboard shows progress and a killed run keeps what it did. One offering's failure never
// stops the others; an AuthorizationRequiredError stops the pool and is rethrown (run-errors.ts).
import type { Offering } from '../../elentra/roster/roster-types.js';
import type { SyncStore } from '../io/sync-store.js';
import type { TeamsGateway } from '../io/teams-gateway.js';
import type { Plan } from '../plan/plan-types.js';
import { applyOffering } from './apply-offering.js';
import type { Observation } from './observe-teams.js';
import { forEachPooled } from './pool.js';
import type { SavedTeam } from './record-observation.js';
import type { OfferingOutcome, RunProgress } from './run-types.js';

export interface ApplyPlanInput {
  plan: Plan;
  offerings: ReadonlyMap<string, Offering>;
  observation: Observation;
  store: SyncStore;
  gateway: TeamsGateway;
  authorizingUserId: string | null;
  runId: number;
  nowMs: number;
  concurrency: number;
  signal?: AbortSignal;
  onProgress?: (progress: RunProgress) => void;
}

export interface AppliedPlan {
  outcomes: OfferingOutcome[];
  saved: SavedTeam[];
}

export async function applyPlan(input: ApplyPlanInput): Promise<AppliedPlan> {
  const { plan, observation, store } = input;
  const outcomes = new Map<string, OfferingOutcome>();
  const saved: SavedTeam[] = [];
  let done = 0;
  await forEachPooled(
    plan.offerings,
    input.concurrency,
    async (offeringPlan) => {
      const key = offeringPlan.offeringKey;
      const applied = await applyOffering({
        plan: offeringPlan,
        offering: input.offerings.get(key),
        observed: observation.observed.get(key),
        book: observation.books.get(key),
        store,
        gateway: input.gateway,
        authorizingUserId: input.authorizingUserId,
        nowMs: input.nowMs,
      });
      const { outcome, state } = applied;
      outcomes.set(key, outcome);
      if (state.row) saved.push({ row: state.row, extras: state.extras });
      await store.recordOfferingResult(input.runId, {
        offeringKey: key,
        status: outcome.status,
        counts: outcome.counts,
        message: outcome.message,
      });
      done += 1;
      input.onProgress?.({
        phase: 'apply',
        offeringKey: key,
        displayName: outcome.displayName,
        done,
        total: plan.offerings.length,
        status: outcome.status,
      });
    },
    input.signal,
  );
  // In plan order, whatever order they finished in.
  const ordered = plan.offerings.flatMap((offering) => {
    const outcome = outcomes.get(offering.offeringKey);
    return outcome ? [outcome] : [];
  });
  return { outcomes: ordered, saved };
}
