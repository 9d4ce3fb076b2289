// Membership changes shared by the group API (members/owners `$ref`, `members@odata.bind`) and the Teams API
// (`/teams/{id}/members…`): one model, so a team's owners are its group's owners (GRAPH-FACTS §4). Member changes are
// recorded for `groups/delta`; owner changes are not (owners are not in group delta). Team membership ids are opaque
// and live as long as the user belongs to the team.
import { getBehaviour } from '../behaviour/index.js';
import type { EmulatorContext } from '../context.js';
import { graphError } from './errors.js';
import { findUser, type GraphState, type GroupRecord, newOpaqueId, recordChange } from './state.js';

/** Microsoft: "A group has at most 100 owners" (GRAPH-FACTS §4). */
export const MAX_GROUP_OWNERS = 100;
/** Members and owners added in one request (`@odata.bind` at creation or in PATCH): at most 20. */
export const MAX_BIND_REFERENCES = 20;

export function addMember(state: GraphState, group: GroupRecord, userId: string): void {
  if (group.members.has(userId)) return;
  group.members.add(userId);
  ensureMembershipId(state, group, userId);
  recordChange(state, { groupId: group.id, kind: 'memberAdded', userId });
}

export function removeMember(state: GraphState, group: GroupRecord, userId: string): void {
  if (!group.members.delete(userId)) return;
  if (!group.owners.has(userId)) group.membershipIds.delete(userId);
  recordChange(state, { groupId: group.id, kind: 'memberRemoved', userId });
}

export function addOwner(state: GraphState, group: GroupRecord, userId: string): void {
  if (group.owners.has(userId)) return;
  if (group.owners.size >= MAX_GROUP_OWNERS) throw graphError('ownersQuotaExceeded');
  group.owners.add(userId);
  ensureMembershipId(state, group, userId);
}

export function removeOwner(group: GroupRecord, userId: string): void {
  if (!group.owners.delete(userId)) return;
  if (!group.members.has(userId)) group.membershipIds.delete(userId);
}

/** True when removing `userId` from the owners would leave a team without an owner. */
export function isLastTeamOwner(group: GroupRecord, userId: string): boolean {
  return group.team !== null && group.owners.size === 1 && group.owners.has(userId);
}

function ensureMembershipId(state: GraphState, group: GroupRecord, userId: string): void {
  if (!group.membershipIds.has(userId)) group.membershipIds.set(userId, newOpaqueId(state, 48));
}

/**
 * The user id in an `@odata.bind` / `@odata.id` URL: `…/directoryObjects/{id}`, `…/users/{id}`, `…/users('{id}')`
 * (an id or a userPrincipalName). Any host is accepted.
 */
export function boundUserKey(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  const m = /\/(?:directoryObjects|users)(?:\/|\(')([^/'()?]+)'?\)?\/?(?:\?.*)?$/i.exec(url);
  return m ? decodeURIComponent(m[1] ?? '') : null;
}

/** Resolves bound user URLs to tenant user ids; 404 `Request_ResourceNotFound` for the first unknown one. */
export function resolveBoundUsers(ctx: EmulatorContext, urls: unknown): string[] {
  if (urls === undefined) return [];
  if (!Array.isArray(urls))
    throw graphError('invalidPropertyValue', { property: 'members@odata.bind', resource: 'Group' });
  return urls.map((url) => {
    const key = boundUserKey(url);
    const user = key ? findUser(ctx, key) : undefined;
    if (!user) throw graphError('resourceNotFound', { id: key ?? String(url) });
    return user.id;
  });
}

/** Whether a new group is still replicating (invisible to directory reads and `PUT /groups/{id}/team`). */
export function isReplicating(ctx: EmulatorContext, group: GroupRecord, nowMs: number): boolean {
  return nowMs < group.createdAtMs + getBehaviour(ctx).timing.replicationDelayMs;
}
