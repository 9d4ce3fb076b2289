// One offering's people as Microsoft users: matched owners and members, the unmatched listed with their reason, and
// the users of listed-but-unmatched people protected from removal.
import { describe, expect, it } from 'vitest';
import { buildOffering, buildPerson } from '../testing/builders.js';
import { offeringPeople } from './offering-people.js';
import type { PeopleResolution, PersonProblem } from './resolve-links.js';

function resolution(matched: Record<number, string>, problems: PersonProblem[] = []): PeopleResolution {
  return {
    userIdByProxyId: new Map(Object.entries(matched).map(([id, userId]) => [Number(id), userId])),
    problems: new Map(problems.map((problem) => [problem.proxyId, problem])),
    linksToSave: [],
  };
}

describe('offeringPeople', () => {
  const offering = buildOffering({ owners: [{ proxyId: 1, contactTypes: ['director'] }], members: [2, 3, 4] });
  const people = new Map([1, 2, 3, 4].map((id) => [id, buildPerson(id)]));

  it('maps matched people, in roster order', () => {
    const result = offeringPeople(offering, resolution({ 1: 'u-1', 2: 'u-2', 3: 'u-3', 4: 'u-4' }), people);
    expect(result.owners).toEqual(['u-1']);
    expect(result.members).toEqual(['u-2', 'u-3', 'u-4']);
    expect(result.unmatched).toEqual([]);
    expect([...result.protectedUserIds]).toEqual([]);
  });

  it('lists the unmatched with their reason and protects the user they had', () => {
    const result = offeringPeople(
      offering,
      resolution({ 1: 'u-1', 2: 'u-2' }, [
        { proxyId: 3, status: 'unmatched', reason: 'Not found in Microsoft.', lastKnownUserId: 'u-3' },
        { proxyId: 4, status: 'ambiguous', reason: 'Two users.', lastKnownUserId: null },
      ]),
      people,
    );
    expect(result.members).toEqual(['u-2']);
    expect([...result.protectedUserIds]).toEqual(['u-3']);
    expect(result.unmatched).toEqual([
      { proxyId: 3, name: 'First3 Last3', role: 'member', status: 'unmatched', reason: 'Not found in Microsoft.' },
      { proxyId: 4, name: 'First4 Last4', role: 'member', status: 'ambiguous', reason: 'Two users.' },
    ]);
  });

  it('an owner who is also matched as a member is an owner only', () => {
    const result = offeringPeople(offering, resolution({ 1: 'u-1', 2: 'u-1', 3: 'u-3', 4: 'u-4' }), people);
    expect(result.owners).toEqual(['u-1']);
    expect(result.members).toEqual(['u-3', 'u-4']);
  });

  it('a person unknown to the roster’s people map is still listed', () => {
    const result = offeringPeople(buildOffering({ members: [99] }), resolution({}), new Map());
    expect(result.unmatched[0]).toMatchObject({
      proxyId: 99,
      name: 'Elentra person 99',
      reason: 'Not looked up in Microsoft yet.',
    });
  });
});
