// Membership changes made in Teams (or anywhere in Microsoft 365) since the last round, with `GET /groups/delta`
// (GRAPH-FACTS §9, delta-query-groups.md): `$select=members`, `$filter=id eq 'a' or id eq 'b'` with at most 50 ids,
// pages followed whole, and an `@odata.deltaLink` to keep for the next round. A first round (no link) returns every
// current member as added; `latest` starts from now with no data. A round with nothing changed is `value: []`.
// An expired or unknown token answers resyncRequired / syncStateNotFound: the caller reads the teams in full again.
// Owners are not in group delta: read them with listTeamMembers.
import { z } from 'zod';
import { AppError } from '../../lib/errors.js';
import { expectedAnswers, matchAnswer } from './expected-answers.js';
import { GraphError } from './graph-error.js';
import type { GraphClient } from './http.js';
import { odataString } from './odata.js';

/** group-delta.md: `$filter` on id takes at most 50 values. */
export const MAX_GROUPS_PER_DELTA_QUERY = 50;

export interface GroupMembershipChange {
  groupId: string;
  addedUserIds: string[];
  removedUserIds: string[];
  /** The group itself was deleted (or left the filter). */
  groupRemoved: boolean;
}

export type GroupsDeltaRound =
  | { resync: false; changes: GroupMembershipChange[]; deltaLink: string }
  | { resync: true; graphCode: string };

/** Expired or unknown delta tokens: start a full round (delta-query-overview.md; devblogs 2020-07-03). */
export const GROUPS_DELTA_ANSWERS = expectedAnswers<'resync'>([
  {
    status: 410,
    code: 'resyncRequired',
    result: 'resync',
    source: 'delta-query-overview.md: the token can no longer be served',
    example: 'resyncRequired',
  },
  {
    status: 400,
    code: 'syncStateNotFound',
    result: 'resync',
    source: 'devblogs: duration of change tracking tokens for identity resources (7 days)',
    example: 'syncStateNotFound',
  },
]);

const memberRef = z.object({
  '@odata.type': z.string().optional(),
  id: z.string(),
  '@removed': z.unknown().optional(),
});
const deltaItem = z.object({
  id: z.string(),
  'members@delta': z.array(memberRef).optional(),
  '@removed': z.unknown().optional(),
});

function mergeItems(items: unknown[]): GroupMembershipChange[] {
  const byGroup = new Map<string, GroupMembershipChange>();
  for (const item of z.array(deltaItem).parse(items)) {
    const change = byGroup.get(item.id) ?? {
      groupId: item.id,
      addedUserIds: [],
      removedUserIds: [],
      groupRemoved: false,
    };
    if (item['@removed'] !== undefined) change.groupRemoved = true;
    for (const member of item['members@delta'] ?? []) {
      if (member['@odata.type'] !== undefined && member['@odata.type'] !== '#microsoft.graph.user') continue;
      (member['@removed'] === undefined ? change.addedUserIds : change.removedUserIds).push(member.id);
    }
    byGroup.set(item.id, change);
  }
  return [...byGroup.values()];
}

/**
 * One delta round for up to 50 groups. With `deltaLink` (from the previous round) the link alone says which groups;
 * without it a new round starts for `groupIds` (in full, or from now with `latest`).
 */
export async function groupsDelta(
  client: GraphClient,
  groupIds: readonly string[],
  deltaLink?: string,
  options: { latest?: boolean } = {},
): Promise<GroupsDeltaRound> {
  if (deltaLink === undefined && (groupIds.length === 0 || groupIds.length > MAX_GROUPS_PER_DELTA_QUERY)) {
    throw new AppError(`A group delta query takes 1 to ${MAX_GROUPS_PER_DELTA_QUERY} groups, not ${groupIds.length}.`, {
      code: 'graph.delta_too_many_groups',
    });
  }
  const request =
    deltaLink === undefined
      ? {
          path: '/groups/delta',
          query: {
            $select: 'members',
            $filter: groupIds.map((id) => `id eq ${odataString(id)}`).join(' or '),
            ...(options.latest ? { $deltatoken: 'latest' } : {}),
          },
        }
      : { path: deltaLink };
  try {
    const { items, deltaLink: next } = await client.getAll({ ...request, route: '/groups/delta' });
    if (next === undefined) {
      throw new AppError('Microsoft Graph ended a group delta round without a delta link.', {
        code: 'graph.unexpected_answer',
      });
    }
    return { resync: false, changes: mergeItems(items), deltaLink: next };
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    const fields = { status: error.status, code: error.graphCode, message: error.graphMessage };
    if (matchAnswer(GROUPS_DELTA_ANSWERS, fields) === 'resync') return { resync: true, graphCode: error.graphCode };
    throw error;
  }
}
