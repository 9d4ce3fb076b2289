// Team members one at a time (GRAPH-FACTS §4): list them (`GET /teams/{id}/members`, `$select`, pages followed
// whole), change a role (`PATCH …/members/{membershipId}`), remove one (`DELETE …/members/{membershipId}`). The
// membership id is opaque: take it from the list, never build or parse it. Bulk add / remove: ./members-bulk.ts.
// Expected answers: a member already gone → removal done; the last owner → LastOwnerError (Teams keeps one owner);
// a missing team (`ItemNotFound`, "No team found with Group Id") is told apart from a missing member (`NotFound`).
import { z } from 'zod';
import { expectedAnswers, outcomeOf, outcomeOfError, type RequestOutcome, refusal } from './expected-answers.js';
import { type GraphCall, perform } from './graph-call.js';
import { GraphError } from './graph-error.js';
import type { GraphClient } from './http.js';
import { LastOwnerError, MemberNotFoundError, TeamNotFoundError } from './resource-errors.js';

const MEMBER_SELECT = 'id,roles,userId,displayName,email';
/** `$top` for team members: default page 100, at most 999 (GRAPH-FACTS §4). */
const MEMBERS_PAGE_SIZE = 999;
const LAST_OWNER = /last owner|at least one owner/i;

const teamNotFound = {
  status: 404,
  code: 'ItemNotFound',
  result: TeamNotFoundError,
  source: 'pnp/cli-microsoft365 fixtures of real answers: "No team found with Group Id"',
  example: 'teamNotFound',
} as const;

const lastOwner = {
  status: 400,
  code: 'BadRequest',
  message: LAST_OWNER,
  result: LastOwnerError,
  source: 'GRAPH-FACTS §4: removing or demoting the last owner fails (wording unverified: matched loosely)',
  example: 'lastTeamOwner',
} as const;

export const LIST_MEMBERS_ANSWERS = expectedAnswers<RequestOutcome>([teamNotFound]);

/** PATCH …/members/{membershipId}. */
export const SET_ROLE_ANSWERS = expectedAnswers<RequestOutcome>([
  {
    status: 404,
    code: 'NotFound',
    result: MemberNotFoundError,
    source: 'conversationmember-remove.md example 3: "Could not find resource"',
    example: 'memberNotFound',
  },
  teamNotFound,
  lastOwner,
]);

/** DELETE …/members/{membershipId}: gone already is what we wanted. */
export const REMOVE_MEMBER_ANSWERS = expectedAnswers<RequestOutcome>([
  {
    status: 404,
    code: 'NotFound',
    result: 'ignore',
    source: 'conversationmember-remove.md example 3: "Could not find resource"',
    example: 'memberNotFound',
  },
  teamNotFound,
  lastOwner,
]);

const memberSchema = z.object({
  id: z.string(),
  roles: z.array(z.string()).nullable().optional(),
  userId: z.string().nullable().optional(),
  displayName: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
});

export interface TeamMember {
  /** Opaque; for PATCH / DELETE of this membership only. */
  membershipId: string;
  userId: string | null;
  displayName: string | null;
  email: string | null;
  owner: boolean;
  guest: boolean;
}

export function teamMemberOf(raw: unknown): TeamMember {
  const m = memberSchema.parse(raw);
  const roles = (m.roles ?? []).map((role) => role.toLowerCase());
  return {
    membershipId: m.id,
    userId: m.userId ?? null,
    displayName: m.displayName ?? null,
    email: m.email ?? null,
    owner: roles.includes('owner'),
    guest: roles.includes('guest'),
  };
}

/** Every member and owner of a team. TeamNotFoundError when the team is gone. */
export async function listTeamMembers(client: GraphClient, teamId: string): Promise<TeamMember[]> {
  try {
    const { items } = await client.getAll({
      path: `/teams/${teamId}/members`,
      query: { $select: MEMBER_SELECT, $top: MEMBERS_PAGE_SIZE },
      route: '/teams/{id}/members',
      limiterKey: `team:${teamId}`,
    });
    return items.map(teamMemberOf);
  } catch (error) {
    if (error instanceof GraphError) outcomeOfError(LIST_MEMBERS_ANSWERS, error);
    throw error;
  }
}

export function setMemberRoleCall(id: string, teamId: string, membershipId: string, owner: boolean): GraphCall<void> {
  const route = '/teams/{id}/members/{id}';
  return {
    request: {
      id,
      method: 'PATCH',
      url: `/teams/${teamId}/members/${encodeURIComponent(membershipId)}`,
      body: { '@odata.type': '#microsoft.graph.aadUserConversationMember', roles: owner ? ['owner'] : [] },
    },
    route,
    limiterKey: `team:${teamId}`,
    read: (answer) => {
      if (answer.status >= 400) throw refusal(SET_ROLE_ANSWERS, answer, 'PATCH', route);
    },
  };
}

/** Promote to owner (`owner: true`) or demote to member; LastOwnerError for the last owner. */
export function setMemberRole(
  client: GraphClient,
  teamId: string,
  membershipId: string,
  owner: boolean,
): Promise<void> {
  return perform(client, setMemberRoleCall('role', teamId, membershipId, owner));
}

/** Result: `removed`, or `already-gone` when the membership no longer existed. */
export function removeMemberCall(
  id: string,
  teamId: string,
  membershipId: string,
): GraphCall<'removed' | 'already-gone'> {
  const route = '/teams/{id}/members/{id}';
  return {
    request: { id, method: 'DELETE', url: `/teams/${teamId}/members/${encodeURIComponent(membershipId)}` },
    route,
    limiterKey: `team:${teamId}`,
    read: (answer) => {
      if (answer.status < 400) return 'removed';
      outcomeOf(REMOVE_MEMBER_ANSWERS, answer, 'DELETE', route);
      return 'already-gone';
    },
  };
}

export function removeMember(
  client: GraphClient,
  teamId: string,
  membershipId: string,
): Promise<'removed' | 'already-gone'> {
  return perform(client, removeMemberCall('member', teamId, membershipId));
}
