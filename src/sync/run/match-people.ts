// Match the roster's people to Microsoft users: cached links while the re-check policy says they are fresh, look-ups
// (15 addresses per `in`, both mail and UPN) only for the people it says are due, in rounds — each due person's
// email first, then email_alt, then the username rule for those not found yet — and the pure resolution
// (people/resolve-links.ts). A failed look-up concludes nothing: the person keeps the cached link or is reported
// "could not be looked up this run". The links to save are returned; only a real run saves them.
import type { Offering, Person } from '../../elentra/roster/roster-types.js';
import type { SyncStore } from '../io/sync-store.js';
import type { TeamsGateway } from '../io/teams-gateway.js';
import { candidateKeys, type MatchingOptions } from '../people/candidate-keys.js';
import { type LookupAnswers, lookupAnswers, mergeAnswers, NO_ANSWERS } from '../people/link-types.js';
import { peopleDue, type RecheckPolicy } from '../people/recheck-policy.js';
import { type PeopleResolution, resolveLinks } from '../people/resolve-links.js';
import { nextLookupValues } from '../people/resolve-person.js';
import { stopsTheRun } from './run-errors.js';

/** email, email_alt, username: at most one round per rule. */
const MAX_LOOKUP_ROUNDS = 3;

export interface MatchPeopleInput {
  store: SyncStore;
  gateway: TeamsGateway;
  offerings: readonly Offering[];
  people: ReadonlyMap<number, Person>;
  matching: MatchingOptions;
  recheck: RecheckPolicy;
  nowMs: number;
}

/** Everyone who belongs in a team: the owners and members of the run's offerings. */
function teamPeople(offerings: readonly Offering[], people: ReadonlyMap<number, Person>): Person[] {
  const ids = new Set<number>();
  for (const offering of offerings) {
    for (const owner of offering.owners) ids.add(owner.proxyId);
    for (const member of offering.members) ids.add(member);
  }
  return [...ids].flatMap((id) => {
    const person = people.get(id);
    return person ? [person] : [];
  });
}

export async function matchPeople(input: MatchPeopleInput): Promise<PeopleResolution> {
  const { gateway, matching, nowMs } = input;
  const people = teamPeople(input.offerings, input.people);
  const links = await input.store.readLinks(people.map((person) => person.proxyId));
  const due = peopleDue(people, links, nowMs, { matching, policy: input.recheck });
  const dueKeys = people.filter((person) => due.has(person.proxyId)).map((person) => candidateKeys(person, matching));
  let answers: LookupAnswers = NO_ANSWERS;
  for (let round = 0; round < MAX_LOOKUP_ROUNDS; round += 1) {
    const values = nextLookupValues(dueKeys, answers);
    if (values.length === 0) break;
    answers = mergeAnswers(answers, await lookUp(gateway, values));
  }
  return resolveLinks({ people, links, due, answers, nowMs, matching });
}

async function lookUp(gateway: TeamsGateway, values: string[]): Promise<LookupAnswers> {
  try {
    return await gateway.findUsers(values);
  } catch (error) {
    if (stopsTheRun(error)) throw error;
    return lookupAnswers([], values);
  }
}
