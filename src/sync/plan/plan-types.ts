// The Plan: what one sync run will do, as data (ARCHITECTURE rule 2). One OfferingPlan per course offering — the
// unit of work: apply runs each offering's operations in order and one offering's failure never stops another.
// `--dry-run` prints it (format-plan.ts), apply executes it, tests assert on it, and the cost model (cost/) prices it.
// Member operations name Microsoft user ids; `teamId: null` means "the team this offering's createTeam makes".
import type { OfferingStatus, TeamRole } from '../../db/tables.js';
import type { UnmatchedPerson } from '../people/offering-people.js';

export type { OfferingStatus, TeamRole };
export type TeamTemplate = 'standard' | 'educationClass';

export interface MemberRef {
  userId: string;
  role: TeamRole;
}

interface Base {
  offeringKey: string;
}
interface OnTeam extends Base {
  teamId: string | null;
}

export interface CreateTeamOperation extends Base {
  kind: 'createTeam';
  displayName: string;
  description: string;
  mailNickname: string;
  template: TeamTemplate;
  visibility: 'private';
  /** A group with this mailNickname already exists without a team: make its team, not a second group. */
  existingGroupId: string | null;
}
export interface AdoptTeamOperation extends Base {
  kind: 'adoptTeam';
  teamId: string;
  mailNickname: string;
}
export interface RenameTeamOperation extends Base {
  kind: 'renameTeam';
  teamId: string;
  from: { displayName: string; description: string };
  to: { displayName: string; description: string };
}
export interface ArchiveTeamOperation extends Base {
  kind: 'archiveTeam';
  teamId: string;
  /** `ended`: its period finished and the grace days passed; `gone`: the course or period is inactive or deleted. */
  reason: 'ended' | 'gone';
}
export interface UnarchiveTeamOperation extends Base {
  kind: 'unarchiveTeam';
  teamId: string;
}
/** `POST /teams/{id}/members/add`: at most MAX_MEMBERS_PER_ADD_REQUEST, owners with `roles: ['owner']`. */
export interface AddMembersOperation extends OnTeam {
  kind: 'addMembers';
  members: MemberRef[];
}
/** `POST /teams/{id}/members/remove`: at most MAX_MEMBERS_PER_REMOVE_REQUEST, by user id. */
export interface RemoveMembersOperation extends OnTeam {
  kind: 'removeMembers';
  members: MemberRef[];
  reason: 'notInElentra' | 'authorizingAccount';
}
/** `PATCH /teams/{id}/members/{membershipId}`; a null membershipId is looked up first (one GET). */
export interface PromoteToOwnerOperation extends OnTeam {
  kind: 'promoteToOwner';
  userId: string;
  membershipId: string | null;
}
export interface DemoteToMemberOperation extends OnTeam {
  kind: 'demoteToMember';
  userId: string;
  membershipId: string | null;
}
/** The mass-removal guard held these removals: recorded in `held_removals` until confirmed. One per rule that
 * tripped (membership/removal-guard.ts); an offering's held set is the union of its holdRemovals. */
export interface HoldRemovalsOperation extends OnTeam {
  kind: 'holdRemovals';
  members: MemberRef[];
  rule: 'share' | 'allOwners';
  /** share: the team's members (non-owners) the share was computed on; allOwners: its owners. The authorizing
   * account is never counted. */
  memberCount: number;
  /** Why, in words, with the numbers; the runner appends the people's names (plan/held-names.ts). */
  message: string;
  /** The held people's names, in the order of `members` (set by the runner: plan/held-names.ts). */
  names?: string[];
}
/** More owners or members than a team can have: those left out (or added as members instead of owners). */
export interface ReportLimitOperation extends OnTeam {
  kind: 'reportLimit';
  limit: 'owners' | 'members';
  max: number;
  wanted: number;
  userIds: string[];
  message: string;
}
/** The stored team is gone from Microsoft: flagged; followed by a createTeam only with `recreateDeletedTeams`. */
export interface TeamDeletedOperation extends Base {
  kind: 'teamDeleted';
  teamId: string;
  recreate: boolean;
  message: string;
}
export interface NoChangeOperation extends OnTeam {
  kind: 'noChange';
}

export type PlanOperation =
  | CreateTeamOperation
  | AdoptTeamOperation
  | RenameTeamOperation
  | ArchiveTeamOperation
  | UnarchiveTeamOperation
  | AddMembersOperation
  | RemoveMembersOperation
  | PromoteToOwnerOperation
  | DemoteToMemberOperation
  | HoldRemovalsOperation
  | ReportLimitOperation
  | TeamDeletedOperation
  | NoChangeOperation;

export type OperationKind = PlanOperation['kind'];

export type PlanWarningCode =
  | 'observation-failed'
  | 'no-matched-owner'
  | 'owners-kept'
  | 'archived-outside-sync'
  | 'ended-without-team'
  | 'kept-active'
  | 'impossible-dates';

export interface PlanWarning {
  code: PlanWarningCode;
  message: string;
  /** The users it concerns, shown by name in the dry run. */
  userIds?: string[];
}

/** Where the offering stands: its roster status, or `gone` (a stored team whose offering left the roster). */
export type Lifecycle = 'upcoming' | 'current' | 'ended' | 'gone';

export interface OfferingPlan {
  offeringKey: string;
  lifecycle: Lifecycle;
  /** Null when the team does not exist yet. */
  teamId: string | null;
  mailNickname: string;
  displayName: string;
  /** Never empty: `noChange` when there is nothing to do. */
  operations: PlanOperation[];
  unmatched: UnmatchedPerson[];
  warnings: PlanWarning[];
  /** What the run will record if every operation succeeds: `held`, `warning` or `ok`. */
  expectedStatus: OfferingStatus;
}

export interface Plan {
  /** ISO 8601. */
  generatedAt: string;
  offerings: OfferingPlan[];
}
