// The mass-removal guard. A roster that suddenly lists far fewer people — an Elentra enrolment import half done, a
// course's audience switched off by mistake, a contacts table emptied — would otherwise empty real teams, and a
// removed student loses their place in the team's chats and files. So when the removals not yet confirmed are more
// than `maxShare` of the team's members (and at least `minimumCount`), or are every one of its owners, they are
// held: reported with the list and kept in `held_removals` until someone confirms them (`--force`, or the web page).
// Additions and role changes still go ahead; removals already confirmed proceed.
import type { MassRemovalGuard } from '../plan-options.js';
import type { MemberRef } from '../plan-types.js';
import type { CurrentMember } from './membership-diff.js';

export interface GuardInput {
  removals: readonly MemberRef[];
  current: ReadonlyMap<string, CurrentMember>;
  /** Not counted: it is the sync's own account, not one of the team's people. */
  authorizingUserId: string | null;
  /** Users whose held removal from this team was confirmed. */
  confirmed: ReadonlySet<string>;
  guard: MassRemovalGuard;
  force: boolean;
}

export interface GuardDecision {
  proceed: MemberRef[];
  held: MemberRef[];
  rule: 'share' | 'allOwners' | null;
  memberCount: number;
  message: string | null;
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10} %`;
}

export function guardRemovals(input: GuardInput): GuardDecision {
  const { current, authorizingUserId, guard } = input;
  const memberCount = current.size - (authorizingUserId !== null && current.has(authorizingUserId) ? 1 : 0);
  const owners = [...current].filter(([userId, member]) => member.isOwner && userId !== authorizingUserId);
  const unconfirmed = input.removals.filter((removal) => !input.confirmed.has(removal.userId));
  const none = { proceed: [...input.removals], held: [], rule: null, memberCount, message: null };
  if (input.force || unconfirmed.length === 0) return none;

  const removedOwners = new Set(unconfirmed.filter((r) => r.role === 'owner').map((r) => r.userId));
  const allOwners = owners.length > 0 && owners.every(([userId]) => removedOwners.has(userId));
  // Rounded so that 30 % of 10 allows exactly 3, whatever binary floating point makes of 0.3 × 10.
  const allowed = Math.round(guard.maxShare * memberCount * 1e9) / 1e9;
  const share = unconfirmed.length >= guard.minimumCount && unconfirmed.length > allowed;
  if (!allOwners && !share) return none;

  const confirmedOnly = input.removals.filter((removal) => input.confirmed.has(removal.userId));
  const until = 'held until confirmed (sync with --force, or confirm on the web page)';
  const message = allOwners
    ? `Elentra no longer lists any of this team's ${owners.length} owner(s): their removal is ${until}.`
    : `Elentra no longer lists ${unconfirmed.length} of this team's ${memberCount} members ` +
      `(${percent(unconfirmed.length / memberCount)}, more than ${percent(guard.maxShare)}): their removal is ${until}.`;
  return { proceed: confirmedOnly, held: unconfirmed, rule: allOwners ? 'allOwners' : 'share', memberCount, message };
}
