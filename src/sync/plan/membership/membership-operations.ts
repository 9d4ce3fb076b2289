// The diff as ordered, batched operations. Removals go first — they make room under Microsoft's caps (Canvas does the
// same) and a person moving between roles is never briefly both — then demotions, then additions (owners first, 200
// per `members/add`), then promotions. The exception: when every current owner is on the way out, the new owners are
// added and promoted FIRST, because Microsoft refuses to remove a team's last owner (GRAPH-FACTS §4) and an
// interrupted run must never leave the team ownerless. The authorizing account, when it is to go, goes last and only
// if another owner will remain.
import { MAX_MEMBERS_PER_ADD_REQUEST, MAX_MEMBERS_PER_REMOVE_REQUEST } from '../plan-options.js';
import type { MemberRef, PlanOperation } from '../plan-types.js';
import type { CurrentMember, MembershipDiff } from './membership-diff.js';
import { ownersAfter } from './owner-floor.js';

export interface MembershipOperationsInput {
  offeringKey: string;
  teamId: string | null;
  diff: MembershipDiff;
  current: ReadonlyMap<string, CurrentMember>;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

export function membershipOperations(input: MembershipOperationsInput): PlanOperation[] {
  const { offeringKey, teamId, diff, current } = input;
  const on = { offeringKey, teamId };
  const add = (members: MemberRef[]): PlanOperation[] =>
    chunk(members, MAX_MEMBERS_PER_ADD_REQUEST).map((batch) => ({ kind: 'addMembers', ...on, members: batch }));
  const remove = (members: readonly MemberRef[], reason: 'notInElentra' | 'authorizingAccount'): PlanOperation[] =>
    chunk(members, MAX_MEMBERS_PER_REMOVE_REQUEST).map((batch) => ({
      kind: 'removeMembers',
      ...on,
      members: batch,
      reason,
    }));
  const promote = diff.promotions.map((p): PlanOperation => ({ kind: 'promoteToOwner', ...on, ...p }));
  const demote = diff.demotions.map((d): PlanOperation => ({ kind: 'demoteToMember', ...on, ...d }));
  const ownerAdds = diff.addOwners.map((userId): MemberRef => ({ userId, role: 'owner' }));
  const memberAdds = diff.addMembers.map((userId): MemberRef => ({ userId, role: 'member' }));

  const losing = new Set([...diff.removals.filter((r) => r.role === 'owner'), ...diff.demotions].map((m) => m.userId));
  const owners = [...current].filter(([, member]) => member.isOwner).map(([userId]) => userId);
  const ownersFirst = owners.length > 0 && owners.every((userId) => losing.has(userId));

  const operations = ownersFirst
    ? [...add(ownerAdds), ...promote, ...remove(diff.removals, 'notInElentra'), ...demote, ...add(memberAdds)]
    : [...remove(diff.removals, 'notInElentra'), ...demote, ...add([...ownerAdds, ...memberAdds]), ...promote];

  const account = diff.authorizingAccount;
  if (account) {
    const accountIsOwner = current.get(account.userId)?.isOwner === true;
    const othersRemaining = ownersAfter(diff, current) - (accountIsOwner ? 1 : 0);
    if (othersRemaining > 0) operations.push(...remove([account], 'authorizingAccount'));
  }
  return operations;
}
