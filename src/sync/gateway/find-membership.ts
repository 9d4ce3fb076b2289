// TeamsGateway.findMembershipId: the conversationMember id of one user in one team, for a role change of a member
// known only from `groups/delta` (which gives user ids). `$filter` on the user id with the aadUserConversationMember
// cast (conversationmember-list.md); the id stays opaque (GRAPH-FACTS §4). Null: not a member.
import { z } from 'zod';
import { outcomeOfError } from '../../microsoft/graph/expected-answers.js';
import { GraphError } from '../../microsoft/graph/graph-error.js';
import type { GraphClient } from '../../microsoft/graph/http.js';
import { LIST_MEMBERS_ANSWERS } from '../../microsoft/graph/members.js';
import { odataString } from '../../microsoft/graph/odata.js';

const member = z.object({ id: z.string(), userId: z.string().nullable().optional() });

export async function findMembershipId(client: GraphClient, teamId: string, userId: string): Promise<string | null> {
  try {
    const { items } = await client.getAll({
      path: `/teams/${teamId}/members`,
      query: {
        $filter: `(microsoft.graph.aadUserConversationMember/userId eq ${odataString(userId)})`,
        $select: 'id,userId',
      },
      route: '/teams/{id}/members',
      limiterKey: `team:${teamId}`,
    });
    const found = z
      .array(member)
      .parse(items)
      .find((m) => m.userId?.toLowerCase() === userId.toLowerCase());
    return found?.id ?? null;
  } catch (error) {
    // A missing team becomes TeamNotFoundError, as for a full listing.
    if (error instanceof GraphError) outcomeOfError(LIST_MEMBERS_ANSWERS, error);
    throw error;
  }
}
