// runTeamsSync(): the main job (ARCHITECTURE "the main job"): read the Roster → observe (observe-teams.ts) → match
// people (match-people.ts) → plan (pure, ../plan/plan-sync.ts) → apply (apply-plan.ts) → record. Level-triggered:
// every run derives the whole desired state and converges to it, so a run that died at any point is repaired by the
// next one. A dry run does everything up to the plan and writes nothing but its run record: observation only reads,
// and the delta links and user links it would move are left as they were, so the next real run sees the same
// answers and does exactly what the dry run printed.
import { nameHeldRemovals } from '../plan/held-names.js';
import { planCounts } from '../plan/plan-counts.js';
import { planSync } from '../plan/plan-sync.js';
import type { Plan } from '../plan/plan-types.js';
import { applyPlan } from './apply-plan.js';
import { matchPeople } from './match-people.js';
import { observeTeams } from './observe-teams.js';
import { predictedOutcome } from './predicted-outcomes.js';
import { startDeltaRounds, writeBook } from './record-observation.js';
import { DEFAULT_RELIST_DAYS } from './relist-due.js';
import { errorInWords } from './run-errors.js';
import { runCounts, runStatus } from './run-summary.js';
import type { OfferingOutcome, RunDeps, RunOptions, RunReport } from './run-types.js';
import { heldUserNames } from './user-names.js';

export const DEFAULT_SYNC_CONCURRENCY = 4;

const STOPPED = 'Stopped before it finished; the next run picks the work up again.';

export async function runTeamsSync(deps: RunDeps, options: RunOptions): Promise<RunReport> {
  const { store, gateway } = deps;
  const now = deps.now();
  const requestsAtStart = deps.graphRequests();
  const concurrency = deps.concurrency ?? DEFAULT_SYNC_CONCURRENCY;
  const runId = await store.startRun({
    triggeredBy: deps.triggeredBy,
    startedAtMs: now.getTime(),
    dryRun: options.dryRun,
  });
  let plan: Plan = { generatedAt: now.toISOString(), offerings: [] };
  let outcomes: OfferingOutcome[] = [];
  const finish = async (error: string | null) => {
    const requests = deps.graphRequests() - requestsAtStart;
    const status = runStatus(outcomes, error);
    const counts = runCounts(plan, outcomes);
    await store.finishRun(runId, { finishedAtMs: deps.now().getTime(), status, counts, requests, error });
    return {
      runId,
      dryRun: options.dryRun,
      status,
      plan,
      planCounts: planCounts(plan),
      offerings: outcomes,
      requests,
      error,
    };
  };
  try {
    const roster = await deps.readRoster({ now, courseIds: options.courseIds ?? null });
    options.onProgress?.({
      phase: 'observe',
      message: `Observing ${roster.offerings.length} offering(s) in Microsoft…`,
    });
    const siteId = deps.planOptions.siteId;
    const relistEveryDays = deps.relistEveryDays ?? DEFAULT_RELIST_DAYS;
    const nowMs = now.getTime();
    const observation = await observeTeams({ store, gateway, roster, siteId, concurrency, nowMs, relistEveryDays });
    const resolution = await matchPeople({
      store,
      gateway,
      offerings: roster.offerings,
      people: roster.people,
      matching: deps.matching,
      recheck: deps.recheck,
      nowMs: now.getTime(),
    });
    plan = planSync({
      offerings: roster.offerings,
      scope: { courseIds: roster.rule.courseIds, organisationId: roster.rule.organisationId },
      people: roster.people,
      resolution,
      observed: observation.observed,
      options: { ...deps.planOptions, force: options.force },
      now,
    });
    plan = nameHeldRemovals(plan, await heldUserNames(plan, store, roster.people, resolution.userIdByProxyId));
    if (options.dryRun) {
      outcomes = plan.offerings.map(predictedOutcome);
      return await finish(null);
    }
    await store.saveLinks(resolution.linksToSave);
    const applied = await applyPlan({
      plan,
      offerings: new Map(roster.offerings.map((offering) => [offering.key, offering])),
      observation,
      store,
      gateway,
      authorizingUserId: deps.planOptions.authorizingUserId,
      runId,
      nowMs: now.getTime(),
      concurrency,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    outcomes = applied.outcomes;
    if (options.signal?.aborted) return await finish(STOPPED);
    options.onProgress?.({ phase: 'record', message: 'Recording the snapshot…' });
    // Teams outside a `--course` run that share a delta link with one inside it (observe-teams.ts).
    const planned = new Set(plan.offerings.map((offering) => offering.offeringKey));
    for (const book of observation.books.values()) if (!planned.has(book.offeringKey)) await writeBook(store, book);
    await startDeltaRounds(store, gateway, applied.saved);
    return await finish(null);
  } catch (error) {
    await finish(errorInWords(error));
    throw error;
  }
}
