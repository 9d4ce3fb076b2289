// Teams observed in full: `GET /teams/{id}` and its member list. For teams the store knows without a fresh snapshot
// (first run, no delta link yet, the link expired, or the last run left an error on the offering — its snapshot may
// not say what a failed or lost request did), and for teams adopted by their mailNickname. The listing replaces the
// snapshot, and the team's delta link starts again after the run (record-observation.ts).
import type { TeamObservation } from '../io/observed.js';
import type { TeamsGateway } from '../io/teams-gateway.js';
import { forEachPooled } from './pool.js';
import { errorInWords, settle } from './run-errors.js';
import { toStored } from './snapshot-members.js';
import type { TeamBook } from './team-book.js';

export interface ListingRequest {
  book: TeamBook;
  teamId: string;
  mailNickname: string | null;
}

/** Reads each team and its members (a few at a time); the book takes the listing as its new snapshot. */
export async function observeByListing(
  gateway: TeamsGateway,
  requests: readonly ListingRequest[],
  concurrency: number,
): Promise<Map<string, TeamObservation>> {
  const observations = new Map<string, TeamObservation>();
  await forEachPooled(requests, concurrency, async ({ book, teamId, mailNickname }) => {
    const result = await settle(async () => {
      const info = await gateway.getTeam(teamId);
      return info === null ? null : { info, members: await gateway.listMembers(teamId) };
    });
    const key = book.offeringKey;
    if (!result.ok) {
      observations.set(key, { state: 'unknown', reason: errorInWords(result.error) });
      return;
    }
    if (result.value === null) {
      observations.set(key, { state: 'deleted', teamId });
      return;
    }
    const { info, members } = result.value;
    book.snapshot = { kind: 'replace', members: members.map(toStored) };
    book.extras.deltaLink = null;
    // Kept when Graph gives none this time: the link of a team does not change.
    book.extras.webUrl = info.webUrl ?? book.extras.webUrl;
    // The names Microsoft holds, as the snapshot's: a rename whose answer was lost did happen, and the runs after,
    // observed through delta from this row, must not send it again.
    if (book.stored) book.stored = { ...book.stored, displayName: info.displayName, description: info.description };
    book.dirty = true;
    observations.set(key, {
      state: 'present',
      team: { ...info, mailNickname, members, source: 'graph' },
    });
  });
  return observations;
}
