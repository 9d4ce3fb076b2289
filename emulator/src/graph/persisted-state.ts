// Graph's part of the state file (../state-file.ts): the GraphState as plain JSON and back. Sets and Maps become
// arrays; an async team operation keeps its timing and outcome, and its effect is attached again on restore
// (teams.ts operationEffects), so an operation still running when the emulator stopped completes after the restart.
// The id generator's position is kept, so restored and new ids never collide and a run stays reproducible.
import { createPrng } from '../behaviour/prng.js';
import type { EmulatorContext } from '../context.js';
import {
  type EventRecord,
  type GraphState,
  type GroupChange,
  type GroupRecord,
  getGraphStateRecord,
  type OperationRecord,
  type OperationType,
  replaceGraphState,
  type TeamRecord,
} from './state.js';
import { operationEffects } from './teams.js';

export interface PersistedGroup extends Omit<GroupRecord, 'members' | 'owners' | 'membershipIds' | 'events' | 'team'> {
  members: string[];
  owners: string[];
  /** [userId, membershipId] pairs. */
  membershipIds: Array<[string, string]>;
  team: TeamRecord | null;
  events: EventRecord[];
}

export interface PersistedOperation {
  id: string;
  teamId: string;
  operationType: OperationType;
  createdAtMs: number;
  durationMs: number;
  failure: { code: string; message: string } | null;
  settled: boolean;
}

export interface PersistedGraphState {
  generation: number;
  groups: PersistedGroup[];
  operations: PersistedOperation[];
  changes: GroupChange[];
  changeSeq: number;
  /** The id generator's position (Prng.state()). */
  idsState: number;
}

export function persistGraphState(ctx: EmulatorContext): PersistedGraphState {
  const state = getGraphStateRecord(ctx);
  return {
    generation: state.generation,
    groups: [...state.groups.values()].map((group) => ({
      ...group,
      members: [...group.members],
      owners: [...group.owners],
      membershipIds: [...group.membershipIds],
      team: group.team ? structuredClone(group.team) : null,
      events: [...group.events.values()],
    })),
    operations: [...state.operations.values()].map(({ onSuccess: _s, onFailure: _f, ...operation }) => operation),
    changes: [...state.changes],
    changeSeq: state.changeSeq,
    idsState: state.ids.state(),
  };
}

/** Replaces the context's Graph state with the persisted one. Throws on a shape it cannot use. */
export function restoreGraphState(ctx: EmulatorContext, persisted: PersistedGraphState): void {
  for (const list of [persisted.groups, persisted.operations, persisted.changes]) {
    if (!Array.isArray(list)) throw new Error('the Graph state is not in the expected shape');
  }
  const state: GraphState = {
    generation: persisted.generation,
    groups: new Map(),
    operations: new Map(),
    changes: [...persisted.changes],
    changeSeq: persisted.changeSeq,
    ids: createPrng(persisted.idsState),
  };
  for (const group of persisted.groups) {
    state.groups.set(group.id, {
      ...group,
      members: new Set(group.members),
      owners: new Set(group.owners),
      membershipIds: new Map(group.membershipIds),
      team: group.team,
      events: new Map(group.events.map((event) => [event.id, event])),
    });
  }
  for (const operation of persisted.operations) {
    const restored: OperationRecord = {
      ...operation,
      ...operationEffects(state, operation.teamId, operation.operationType),
    };
    state.operations.set(operation.id, restored);
  }
  replaceGraphState(ctx, state);
}
