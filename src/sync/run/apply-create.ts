// Creating an offering's team so that no crash or lost answer can make two (ARCHITECTURE rule 1):
// 1. the `ms_teams` row is written as `creating`, with the nickname, before any request — a run that dies after this
//    is found again by the nickname on the next run (observe-lookup.ts);
// 2. `POST /groups` with the deterministic mailNickname; when it fails (a lost answer, a conflict because an earlier
//    attempt did create it) the group is looked up by nickname and used if it is there;
// 3. `PUT /groups/{id}/team` (the gateway retries Microsoft's replication-delay 404s); a group made by an earlier
//    attempt gets the current names (`PATCH /teams/{id}`), since the course may have been renamed in between;
// 4. the row takes the team id, and the snapshot the one member a new team has: the authorizing account, as owner.
import type { StoredMember, SyncStore } from '../io/sync-store.js';
import type { TeamsGateway } from '../io/teams-gateway.js';
import type { CreateTeamOperation } from '../plan/plan-types.js';
import { count, type OfferingState } from './offering-state.js';
import { stopsTheRun } from './run-errors.js';
import { toStored } from './snapshot-members.js';

export interface CreateContext {
  store: SyncStore;
  gateway: TeamsGateway;
  authorizingUserId: string | null;
  status: 'upcoming' | 'current' | 'ended' | 'gone';
  /** The run's clock: a new or adopted team's snapshot is a full listing as of now (relist-due.ts). */
  nowMs: number;
}

async function createOrFindGroup(
  gateway: TeamsGateway,
  op: CreateTeamOperation,
): Promise<{ groupId: string; hasTeam: boolean; reused: boolean }> {
  try {
    const { groupId } = await gateway.createGroup({
      displayName: op.displayName,
      description: op.description,
      mailNickname: op.mailNickname,
      visibility: op.visibility,
    });
    return { groupId, hasTeam: false, reused: false };
  } catch (error) {
    if (stopsTheRun(error)) throw error;
    const found = (await gateway.findGroupsByMailNickname([op.mailNickname])).get(op.mailNickname);
    if (found === undefined) throw error;
    return { groupId: found.groupId, hasTeam: found.hasTeam, reused: true };
  }
}

export async function applyCreateTeam(
  op: CreateTeamOperation,
  state: OfferingState,
  context: CreateContext,
): Promise<void> {
  const { store, gateway } = context;
  if (state.row === null) throw new Error(`No row for ${op.offeringKey}`);
  state.row = {
    ...state.row,
    teamId: null,
    status: 'creating',
    mailNickname: op.mailNickname,
    displayName: op.displayName,
    description: op.description,
    archivedBySync: false,
  };
  state.extras = { ...state.extras, deltaLink: null };
  await store.saveTeam(state.row, state.extras);
  const group = op.existingGroupId
    ? { groupId: op.existingGroupId, hasTeam: false, reused: true }
    : await createOrFindGroup(gateway, op);
  const made = group.hasTeam ? null : await gateway.createTeamFromGroup(group.groupId, op.template);
  const teamId = made?.teamId ?? group.groupId;
  state.teamId = teamId;
  // A new team's address (`PUT /groups/{id}/team` answers with it); an adopted one's comes with its next listing.
  state.extras = { ...state.extras, webUrl: made?.webUrl ?? null };
  state.row = { ...state.row, teamId, status: context.status };
  await store.saveTeam(state.row, state.extras);
  // A group an earlier attempt made still has the names of that time, and the course may have been renamed since;
  // the row says the new names, and later runs (observed through delta, from the row) would never rename it. If this
  // fails, the offering's error (or the missing delta link after a crash) has the next run list the team in full.
  if (group.reused) await gateway.updateTeam(teamId, { displayName: op.displayName, description: op.description });
  // An adopted team may already have members (an earlier attempt got further than its answer said): list them.
  const members: StoredMember[] = group.hasTeam
    ? (await gateway.listMembers(teamId)).map(toStored)
    : context.authorizingUserId
      ? [{ userId: context.authorizingUserId, role: 'owner', membershipId: null }]
      : [];
  await store.replaceMembers(op.offeringKey, members);
  state.extras = { ...state.extras, lastListedAtMs: context.nowMs };
  count(state, group.hasTeam ? 'teamsAdopted' : 'teamsCreated');
}
