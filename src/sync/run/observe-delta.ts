// Teams with a fresh snapshot are observed through `groups/delta` (GRAPH-FACTS §9): one request per stored delta
// link, and a link covers up to 50 teams, so a run where nothing changed in Teams reads ⌈teams / 50⌉ times instead of
// listing every team. The links are read side by side, not one round trip after another. Teams share a link when
// their round was started together (record-observation.ts starts rounds 50 teams at a time); each round's changes are
// folded into the snapshot and the new link kept for the next run.
// A link Microsoft no longer serves (resyncRequired) sends its teams to a full listing (observe-listing.ts).
import type { ObservedOffering } from '../io/observed.js';
import type { HeldRemoval, StoredMember, StoredTeam } from '../io/sync-store.js';
import type { TeamsGateway } from '../io/teams-gateway.js';
import { errorInWords, settle } from './run-errors.js';
import { foldDelta, toObserved } from './snapshot-members.js';
import type { TeamBook } from './team-book.js';

export interface DeltaTeam {
  book: TeamBook;
  stored: StoredTeam;
  teamId: string;
  snapshot: readonly StoredMember[];
  /** In this run's scope (planned); others only share the link and have their snapshot brought up to date. */
  inScope: boolean;
}

export interface DeltaOutcome {
  observed: ObservedOffering[];
  /** Offering keys whose link expired: list them in full. */
  resync: string[];
}

export async function observeByDelta(
  gateway: TeamsGateway,
  teams: readonly DeltaTeam[],
  held: ReadonlyMap<string, HeldRemoval[]>,
): Promise<DeltaOutcome> {
  const byLink = new Map<string, DeltaTeam[]>();
  for (const team of teams) {
    const link = team.book.extras.deltaLink ?? '';
    byLink.set(link, [...(byLink.get(link) ?? []), team]);
  }
  const outcome: DeltaOutcome = { observed: [], resync: [] };
  // The rounds side by side (the gateway's limiter paces them), folded one after the other in link order.
  const rounds = await Promise.all(
    [...byLink].map(async ([link, group]) => {
      const ids = group.map((team) => team.teamId);
      return { link, group, round: await settle(() => gateway.readMemberDelta(ids, link)) };
    }),
  );
  for (const { link, group, round } of rounds) {
    for (const team of group) {
      const { book, stored, teamId } = team;
      const key = book.offeringKey;
      const base = { offeringKey: key, stored, heldRemovals: held.get(key) ?? [] };
      if (!round.ok) {
        if (team.inScope)
          outcome.observed.push({ ...base, team: { state: 'unknown', reason: errorInWords(round.error) } });
        continue;
      }
      if (round.value.resyncRequired) {
        if (team.inScope) outcome.resync.push(key);
        continue;
      }
      if (round.value.deleted.includes(teamId)) {
        if (team.inScope) outcome.observed.push({ ...base, team: { state: 'deleted', teamId } });
        continue;
      }
      const folded = foldDelta(team.snapshot, round.value.changes.get(teamId) ?? { added: [], removed: [] });
      const changed = folded.write.upsert.length + folded.write.remove.length > 0;
      if (changed) book.snapshot = { kind: 'change', ...folded.write };
      book.dirty = changed || round.value.deltaLink !== link;
      book.extras.deltaLink = round.value.deltaLink;
      if (!team.inScope) continue;
      outcome.observed.push({
        ...base,
        team: {
          state: 'present',
          team: {
            teamId,
            mailNickname: stored.mailNickname,
            displayName: stored.displayName,
            description: stored.description,
            archived: stored.archivedBySync,
            members: folded.members.map(toObserved),
            source: 'snapshot',
          },
        },
      });
    }
  }
  return outcome;
}
