// Applies one offering's plan: first what observation learned (record-observation.ts), then its operations in order,
// then the `ms_teams` row with the outcome. Any error fails this offering only — recorded on its row (the next run
// then lists the team in full rather than trusting a snapshot that may miss what the failed request did) — except
// an AuthorizationRequiredError, which is rethrown to stop the whole run.
import type { Offering } from '../../elentra/roster/roster-types.js';
import type { ObservedOffering } from '../io/observed.js';
import type { SyncStore } from '../io/sync-store.js';
import type { TeamsGateway } from '../io/teams-gateway.js';
import type { OfferingPlan } from '../plan/plan-types.js';
import { applyOperation } from './apply-operation.js';
import { freshRow, type OfferingState, startState } from './offering-state.js';
import { writeBook } from './record-observation.js';
import { errorDocs, errorInWords, stopsTheRun } from './run-errors.js';
import type { OfferingOutcome } from './run-types.js';
import type { TeamBook } from './team-book.js';

export interface ApplyOfferingInput {
  plan: OfferingPlan;
  offering: Offering | undefined;
  observed: ObservedOffering | undefined;
  book: TeamBook | undefined;
  store: SyncStore;
  gateway: TeamsGateway;
  authorizingUserId: string | null;
  nowMs: number;
}

export interface AppliedOffering {
  outcome: OfferingOutcome;
  /** The row as saved (null: the offering has no team and never had one). */
  state: OfferingState;
}

export async function applyOffering(input: ApplyOfferingInput): Promise<AppliedOffering> {
  const { plan, store } = input;
  const state = startState(plan, input.book);
  const status = plan.lifecycle;
  let failure: unknown = null;
  try {
    if (input.book) await writeBook(store, input.book);
    const team = input.observed?.team;
    if (state.row === null && plan.operations.some((op) => op.kind === 'createTeam' || op.kind === 'adoptTeam')) {
      state.row = freshRow(plan, input.offering);
      // An adopted team keeps its names in the row as Microsoft has them, so a rename is planned only when they differ.
      if (team?.state === 'present') {
        state.row = { ...state.row, displayName: team.team.displayName, description: team.team.description };
      }
    }
    const context = {
      store,
      gateway: input.gateway,
      authorizingUserId: input.authorizingUserId,
      status,
      nowMs: input.nowMs,
    };
    for (const op of plan.operations) await applyOperation(op, state, context);
    const heldBefore = (input.observed?.heldRemovals.length ?? 0) > 0;
    if (heldBefore && !plan.operations.some((op) => op.kind === 'holdRemovals')) {
      await store.saveHeldRemovals(plan.offeringKey, []); // done (confirmed) or no longer planned
    }
    if (team?.state === 'unknown') failure = new Error(team.reason);
  } catch (error) {
    if (stopsTheRun(error)) throw error;
    failure = error;
  }
  if (state.row !== null) {
    const lastError = failure === null ? null : errorInWords(failure);
    state.extras = { ...state.extras, lastError, lastErrorDocs: failure === null ? null : errorDocs(failure) };
    if (state.row.status !== 'deleted' && state.row.teamId !== null) state.row = { ...state.row, status };
    // The period's finish as Elentra has it now (it can move): what tells "ended" once the offering leaves the roster.
    const periodFinishAtMs = input.offering?.period.finish.getTime() ?? state.row.periodFinishAtMs;
    state.row = { ...state.row, lastSyncedAtMs: input.nowMs, periodFinishAtMs };
    await store.saveTeam(state.row, state.extras);
  }
  return { outcome: outcomeOf(plan, state, failure), state };
}

function outcomeOf(plan: OfferingPlan, state: OfferingState, failure: unknown): OfferingOutcome {
  const base = {
    offeringKey: plan.offeringKey,
    displayName: plan.displayName,
    counts: state.counts,
    unmatched: plan.unmatched,
  };
  if (failure !== null) return { ...base, status: 'error', message: errorInWords(failure) };
  const notes = [...state.problems, ...plan.warnings.map((warning) => warning.message)];
  if (plan.unmatched.length > 0) notes.push(`${plan.unmatched.length} person(s) not matched to a Microsoft user.`);
  const held = plan.operations.some((op) => op.kind === 'holdRemovals');
  const status = held ? 'held' : notes.length > 0 ? 'warning' : 'ok';
  return { ...base, status, message: notes.length > 0 ? notes.join(' ') : null };
}
