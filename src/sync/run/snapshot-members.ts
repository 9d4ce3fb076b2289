// Conversions between the snapshot's rows (`ms_team_members`, SyncStore's StoredMember) and Graph's member shape
// (ObservedMember), and how a `groups/delta` change is folded into a snapshot. Delta gives user ids only (no roles,
// no membership ids): a user it adds is a member with an unknown membership id until a full listing says more.
import type { ObservedMember } from '../io/observed.js';
import { isOwnerRole } from '../io/observed.js';
import type { StoredMember } from '../io/sync-store.js';

export function toObserved(member: StoredMember): ObservedMember {
  return { userId: member.userId, roles: member.role === 'owner' ? ['owner'] : [], membershipId: member.membershipId };
}

export function toStored(member: ObservedMember): StoredMember {
  return {
    userId: member.userId,
    role: isOwnerRole(member.roles) ? 'owner' : 'member',
    membershipId: member.membershipId,
  };
}

export interface SnapshotChange {
  upsert: StoredMember[];
  remove: string[];
}

/** The snapshot after a delta change, and the rows to write for it (only what really changed). */
export function foldDelta(
  snapshot: readonly StoredMember[],
  change: { added: readonly string[]; removed: readonly string[] },
): { members: StoredMember[]; write: SnapshotChange } {
  const byUser = new Map(snapshot.map((member) => [member.userId, member]));
  const write: SnapshotChange = { upsert: [], remove: [] };
  for (const userId of change.removed) {
    if (byUser.delete(userId)) write.remove.push(userId);
  }
  for (const userId of change.added) {
    if (byUser.has(userId)) continue;
    const member: StoredMember = { userId, role: 'member', membershipId: null };
    byUser.set(userId, member);
    write.upsert.push(member);
  }
  return { members: [...byUser.values()], write };
}
