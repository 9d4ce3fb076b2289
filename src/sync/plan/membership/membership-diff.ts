// The membership diff (Canvas's pure class, our sets-in/lists-out function): who to add, remove, promote and demote
// so that a team's owners are the offering's matched course contacts and its members the matched audience.
//   adds       = desired − current            (owners and members apart)
//   removals   = current − desired − protected − the authorizing account
//   promotions = desired owners who are current members; demotions = desired members who are current owners
// Protected users (people Elentra lists but could not match this run, people/offering-people.ts) are never removed
// or re-roled. The authorizing account is never touched while `keepAuthorizingAccountAsOwner`; otherwise, when
// Elentra does not list it, it is set aside to be removed last (membership-operations.ts), after another owner exists.
import type { MemberRef } from '../plan-types.js';

export interface CurrentMember {
  isOwner: boolean;
  membershipId: string | null;
}

export interface RoleChange {
  userId: string;
  membershipId: string | null;
}

export interface MembershipDiffInput {
  /** Matched owners in roster order. */
  desiredOwners: readonly string[];
  /** Matched members in roster order, none an owner. */
  desiredMembers: readonly string[];
  protectedUserIds: ReadonlySet<string>;
  current: ReadonlyMap<string, CurrentMember>;
  authorizingUserId: string | null;
  keepAuthorizingAccountAsOwner: boolean;
}

export interface MembershipDiff {
  addOwners: string[];
  addMembers: string[];
  removals: MemberRef[];
  promotions: RoleChange[];
  demotions: RoleChange[];
  /** Not listed by Elentra and not to be kept: removed last, if another owner remains. */
  authorizingAccount: MemberRef | null;
}

export function diffMembership(input: MembershipDiffInput): MembershipDiff {
  const { current, protectedUserIds, authorizingUserId } = input;
  const keepAuthorizing = input.keepAuthorizingAccountAsOwner;
  const diff: MembershipDiff = {
    addOwners: [],
    addMembers: [],
    removals: [],
    promotions: [],
    demotions: [],
    authorizingAccount: null,
  };
  const desired = new Set<string>();
  for (const userId of input.desiredOwners) {
    desired.add(userId);
    const member = current.get(userId);
    if (!member) diff.addOwners.push(userId);
    else if (!member.isOwner) diff.promotions.push({ userId, membershipId: member.membershipId });
  }
  for (const userId of input.desiredMembers) {
    if (desired.has(userId)) continue;
    desired.add(userId);
    const member = current.get(userId);
    if (!member) diff.addMembers.push(userId);
    else if (member.isOwner && !(keepAuthorizing && userId === authorizingUserId)) {
      diff.demotions.push({ userId, membershipId: member.membershipId });
    }
  }
  for (const [userId, member] of current) {
    if (desired.has(userId) || protectedUserIds.has(userId)) continue;
    const role = member.isOwner ? 'owner' : 'member';
    if (userId === authorizingUserId) {
      if (!keepAuthorizing) diff.authorizingAccount = { userId, role };
      continue;
    }
    diff.removals.push({ userId, role });
  }
  // The snapshot comes from the database in no set order: sorted, a dry run predicts the next run's batches exactly.
  diff.removals.sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  return diff;
}
