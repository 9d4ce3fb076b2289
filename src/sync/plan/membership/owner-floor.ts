// A team never goes without an owner: Microsoft refuses to remove or demote the last one (GRAPH-FACTS §4), and an
// ownerless team can't be managed by its teachers. When Elentra lists no matched owner for an offering — its
// contacts unmatched, or none entered yet — the diff would strip every current owner; instead they are all kept
// (their removals and demotions dropped) and the offering is reported, until Elentra names an owner that matches.
import type { CurrentMember, MembershipDiff } from './membership-diff.js';

/** Owners the team will have once the diff is done (the authorizing account's own removal aside). */
export function ownersAfter(diff: MembershipDiff, current: ReadonlyMap<string, CurrentMember>): number {
  const losing = new Set<string>();
  for (const removal of diff.removals) if (removal.role === 'owner') losing.add(removal.userId);
  for (const demotion of diff.demotions) losing.add(demotion.userId);
  let staying = 0;
  for (const [userId, member] of current) if (member.isOwner && !losing.has(userId)) staying += 1;
  return staying + diff.addOwners.length + diff.promotions.length;
}

export interface OwnerFloor {
  diff: MembershipDiff;
  /** The current owners kept although Elentra no longer lists them; empty when nothing was kept. */
  keptOwners: string[];
}

export function keepAnOwner(diff: MembershipDiff, current: ReadonlyMap<string, CurrentMember>): OwnerFloor {
  if (ownersAfter(diff, current) > 0) return { diff, keptOwners: [] };
  const keptOwners = [
    ...diff.removals.filter((removal) => removal.role === 'owner').map((removal) => removal.userId),
    ...diff.demotions.map((demotion) => demotion.userId),
  ];
  if (keptOwners.length === 0) return { diff, keptOwners };
  return {
    diff: { ...diff, removals: diff.removals.filter((removal) => removal.role !== 'owner'), demotions: [] },
    keptOwners,
  };
}
