// One offering's people as Microsoft users: the owners and members to have (matched people only), the people who
// could not be matched (listed per offering with the reason — never silently dropped, which is what Canvas's users
// complained of), and the users to protect.
//
// Why protect: a person Elentra still lists in the offering but who is unmatched or ambiguous this run keeps the
// Microsoft user they were last matched to. The cause is usually transient or clerical — a lookup that failed, an
// address being edited in Elentra, a second account appearing in Entra — and removing the user would kick a student
// out of their course team (losing their place in chats and assignments) over a data hiccup. Unmatched people
// therefore never cause removals: the user stays, untouched (no role change either), until the link is settled.
import type { Offering, Person } from '../../elentra/roster/roster-types.js';
import type { PeopleResolution } from './resolve-links.js';

export interface UnmatchedPerson {
  proxyId: number;
  name: string;
  role: 'owner' | 'member';
  status: 'unmatched' | 'ambiguous';
  reason: string;
}

export interface OfferingPeople {
  /** Microsoft user ids, in roster order, each once. */
  owners: string[];
  /** Microsoft user ids, in roster order, each once, never an owner. */
  members: string[];
  /** Users of listed-but-unmatched people: never removed, never re-roled. */
  protectedUserIds: ReadonlySet<string>;
  unmatched: UnmatchedPerson[];
}

function nameOf(person: Person | undefined, proxyId: number): string {
  const name = person ? `${person.firstname} ${person.lastname}`.trim() : '';
  return name === '' ? `Elentra person ${proxyId}` : name;
}

export function offeringPeople(
  offering: Pick<Offering, 'owners' | 'members'>,
  resolution: PeopleResolution,
  people: ReadonlyMap<number, Person>,
): OfferingPeople {
  const owners = new Set<string>();
  const members = new Set<string>();
  const protectedUserIds = new Set<string>();
  const unmatched: UnmatchedPerson[] = [];
  const place = (proxyId: number, role: 'owner' | 'member') => {
    const userId = resolution.userIdByProxyId.get(proxyId);
    if (userId !== undefined) {
      (role === 'owner' ? owners : members).add(userId);
      return;
    }
    const problem = resolution.problems.get(proxyId);
    if (problem?.lastKnownUserId) protectedUserIds.add(problem.lastKnownUserId);
    unmatched.push({
      proxyId,
      name: nameOf(people.get(proxyId), proxyId),
      role,
      status: problem?.status ?? 'unmatched',
      reason: problem?.reason ?? 'Not looked up in Microsoft yet.',
    });
  };
  for (const owner of offering.owners) place(owner.proxyId, 'owner');
  for (const proxyId of offering.members) place(proxyId, 'member');
  for (const userId of owners) {
    members.delete(userId);
    protectedUserIds.delete(userId);
  }
  for (const userId of members) protectedUserIds.delete(userId);
  return { owners: [...owners], members: [...members], protectedUserIds, unmatched };
}
