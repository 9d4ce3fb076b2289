// One team's membership plan, in four pure steps: diff (membership-diff.ts) → keep an owner (owner-floor.ts) → hold
// mass removals (removal-guard.ts) → respect the caps (member-limits.ts) → ordered batches (membership-operations.ts),
// followed by the holdRemovals (one per guard rule that tripped) and reportLimit operations that tell the
// administrator what was not done and why.
import type { OfferingPeople } from '../../people/offering-people.js';
import type { PlanOptions } from '../plan-options.js';
import type { PlanOperation, PlanWarning } from '../plan-types.js';
import { applyLimits, type Caps, MICROSOFT_CAPS } from './member-limits.js';
import { type CurrentMember, diffMembership } from './membership-diff.js';
import { membershipOperations } from './membership-operations.js';
import { keepAnOwner } from './owner-floor.js';
import { guardRemovals } from './removal-guard.js';

export type MembershipOptions = Pick<
  PlanOptions,
  'authorizingUserId' | 'keepAuthorizingAccountAsOwner' | 'massRemoval' | 'force'
>;

export interface PlanMembershipInput {
  offeringKey: string;
  teamId: string | null;
  people: Pick<OfferingPeople, 'owners' | 'members' | 'protectedUserIds'>;
  current: ReadonlyMap<string, CurrentMember>;
  /** Users whose held removal from this team someone confirmed. */
  confirmedRemovals: ReadonlySet<string>;
  /** Users whose removal an earlier run held, not confirmed yet: held again (removal-guard.ts). */
  stillHeld?: ReadonlySet<string>;
  options: MembershipOptions;
  caps?: Caps;
}

export interface MembershipPlan {
  operations: PlanOperation[];
  warnings: PlanWarning[];
  held: boolean;
}

export function planMembership(input: PlanMembershipInput): MembershipPlan {
  const { offeringKey, teamId, current, options } = input;
  const warnings: PlanWarning[] = [];
  const raw = diffMembership({
    desiredOwners: input.people.owners,
    desiredMembers: input.people.members,
    protectedUserIds: input.people.protectedUserIds,
    current,
    authorizingUserId: options.authorizingUserId,
    keepAuthorizingAccountAsOwner: options.keepAuthorizingAccountAsOwner,
  });
  const floor = keepAnOwner(raw, current);
  if (floor.keptOwners.length > 0) {
    warnings.push({
      code: 'owners-kept',
      message: 'Elentra lists no owner that matches a Microsoft user, so the current owners were kept:',
      userIds: floor.keptOwners,
    });
  } else if (input.people.owners.length === 0) {
    warnings.push({
      code: 'no-matched-owner',
      message: 'Elentra lists no owner that matches a Microsoft user: teachers cannot manage this team.',
    });
  }
  const guard = guardRemovals({
    removals: floor.diff.removals,
    current,
    authorizingUserId: options.authorizingUserId,
    confirmed: input.confirmedRemovals,
    ...(input.stillHeld ? { stillHeld: input.stillHeld } : {}),
    guard: options.massRemoval,
    force: options.force,
  });
  const limited = applyLimits({ ...floor.diff, removals: guard.proceed }, current, input.caps ?? MICROSOFT_CAPS);
  const operations = membershipOperations({ offeringKey, teamId, diff: limited.diff, current });
  for (const hold of guard.holds) {
    operations.push({
      kind: 'holdRemovals',
      offeringKey,
      teamId,
      members: hold.held,
      rule: hold.rule,
      memberCount: hold.memberCount,
      message: hold.message,
    });
  }
  for (const report of limited.reports) operations.push({ kind: 'reportLimit', offeringKey, teamId, ...report });
  return { operations, warnings, held: guard.held.length > 0 };
}

/** Graph's member list as the diff's map (guests count as members; Microsoft's roles are `owner`, `guest` or none). */
export function currentMembers(
  members: Iterable<{ userId: string; roles: readonly string[]; membershipId: string | null }>,
): Map<string, CurrentMember> {
  const current = new Map<string, CurrentMember>();
  for (const member of members) {
    current.set(member.userId, { isOwner: member.roles.includes('owner'), membershipId: member.membershipId });
  }
  return current;
}
