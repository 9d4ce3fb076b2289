// Bulk membership changes (GRAPH-FACTS §4): `POST /teams/{id}/members/add` with at most 200 people (200 all added,
// 207 per-person results) and `POST /teams/{id}/members/remove` with at most 20 (204 all removed, 207 per-person
// results). Both are safe to repeat (adding a member or removing a non-member changes nothing), so they are retried
// after a lost answer. Each person gets a result (./member-results.ts says what a result part's error means:
// already a member / not a member → done; unknown user, owner limit, last owner → reported, not thrown).
import { expectedAnswers, type RequestOutcome, refusal } from './expected-answers.js';
import { type GraphCall, perform } from './graph-call.js';
import type { GraphClient } from './http.js';
import {
  ADD_MEMBER_PART_ANSWERS,
  type MemberAddStatus,
  type MemberRemoveStatus,
  type MemberResult,
  perPerson,
  REMOVE_MEMBER_PART_ANSWERS,
} from './member-results.js';
import { TeamNotFoundError } from './resource-errors.js';

/** conversationmembers-add.md: at most 200 members per request. */
export const MAX_MEMBERS_PER_ADD_REQUEST = 200;
/** conversationmember-remove.md: "A maximum of 20 conversationMember derivatives can be removed" per request. */
export const MAX_MEMBERS_PER_REMOVE_REQUEST = 20;

export const BULK_MEMBERS_ANSWERS = expectedAnswers<RequestOutcome>([
  {
    status: 404,
    code: 'ItemNotFound',
    result: TeamNotFoundError,
    source: 'pnp/cli-microsoft365 fixtures of real answers: "No team found with Group Id"',
    example: 'teamNotFound',
  },
]);

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function memberValue(client: GraphClient, userId: string, roles?: string[]) {
  return {
    '@odata.type': 'microsoft.graph.aadUserConversationMember',
    ...(roles ? { roles } : {}),
    'user@odata.bind': `${client.baseUrl}/users('${userId}')`,
  };
}

export interface MemberToAdd {
  userId: string;
  owner: boolean;
}

/** One members/add call per 200 people; ids `${idPrefix}-0`, `-1`, … for `$batch`. */
export function addMembersCalls(
  client: GraphClient,
  teamId: string,
  members: readonly MemberToAdd[],
  idPrefix = 'add',
): Array<GraphCall<Array<MemberResult<MemberAddStatus>>>> {
  const distinct = [...new Map(members.map((m) => [m.userId.toLowerCase(), m])).values()];
  const route = '/teams/{id}/members/add';
  return chunks(distinct, MAX_MEMBERS_PER_ADD_REQUEST).map((chunk, i) => ({
    request: {
      id: `${idPrefix}-${i}`,
      method: 'POST',
      url: `/teams/${teamId}/members/add`,
      body: { values: chunk.map((m) => memberValue(client, m.userId, m.owner ? ['owner'] : [])) },
    },
    route,
    limiterKey: `team:${teamId}`,
    repeatable: true,
    read: (answer) => {
      if (answer.status >= 400) throw refusal(BULK_MEMBERS_ANSWERS, answer, 'POST', route);
      const ids = chunk.map((m) => m.userId);
      return perPerson(ids, answer, 'added', ADD_MEMBER_PART_ANSWERS, 'failed');
    },
  }));
}

/** One members/remove call per 20 people. */
export function removeMembersCalls(
  client: GraphClient,
  teamId: string,
  userIds: readonly string[],
  idPrefix = 'remove',
): Array<GraphCall<Array<MemberResult<MemberRemoveStatus>>>> {
  const distinct = [...new Map(userIds.map((id) => [id.toLowerCase(), id])).values()];
  const route = '/teams/{id}/members/remove';
  return chunks(distinct, MAX_MEMBERS_PER_REMOVE_REQUEST).map((chunk, i) => ({
    request: {
      id: `${idPrefix}-${i}`,
      method: 'POST',
      url: `/teams/${teamId}/members/remove`,
      body: { values: chunk.map((userId) => memberValue(client, userId)) },
    },
    route,
    limiterKey: `team:${teamId}`,
    repeatable: true,
    read: (answer) => {
      if (answer.status >= 400) throw refusal(BULK_MEMBERS_ANSWERS, answer, 'POST', route);
      return perPerson(chunk, answer, 'removed', REMOVE_MEMBER_PART_ANSWERS, 'failed');
    },
  }));
}

/** Adds (or promotes) people, 200 per request; one result per distinct person. TeamNotFoundError: team gone. */
export async function addMembers(
  client: GraphClient,
  teamId: string,
  members: readonly MemberToAdd[],
): Promise<Array<MemberResult<MemberAddStatus>>> {
  const results: Array<MemberResult<MemberAddStatus>> = [];
  for (const call of addMembersCalls(client, teamId, members)) results.push(...(await perform(client, call)));
  return results;
}

/** Removes people, 20 per request; someone who is not a member counts as removed (`not-a-member`, ok). */
export async function removeMembers(
  client: GraphClient,
  teamId: string,
  userIds: readonly string[],
): Promise<Array<MemberResult<MemberRemoveStatus>>> {
  const results: Array<MemberResult<MemberRemoveStatus>> = [];
  for (const call of removeMembersCalls(client, teamId, userIds)) results.push(...(await perform(client, call)));
  return results;
}
