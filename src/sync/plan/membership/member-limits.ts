// Microsoft's caps, reported rather than crashed on (Canvas disables a course over them; we keep syncing it). A team
// has at most MAX_OWNERS owners and MAX_MEMBERS members. Owners over the cap are made (or kept) members instead —
// they still reach the course — and members over the cap are not added; both are listed in a reportLimit. Which
// people go first is deterministic: promotions (already in the team) before owner additions, then roster order.
// Removals that proceed make room first; held removals still occupy their places.
import { MAX_MEMBERS, MAX_OWNERS } from '../plan-options.js';
import type { CurrentMember, MembershipDiff } from './membership-diff.js';

export interface LimitReport {
  limit: 'owners' | 'members';
  max: number;
  wanted: number;
  userIds: string[];
  message: string;
}

export interface LimitedDiff {
  diff: MembershipDiff;
  reports: LimitReport[];
}

export interface Caps {
  maxOwners: number;
  maxMembers: number;
}

export const MICROSOFT_CAPS: Caps = { maxOwners: MAX_OWNERS, maxMembers: MAX_MEMBERS };

export function applyLimits(
  diff: MembershipDiff,
  current: ReadonlyMap<string, CurrentMember>,
  caps: Caps = MICROSOFT_CAPS,
): LimitedDiff {
  const reports: LimitReport[] = [];
  const removed = new Set(diff.removals.map((removal) => removal.userId));
  const demoted = new Set(diff.demotions.map((demotion) => demotion.userId));
  let owners = 0;
  for (const [userId, member] of current)
    if (member.isOwner && !removed.has(userId) && !demoted.has(userId)) owners += 1;

  let ownerRoom = Math.max(0, caps.maxOwners - owners);
  const promotions = diff.promotions.slice(0, ownerRoom);
  ownerRoom -= promotions.length;
  const addOwners = diff.addOwners.slice(0, ownerRoom);
  const ownersLeftOut = [
    ...diff.promotions.slice(promotions.length).map((p) => p.userId),
    ...diff.addOwners.slice(addOwners.length),
  ];
  if (ownersLeftOut.length > 0) {
    const wanted = owners + diff.promotions.length + diff.addOwners.length;
    reports.push({
      limit: 'owners',
      max: caps.maxOwners,
      wanted,
      userIds: ownersLeftOut,
      message: `Elentra lists ${wanted} owners; a team can have ${caps.maxOwners}: ${ownersLeftOut.length} are members instead.`,
    });
  }

  const staying = current.size - removed.size;
  let memberRoom = Math.max(0, caps.maxMembers - staying);
  const ownersFitting = addOwners.slice(0, memberRoom);
  memberRoom -= ownersFitting.length;
  const addMembersWanted = [...diff.addOwners.slice(addOwners.length), ...diff.addMembers];
  const addMembers = addMembersWanted.slice(0, memberRoom);
  const membersLeftOut = [...addOwners.slice(ownersFitting.length), ...addMembersWanted.slice(addMembers.length)];
  if (membersLeftOut.length > 0) {
    const wanted = staying + addOwners.length + addMembersWanted.length;
    reports.push({
      limit: 'members',
      max: caps.maxMembers,
      wanted,
      userIds: membersLeftOut,
      message: `Elentra lists ${wanted} people; a team can have ${caps.maxMembers}: ${membersLeftOut.length} were not added.`,
    });
  }
  return { diff: { ...diff, promotions, addOwners: ownersFitting, addMembers }, reports };
}
