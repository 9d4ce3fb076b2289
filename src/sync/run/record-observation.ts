// Writes what observation learned about a team (team-book.ts): the snapshot first, then the row with its new delta
// link, so a run killed between the two replays the round from the old link (folding a change twice changes
// nothing). After apply, teams without a link start a `groups/delta` round, 50 teams a request, so that the next run
// observes them with one read per 50 instead of listing each.

import { MAX_GROUPS_PER_DELTA_QUERY } from '../../microsoft/graph/groups-delta.js';
import type { StoredTeam, SyncStore, TeamRecordExtras } from '../io/sync-store.js';
import type { TeamsGateway } from '../io/teams-gateway.js';
import { settle } from './run-errors.js';
import type { TeamBook } from './team-book.js';

export async function writeBook(store: SyncStore, book: TeamBook): Promise<void> {
  const snapshot = book.snapshot;
  if (snapshot?.kind === 'replace') await store.replaceMembers(book.offeringKey, snapshot.members);
  else if (snapshot) await store.updateMembers(book.offeringKey, { upsert: snapshot.upsert, remove: snapshot.remove });
  if (book.stored && book.dirty) await store.saveTeam(book.stored, book.extras);
  book.snapshot = null;
  book.dirty = false;
}

export interface SavedTeam {
  row: StoredTeam;
  extras: TeamRecordExtras;
}

/** Starts delta rounds for teams that have none; a failed round leaves them to be listed again next run. */
export async function startDeltaRounds(
  store: SyncStore,
  gateway: TeamsGateway,
  teams: readonly SavedTeam[],
): Promise<number> {
  const waiting = teams.filter(
    (team) =>
      team.row.teamId !== null &&
      team.extras.deltaLink === null &&
      team.row.status !== 'deleted' &&
      team.row.status !== 'creating',
  );
  const chunks: SavedTeam[][] = [];
  for (let from = 0; from < waiting.length; from += MAX_GROUPS_PER_DELTA_QUERY) {
    chunks.push(waiting.slice(from, from + MAX_GROUPS_PER_DELTA_QUERY));
  }
  // The rounds side by side (the gateway's limiter paces them); their links saved one chunk after the other.
  const rounds = await Promise.all(
    chunks.map((chunk) =>
      settle(() =>
        gateway.readMemberDelta(
          chunk.map((team) => team.row.teamId ?? ''),
          null,
        ),
      ),
    ),
  );
  let started = 0;
  for (const [index, chunk] of chunks.entries()) {
    const round = rounds[index];
    if (!round?.ok || round.value.resyncRequired) continue;
    for (const team of chunk) {
      await store.saveTeam(team.row, { ...team.extras, deltaLink: round.value.deltaLink });
      started += 1;
    }
  }
  return started;
}
