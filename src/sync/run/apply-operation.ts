// One plan operation against Microsoft, then the store: the snapshot takes only what Microsoft confirmed, person by
// person (members/add and members/remove answer per person), so a failure or a crash half-way leaves a snapshot
// that is true, and the next run plans just what is still missing. A thrown error fails the offering (the caller
// records it); per-person failures become the offering's problems and its status a warning.
import type { SyncStore } from '../io/sync-store.js';
import type { MemberResult, TeamsGateway } from '../io/teams-gateway.js';
import type { MemberRef, PlanOperation } from '../plan/plan-types.js';
import { applyCreateTeam, type CreateContext } from './apply-create.js';
import { count, type OfferingState } from './offering-state.js';

export type OperationContext = CreateContext & { store: SyncStore; gateway: TeamsGateway };

function teamOf(state: OfferingState, teamId: string | null): string {
  const id = teamId ?? state.teamId;
  if (id === null) throw new Error(`${state.offeringKey}: the team does not exist (its creation failed).`);
  return id;
}

function failures(state: OfferingState, verb: string, results: readonly MemberResult[]): Set<string> {
  const failed = new Set<string>();
  for (const result of results) {
    if (result.error === null) continue;
    failed.add(result.userId);
    state.problems.push(`Could not ${verb} ${result.userId}: ${result.error.message}`);
  }
  return failed;
}

function roleCounts(state: OfferingState, members: readonly MemberRef[], prefix: string): void {
  count(state, `${prefix}Owners`, members.filter((member) => member.role === 'owner').length);
  count(state, `${prefix}Members`, members.filter((member) => member.role === 'member').length);
}

export async function applyOperation(
  op: PlanOperation,
  state: OfferingState,
  context: OperationContext,
): Promise<void> {
  const { store, gateway } = context;
  const key = op.offeringKey;
  switch (op.kind) {
    case 'createTeam':
      return applyCreateTeam(op, state, context);
    case 'adoptTeam':
      state.teamId = op.teamId;
      if (state.row)
        state.row = { ...state.row, teamId: op.teamId, mailNickname: op.mailNickname, status: context.status };
      if (state.row) await store.saveTeam(state.row, state.extras);
      return count(state, 'teamsAdopted');
    case 'renameTeam':
      await gateway.updateTeam(op.teamId, op.to);
      if (state.row) state.row = { ...state.row, displayName: op.to.displayName, description: op.to.description };
      return count(state, 'teamsRenamed');
    case 'archiveTeam':
      await gateway.archiveTeam(op.teamId);
      if (state.row) state.row = { ...state.row, archivedBySync: true };
      return count(state, 'teamsArchived');
    case 'unarchiveTeam':
      await gateway.unarchiveTeam(op.teamId);
      if (state.row) state.row = { ...state.row, archivedBySync: false };
      return count(state, 'teamsUnarchived');
    case 'addMembers': {
      const failed = failures(state, 'add', await gateway.addMembers(teamOf(state, op.teamId), op.members));
      const added = op.members.filter((member) => !failed.has(member.userId));
      await store.updateMembers(key, { upsert: added.map((m) => ({ ...m, membershipId: null })), remove: [] });
      return roleCounts(state, added, 'added');
    }
    case 'removeMembers': {
      const userIds = op.members.map((member) => member.userId);
      const failed = failures(state, 'remove', await gateway.removeMembers(teamOf(state, op.teamId), userIds));
      const removed = op.members.filter((member) => !failed.has(member.userId));
      await store.updateMembers(key, { upsert: [], remove: removed.map((member) => member.userId) });
      return roleCounts(state, removed, 'removed');
    }
    case 'promoteToOwner':
    case 'demoteToMember': {
      const teamId = teamOf(state, op.teamId);
      const role = op.kind === 'promoteToOwner' ? 'owner' : 'member';
      const membershipId = op.membershipId ?? (await gateway.findMembershipId(teamId, op.userId));
      if (membershipId === null) {
        state.problems.push(`Could not make ${op.userId} ${role}: no longer in the team.`);
        return;
      }
      await gateway.setMemberRole(teamId, membershipId, role);
      await store.updateMembers(key, { upsert: [{ userId: op.userId, role, membershipId }], remove: [] });
      return count(state, op.kind === 'promoteToOwner' ? 'promoted' : 'demoted');
    }
    case 'holdRemovals':
      // The offering's set is the union of its holds: saveHeldRemovals replaces, so pass everything held so far.
      state.held.push(
        ...op.members.map((member) => ({ userId: member.userId, role: member.role, reason: op.message })),
      );
      await store.saveHeldRemovals(key, state.held);
      state.problems.push(op.message);
      return count(state, 'removalsHeld', op.members.length);
    case 'reportLimit':
      state.problems.push(op.message);
      return count(state, 'overLimit', op.userIds.length);
    case 'teamDeleted':
      if (state.row) state.row = { ...state.row, status: 'deleted' };
      state.extras = { ...state.extras, webUrl: null }; // no team to open any more
      state.problems.push(op.message);
      return count(state, 'teamsDeleted');
    case 'noChange':
      return;
  }
}
