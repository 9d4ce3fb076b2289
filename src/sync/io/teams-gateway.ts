// The Microsoft operations observe and apply need, one method per Graph exchange family, so that apply is written
// against this interface (and tested with an in-memory fake) while the implementation sits on the GraphClient
// (src/microsoft/graph/http.ts, users.ts; teams.ts and members.ts to come). Methods that write return per-person
// results rather than throwing for one person's failure; a thrown error (a GraphError with its code) fails the
// whole operation, and apply records it against the offering and goes on with the others.
import type { LookupAnswers } from '../people/link-types.js';
import type { TeamRole, TeamTemplate } from '../plan/plan-types.js';
import type { ObservedMember } from './observed.js';

export interface FoundGroup {
  groupId: string;
  mailNickname: string;
  displayName: string;
  /** `resourceProvisioningOptions` contains `Team`. */
  hasTeam: boolean;
}

export interface TeamInfo {
  teamId: string;
  displayName: string;
  description: string | null;
  archived: boolean;
  /** The team's `webUrl` (CSDL `team.webUrl`: opens it in Microsoft Teams); null when Graph gave none. */
  webUrl: string | null;
}

/** One round of `groups/delta` over at most 50 teams (GRAPH-FACTS §9). Owners are not in group delta. */
export interface MemberDeltaRound {
  /** Teams whose members changed, with the users added and removed. */
  changes: Map<string, { added: string[]; removed: string[] }>;
  /** Groups reported deleted. */
  deleted: string[];
  /** Store it for the next round. */
  deltaLink: string;
  /** The stored link had expired (`resyncRequired` / `syncStateNotFound`): list those teams' members in full. */
  resyncRequired: boolean;
}

export interface MemberResult {
  userId: string;
  /** Null when done, or already so (already a member / already gone count as done: the plan's goal holds). */
  error: { code: string; message: string } | null;
}

export interface NewGroup {
  displayName: string;
  description: string;
  mailNickname: string;
  visibility: 'private';
}

export interface TeamsGateway {
  // Observe
  /** users.ts `findUsersByMailOrUpn`; addresses of batches that failed come back in `failed`. */
  findUsers(values: readonly string[]): Promise<LookupAnswers>;
  /** `GET /groups?$filter=mailNickname in (…)`, 15 per request, in `$batch`. */
  findGroupsByMailNickname(nicknames: readonly string[]): Promise<Map<string, FoundGroup>>;
  /** Null: 404, the team is gone. */
  getTeam(teamId: string): Promise<TeamInfo | null>;
  listMembers(teamId: string): Promise<ObservedMember[]>;
  /** `deltaLink` null starts a full round for these teams. */
  readMemberDelta(teamIds: readonly string[], deltaLink: string | null): Promise<MemberDeltaRound>;

  // Apply
  /** `POST /groups` (Unified, mail-enabled, the caller becomes owner); the deterministic mailNickname makes a retried
   * or repeated create fail with a conflict instead of making a duplicate. */
  createGroup(group: NewGroup): Promise<{ groupId: string }>;
  /** `PUT /groups/{id}/team` (standard), or `POST /teams` with `group@odata.bind` and polling (educationClass);
   * retries the replication-delay 404 (3 × 10 s, GRAPH-FACTS §3). With the team's `webUrl` (null: Graph gave none). */
  createTeamFromGroup(groupId: string, template: TeamTemplate): Promise<{ teamId: string; webUrl: string | null }>;
  /** `PATCH /teams/{id}`. */
  updateTeam(teamId: string, names: { displayName: string; description: string }): Promise<void>;
  /** `POST /teams/{id}/archive` (202; not polled: the next run observes `isArchived`). */
  archiveTeam(teamId: string): Promise<void>;
  unarchiveTeam(teamId: string): Promise<void>;
  /** `POST /teams/{id}/members/add`, at most 200; 207 answers per person. */
  addMembers(teamId: string, members: ReadonlyArray<{ userId: string; role: TeamRole }>): Promise<MemberResult[]>;
  /** `POST /teams/{id}/members/remove`, at most 20; 207 answers per person. */
  removeMembers(teamId: string, userIds: readonly string[]): Promise<MemberResult[]>;
  /** `PATCH /teams/{id}/members/{membershipId}` with the role. */
  setMemberRole(teamId: string, membershipId: string, role: TeamRole): Promise<void>;
  /** `GET /teams/{id}/members?$filter=…userId eq '…'`: the membership id a delta-only member lacks. */
  findMembershipId(teamId: string, userId: string): Promise<string | null>;
}
