// The mass-removal guard. A roster that suddenly lists far fewer people — an Elentra enrolment import half done, a
// course's audience switched off by mistake, a contacts table emptied — would otherwise empty real teams, and a
// removed student loses their place in the team's chats and files. Two rules, checked apart (issue 5, "Safety"):
// - share: the member (non-owner) removals not yet confirmed are more than `maxShare` of the team's members (and at
//   least `minimumCount`). Members only, on both sides: owners are a handful of teachers, and counting them in the
//   denominator would let a course with many owners lose a larger share of its students unnoticed.
// - allOwners: the removals take every one of the team's owners (the authorizing account aside) — teachers lost at a
//   stroke is a contacts-table accident, whatever the members do.
// What a rule catches is held: reported with the list and kept in `held_removals` until someone confirms it
// (`--force`, or the web page). A hold sticks: a removal held on an earlier run and not confirmed stays held even
// when the rule no longer trips — the additions of the run that held it (a replacement teacher, new students) would
// otherwise shift the numbers and let the next run remove, unconfirmed, exactly what was held. Owner removals that leave an owner in place, additions and role changes still go
// ahead; removals already confirmed proceed.
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
  /** Users whose removal from this team an earlier run held and nobody confirmed yet. */
  stillHeld?: ReadonlySet<string>;
  guard: MassRemovalGuard;
  force: boolean;
}

export interface GuardHold {
  rule: 'share' | 'allOwners';
  held: MemberRef[];
  /** share: the team's members (non-owners); allOwners: its owners. The authorizing account is never counted. */
  memberCount: number;
  message: string;
}

export interface GuardDecision {
  proceed: MemberRef[];
  /** Every held removal, over both rules. */
  held: MemberRef[];
  /** One per rule that tripped: the share rule first. */
  holds: GuardHold[];
}

const UNTIL = 'held until confirmed (sync with --force, or confirm on the web page)';

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10} %`;
}

export function guardRemovals(input: GuardInput): GuardDecision {
  const { current, authorizingUserId, guard } = input;
  const none: GuardDecision = { proceed: [...input.removals], held: [], holds: [] };
  const unconfirmed = input.removals.filter((removal) => !input.confirmed.has(removal.userId));
  if (input.force || unconfirmed.length === 0) return none;
  let members = 0;
  const owners: string[] = [];
  for (const [userId, member] of current) {
    if (userId === authorizingUserId) continue;
    if (member.isOwner) owners.push(userId);
    else members += 1;
  }
  const holds: GuardHold[] = [];
  const stillHeld = input.stillHeld ?? new Set<string>();
  const earlier = (held: MemberRef[], what: string): string =>
    `Removing ${held.length} ${what} was held on an earlier run and is still: ${UNTIL}.`;
  const memberRemovals = unconfirmed.filter((removal) => removal.role !== 'owner');
  // Rounded so that 30 % of 10 allows exactly 3, whatever binary floating point makes of 0.3 × 10.
  const allowed = Math.round(guard.maxShare * members * 1e9) / 1e9;
  if (memberRemovals.length >= guard.minimumCount && memberRemovals.length > allowed) {
    holds.push({
      rule: 'share',
      held: memberRemovals,
      memberCount: members,
      message:
        `Elentra no longer lists ${memberRemovals.length} of this team's ${members} members ` +
        `(${percent(memberRemovals.length / members)}, more than ${percent(guard.maxShare)}): their removal is ${UNTIL}.`,
    });
  } else {
    const sticky = memberRemovals.filter((removal) => stillHeld.has(removal.userId));
    if (sticky.length > 0) {
      holds.push({ rule: 'share', held: sticky, memberCount: members, message: earlier(sticky, 'member(s)') });
    }
  }
  const ownerRemovals = unconfirmed.filter((removal) => removal.role === 'owner');
  const removedOwners = new Set(ownerRemovals.map((removal) => removal.userId));
  if (owners.length > 0 && owners.every((userId) => removedOwners.has(userId))) {
    holds.push({
      rule: 'allOwners',
      held: ownerRemovals,
      memberCount: owners.length,
      message: `Elentra no longer lists any of this team's ${owners.length} owner(s): their removal is ${UNTIL}.`,
    });
  } else {
    const sticky = ownerRemovals.filter((removal) => stillHeld.has(removal.userId));
    if (sticky.length > 0) {
      holds.push({ rule: 'allOwners', held: sticky, memberCount: owners.length, message: earlier(sticky, 'owner(s)') });
    }
  }
  if (holds.length === 0) return none;
  const held = holds.flatMap((hold) => hold.held);
  const heldIds = new Set(held.map((removal) => removal.userId));
  const proceed = input.removals.filter((removal) => !heldIds.has(removal.userId));
  return { proceed, held, holds };
}
