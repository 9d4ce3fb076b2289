// TeamsGateway.readMemberDelta over groups-delta.ts: one round for ≤ 50 teams, shaped for observe. When the stored
// link expired (resyncRequired / syncStateNotFound), a new link is fetched at once with `$deltatoken=latest` (no data,
// one cheap request), so the caller lists those teams in full and keeps a link that starts from now.
import { AppError } from '../../lib/errors.js';
import { groupsDelta } from '../../microsoft/graph/groups-delta.js';
import type { GraphClient } from '../../microsoft/graph/http.js';
import type { MemberDeltaRound } from '../io/teams-gateway.js';

export async function readMemberDelta(
  client: GraphClient,
  teamIds: readonly string[],
  deltaLink: string | null,
): Promise<MemberDeltaRound> {
  const round = await groupsDelta(client, teamIds, deltaLink ?? undefined);
  if (round.resync) {
    const fresh = await groupsDelta(client, teamIds, undefined, { latest: true });
    if (fresh.resync) {
      throw new AppError(`Microsoft Graph refused to start a new group delta round (${fresh.graphCode}).`, {
        code: 'graph.delta_refused',
        docs: 'graph-errors',
      });
    }
    return { changes: new Map(), deleted: [], deltaLink: fresh.deltaLink, resyncRequired: true };
  }
  const changes = new Map<string, { added: string[]; removed: string[] }>();
  const deleted: string[] = [];
  for (const change of round.changes) {
    if (change.groupRemoved) deleted.push(change.groupId);
    else if (change.addedUserIds.length > 0 || change.removedUserIds.length > 0) {
      changes.set(change.groupId, { added: change.addedUserIds, removed: change.removedUserIds });
    }
  }
  return { changes, deleted, deltaLink: round.deltaLink, resyncRequired: false };
}
