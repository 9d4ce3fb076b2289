// TeamsGateway.findGroupsByMailNickname: look-up-before-create for many offerings at once — `GET /groups?$filter=
// mailNickname in (…)` with 15 nicknames per request (the `in` limit, GRAPH-FACTS §5) and those requests packed 20 per
// `$batch`. Matching ignores case, as the directory does. A lookup that fails throws: observing those offerings
// failed, and creating them blind could duplicate a team.
import { z } from 'zod';
import { batchResultError } from '../../microsoft/graph/batch.js';
import { type GraphCall, performBatch } from '../../microsoft/graph/graph-call.js';
import { type Group, groupOf } from '../../microsoft/graph/groups.js';
import type { GraphClient } from '../../microsoft/graph/http.js';
import { odataIn, queryString } from '../../microsoft/graph/odata.js';
import { MAX_VALUES_PER_IN_FILTER } from '../../microsoft/graph/users.js';
import type { FoundGroup } from '../io/teams-gateway.js';
import { chunks } from './chunks.js';

const GROUP_SELECT = 'id,displayName,mailNickname,resourceProvisioningOptions';

function lookupCall(id: string, nicknames: readonly string[]): GraphCall<Group[]> {
  const query = queryString({ $filter: odataIn('mailNickname', nicknames), $select: GROUP_SELECT, $top: 999 });
  return {
    request: { id, method: 'GET', url: `/groups${query}` },
    route: '/groups',
    read: (answer) => {
      if (answer.status >= 400) throw batchResultError('GET', '/groups', answer);
      const page = z
        .object({ value: z.array(z.unknown()), '@odata.nextLink': z.string().optional() })
        .parse(answer.body);
      // 15 nicknames, each unique in the tenant: never more than one page at $top=999.
      return page.value.map(groupOf);
    },
  };
}

export async function findGroupsByMailNickname(
  client: GraphClient,
  nicknames: readonly string[],
): Promise<Map<string, FoundGroup>> {
  const wanted = new Map(nicknames.map((n) => [n.toLowerCase(), n]));
  const calls = chunks([...wanted.values()], MAX_VALUES_PER_IN_FILTER).map((chunk, i) =>
    lookupCall(`groups-${i}`, chunk),
  );
  const found = new Map<string, FoundGroup>();
  if (calls.length === 0) return found;
  for (const settled of await performBatch(client, calls)) {
    if (!settled.ok) throw settled.error;
    for (const group of settled.value) {
      const asked = wanted.get((group.mailNickname ?? '').toLowerCase());
      if (asked === undefined) continue;
      found.set(asked, {
        groupId: group.id,
        mailNickname: group.mailNickname ?? asked,
        displayName: group.displayName ?? '',
        hasTeam: group.hasTeam,
      });
    }
  }
  return found;
}
