// The planner's options and Microsoft's limits as named constants (Canvas: MAX_ENROLLMENT_MEMBERS / _OWNERS).
//
// keepAuthorizingAccountAsOwner defaults to TRUE. The team is created with delegated permission, so the account
// that authorized the integration becomes its owner (GRAPH-FACTS §3; Microsoft's create-group page: "the calling user
// is automatically added as the group owner"). With delegated permissions the sync can only do what that account
// may do: unless it holds a Teams or Groups administrator role, it manages a team's members *because* it owns the
// team, and removing it would lock the sync out of that team from the next run on. Keeping it costs nothing and
// shows teachers who manages the team. Sites whose account is an administrator may set it false: the account is then
// removed last, and only once another owner exists (a team can't lose its last owner, GRAPH-FACTS §4).
import { DEFAULT_DESCRIPTION_TEMPLATE, DEFAULT_DISPLAY_NAME_TEMPLATE } from '../naming/template.js';
import type { TeamTemplate } from './plan-types.js';

/** Members of one team (Microsoft Teams limit; Canvas MAX_ENROLLMENT_MEMBERS). */
export const MAX_MEMBERS = 25_000;
/** Owners of one group/team (GRAPH-FACTS §4: "A group has at most 100 owners"). */
export const MAX_OWNERS = 100;
/** `POST /teams/{id}/members/add` takes at most 200 (GRAPH-FACTS §4). */
export const MAX_MEMBERS_PER_ADD_REQUEST = 200;
/** `POST /teams/{id}/members/remove` takes at most 20 (conversationmember-remove: "A maximum of 20"). One bulk
 * request per 20 people beats 20 single DELETEs: both count once against the 4-per-second per-team limit. */
export const MAX_MEMBERS_PER_REMOVE_REQUEST = 20;

export interface MassRemovalGuard {
  /** Hold the removals when they are more than this share of the team's members (0.3 = 30 %). */
  maxShare: number;
  /** …and at least this many: a seminar group of 5 losing 2 students is not a mass removal, an emptied course is. */
  minimumCount: number;
}

export interface PlanOptions {
  /** naming/mail-nickname.ts siteIdOf(ENTRADA_URL). */
  siteId: string;
  displayNameTemplate: string;
  descriptionTemplate: string;
  template: TeamTemplate;
  /** Archive a team whose offering ended (its period finished and the roster's grace days passed). */
  archiveEndedTeams: boolean;
  /** Create a new team for an offering whose team was deleted in Microsoft (otherwise flag it). */
  recreateDeletedTeams: boolean;
  keepAuthorizingAccountAsOwner: boolean;
  /** The authorizing account's Microsoft user id (service_tokens.account_id); null when unknown. */
  authorizingUserId: string | null;
  massRemoval: MassRemovalGuard;
  /** `--force`: no removal is held. */
  force: boolean;
  /** Microsoft's caps (MAX_OWNERS, MAX_MEMBERS) when absent. Lower ones let a test, or a site that wants headroom,
   * see the over-limit report without 25,000 people. */
  caps?: { maxOwners: number; maxMembers: number };
}

export const DEFAULT_MASS_REMOVAL: MassRemovalGuard = { maxShare: 0.3, minimumCount: 3 };

export const DEFAULT_PLAN_OPTIONS: Omit<PlanOptions, 'siteId' | 'authorizingUserId'> = {
  displayNameTemplate: DEFAULT_DISPLAY_NAME_TEMPLATE,
  descriptionTemplate: DEFAULT_DESCRIPTION_TEMPLATE,
  template: 'standard',
  archiveEndedTeams: true,
  recreateDeletedTeams: false,
  keepAuthorizingAccountAsOwner: true,
  massRemoval: DEFAULT_MASS_REMOVAL,
  force: false,
};

export function planOptions(
  options: Partial<PlanOptions> & Pick<PlanOptions, 'siteId' | 'authorizingUserId'>,
): PlanOptions {
  return { ...DEFAULT_PLAN_OPTIONS, ...options };
}
