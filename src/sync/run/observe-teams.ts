// Observe: what Microsoft holds for each offering of the run, from the store's snapshot and as few Graph reads as the
// facts allow — delta rounds for teams with a fresh snapshot (observe-delta.ts), a full listing for teams without
// one or due for their periodic re-list (observe-listing.ts, relist-due.ts), a look-up by mailNickname for offerings
// with no team id yet (observe-lookup.ts). Reads only: the books it returns say what to write, and only a real run
// writes them (record-observation.ts).
import type { Offering, Roster } from '../../elentra/roster/roster-types.js';
import type { ObservedOffering, TeamObservation } from '../io/observed.js';
import type { HeldRemoval, StoredTeam, SyncStore } from '../io/sync-store.js';
import type { TeamsGateway } from '../io/teams-gateway.js';
import { mailNickname } from '../naming/mail-nickname.js';
import { inScope } from '../plan/plan-gone-team.js';
import { type DeltaTeam, observeByDelta } from './observe-delta.js';
import { type ListingRequest, observeByListing } from './observe-listing.js';
import { type LookupRequest, observeByLookup } from './observe-lookup.js';
import { relistDue } from './relist-due.js';
import { newBook, type TeamBook } from './team-book.js';

export interface Observation {
  observed: Map<string, ObservedOffering>;
  /** Every offering observed, and every team that shares a delta link with one. */
  books: Map<string, TeamBook>;
}

export interface ObserveInput {
  store: SyncStore;
  gateway: TeamsGateway;
  roster: Roster;
  siteId: string;
  concurrency: number;
  /** The run's clock, and how often each team is listed in full whatever delta says (relist-due.ts). */
  nowMs: number;
  relistEveryDays: number;
}

/** The planner's own choice of nickname (plan-desired-offering.ts): the stored one wins over a computed one. */
function nicknameOf(offering: Offering | undefined, stored: StoredTeam | null, siteId: string): string | null {
  if (stored) return stored.mailNickname;
  if (!offering) return null;
  const identity = { siteId, organisationId: offering.organisationId, courseId: offering.courseId };
  return mailNickname({ ...identity, periodId: offering.period.id }, offering.courseCode);
}

function byOffering(held: readonly HeldRemoval[]): Map<string, HeldRemoval[]> {
  const map = new Map<string, HeldRemoval[]>();
  for (const row of held) map.set(row.offeringKey, [...(map.get(row.offeringKey) ?? []), row]);
  return map;
}

export async function observeTeams(input: ObserveInput): Promise<Observation> {
  const { store, gateway, roster, siteId, concurrency } = input;
  const offerings = new Map(roster.offerings.map((offering) => [offering.key, offering]));
  const allStored = await store.readTeams();
  const storedByKey = new Map(allStored.map((team) => [team.offeringKey, team]));
  const courseIds = roster.rule.courseIds === null ? null : new Set(roster.rule.courseIds);
  const scope = { courseIds: roster.rule.courseIds, organisationId: roster.rule.organisationId };
  const keys = new Set(offerings.keys());
  for (const team of allStored) if (inScope(team, scope, courseIds)) keys.add(team.offeringKey);

  const extras = await store.readTeamExtras(allStored.map((team) => team.offeringKey));
  const held = byOffering(await store.readHeldRemovals());
  const books = new Map<string, TeamBook>();
  const bookOf = (key: string) => {
    let book = books.get(key);
    if (!book) {
      book = newBook(key, storedByKey.get(key) ?? null, extras.get(key));
      books.set(key, book);
    }
    return book;
  };

  const observations = new Map<string, TeamObservation>();
  const deltaKeys = new Set<string>();
  const listings: ListingRequest[] = [];
  const lookups: LookupRequest[] = [];
  for (const key of keys) {
    const book = bookOf(key);
    const stored = book.stored;
    if (stored?.teamId && stored.status === 'deleted')
      observations.set(key, { state: 'deleted', teamId: stored.teamId });
    else if (
      stored?.teamId &&
      book.extras.deltaLink &&
      book.extras.lastError === null &&
      !relistDue(key, book.extras, input.nowMs, input.relistEveryDays)
    )
      deltaKeys.add(key);
    else if (stored?.teamId) listings.push({ book, teamId: stored.teamId, mailNickname: stored.mailNickname });
    else {
      const nickname = nicknameOf(offerings.get(key), stored, siteId);
      if (nickname !== null) lookups.push({ book, mailNickname: nickname });
    }
  }

  // Teams outside the run's scope that share a delta link with one inside it: the round reports their changes too,
  // and dropping those would lose them, so their snapshots are brought up to date as well.
  const links = new Set([...deltaKeys].map((key) => bookOf(key).extras.deltaLink));
  const sharing = allStored.filter(
    (team) => team.teamId && !keys.has(team.offeringKey) && links.has(extras.get(team.offeringKey)?.deltaLink ?? null),
  );
  const deltaBooks = [...[...deltaKeys].map(bookOf), ...sharing.map((team) => bookOf(team.offeringKey))];
  const snapshots = await store.readMembers(deltaBooks.map((book) => book.offeringKey));
  const deltaTeams: DeltaTeam[] = [];
  for (const book of deltaBooks) {
    const snapshot = snapshots.get(book.offeringKey);
    const stored = book.stored;
    if (!stored?.teamId) continue;
    if (snapshot === undefined || snapshot.length === 0) {
      // No snapshot rows (a team always has an owner): list it in full instead.
      if (keys.has(book.offeringKey)) listings.push({ book, teamId: stored.teamId, mailNickname: stored.mailNickname });
      continue;
    }
    deltaTeams.push({ book, stored, teamId: stored.teamId, snapshot, inScope: keys.has(book.offeringKey) });
  }
  const delta = await observeByDelta(gateway, deltaTeams, held);
  for (const key of delta.resync) {
    const book = bookOf(key);
    if (book.stored?.teamId)
      listings.push({ book, teamId: book.stored.teamId, mailNickname: book.stored.mailNickname });
  }
  for (const [key, observation] of await observeByListing(gateway, listings, concurrency))
    observations.set(key, observation);
  for (const [key, observation] of await observeByLookup(gateway, lookups, concurrency))
    observations.set(key, observation);

  // Every team listed this run (snapshot replaced) starts its re-list period again.
  for (const book of books.values()) if (book.snapshot?.kind === 'replace') book.extras.lastListedAtMs = input.nowMs;

  const observed = new Map<string, ObservedOffering>();
  for (const entry of delta.observed) observed.set(entry.offeringKey, entry);
  for (const [key, team] of observations) {
    observed.set(key, { offeringKey: key, stored: bookOf(key).stored, team, heldRemovals: held.get(key) ?? [] });
  }
  return { observed, books };
}
