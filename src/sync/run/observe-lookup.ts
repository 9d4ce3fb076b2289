// Look up before create (ARCHITECTURE rule 1): an offering the store holds no team id for is searched by its
// deterministic mailNickname. A group with a team is adopted (a run that died, or lost the answer to its create,
// made it); a group without a team gets its team made on it rather than a second group; nothing found means create.
import type { TeamObservation } from '../io/observed.js';
import type { TeamsGateway } from '../io/teams-gateway.js';
import { type ListingRequest, observeByListing } from './observe-listing.js';
import { errorInWords, settle } from './run-errors.js';
import type { TeamBook } from './team-book.js';

export interface LookupRequest {
  book: TeamBook;
  mailNickname: string;
}

export async function observeByLookup(
  gateway: TeamsGateway,
  requests: readonly LookupRequest[],
  concurrency: number,
): Promise<Map<string, TeamObservation>> {
  const observations = new Map<string, TeamObservation>();
  if (requests.length === 0) return observations;
  const found = await settle(() => gateway.findGroupsByMailNickname(requests.map((request) => request.mailNickname)));
  if (!found.ok) {
    const reason = errorInWords(found.error);
    for (const { book } of requests) observations.set(book.offeringKey, { state: 'unknown', reason });
    return observations;
  }
  const adopt: ListingRequest[] = [];
  for (const { book, mailNickname } of requests) {
    const group = found.value.get(mailNickname) ?? found.value.get(mailNickname.toLowerCase());
    if (group === undefined) observations.set(book.offeringKey, { state: 'absent' });
    else if (!group.hasTeam) observations.set(book.offeringKey, { state: 'groupOnly', groupId: group.groupId });
    else adopt.push({ book, teamId: group.groupId, mailNickname: group.mailNickname });
  }
  for (const [key, observation] of await observeByListing(gateway, adopt, concurrency)) {
    // A group found by its nickname whose team answers 404 is a team still being made: make it (again) on the group.
    observations.set(
      key,
      observation.state === 'deleted' ? { state: 'groupOnly', groupId: observation.teamId } : observation,
    );
  }
  return observations;
}
