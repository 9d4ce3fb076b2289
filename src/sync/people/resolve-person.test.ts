// One person's outcome from the lookups answered so far, and the lookup rounds (email, then email_alt, then username).
import { describe, expect, it } from 'vitest';
import { buildPerson } from '../testing/builders.js';
import { candidateKeys } from './candidate-keys.js';
import { type DirectoryUserRef, lookupAnswers, mergeAnswers, NO_ANSWERS } from './link-types.js';
import { lookupBatches } from './lookup-batches.js';
import { nextLookupValues, resolvePerson } from './resolve-person.js';

const user = (id: string, upn = `${id}@school.edu`): DirectoryUserRef => ({ id, userPrincipalName: upn, mail: upn });
const keys = candidateKeys(buildPerson(1, { emailAlt: 'ada@alt.edu' }), { usernameDomain: 'school.edu' });
// p1@school.edu, ada@alt.edu, user1@school.edu

describe('resolvePerson', () => {
  const cases: Array<[string, Array<[string, DirectoryUserRef[]]>, string[], string]> = [
    ['email finds one user', [['p1@school.edu', [user('u-1')]]], [], 'matched u-1 by email'],
    [
      'email finds none, email_alt one',
      [
        ['p1@school.edu', []],
        ['ada@alt.edu', [user('u-2')]],
      ],
      [],
      'matched u-2 by email_alt',
    ],
    [
      'then the username rule',
      [
        ['p1@school.edu', []],
        ['ada@alt.edu', []],
        ['user1@school.edu', [user('u-3')]],
      ],
      [],
      'matched u-3 by username',
    ],
    [
      'email finds two users: ambiguous, email_alt not tried',
      [
        ['p1@school.edu', [user('u-1'), user('u-9', 'p1@other.edu')]],
        ['ada@alt.edu', [user('u-2')]],
      ],
      [],
      'ambiguous u-1,u-9',
    ],
    [
      'nothing anywhere',
      [
        ['p1@school.edu', []],
        ['ada@alt.edu', []],
        ['user1@school.edu', []],
      ],
      [],
      'unmatched',
    ],
    ['email not asked yet', [], [], 'pending p1@school.edu'],
    ['email_alt not asked yet', [['p1@school.edu', []]], [], 'pending ada@alt.edu'],
    ['email lookup failed', [], ['p1@school.edu'], 'failed p1@school.edu'],
  ];
  it.each(cases)('%s', (_name, found, failed, expected) => {
    const outcome = resolvePerson(
      keys,
      lookupAnswers(
        found.map(([value, users]) => ({ value, users })),
        failed,
      ),
    );
    const summary =
      outcome.status === 'matched'
        ? `matched ${outcome.userId} by ${outcome.matchedBy}`
        : outcome.status === 'ambiguous'
          ? `ambiguous ${outcome.userIds.join(',')}`
          : outcome.status === 'unmatched'
            ? 'unmatched'
            : `${outcome.status} ${outcome.value}`;
    expect(summary).toBe(expected);
  });

  it('says in words why', () => {
    expect(resolvePerson([], NO_ANSWERS)).toMatchObject({
      status: 'unmatched',
      reason: /No e-mail address in Elentra/,
    });
    const none = lookupAnswers(keys.map((key) => ({ value: key.value, users: [] })));
    expect(resolvePerson(keys, none)).toMatchObject({
      reason: 'Not found in Microsoft: no user has p1@school.edu, ada@alt.edu, user1@school.edu.',
    });
    const two = lookupAnswers([{ value: 'p1@school.edu', users: [user('u-1'), user('u-9', 'p1@other.edu')] }]);
    expect(resolvePerson(keys, two)).toMatchObject({
      reason: '2 Microsoft users have the address p1@school.edu (u-1@school.edu, p1@other.edu); none was chosen.',
    });
  });
});

describe('nextLookupValues: rounds ask only what is still needed', () => {
  it('email for everyone, then email_alt for the unfound, then nothing', () => {
    const people = [
      candidateKeys(buildPerson(1, { emailAlt: 'a1@alt.edu' }), { usernameDomain: null }),
      candidateKeys(buildPerson(2, { emailAlt: 'a2@alt.edu' }), { usernameDomain: null }),
      candidateKeys(buildPerson(3), { usernameDomain: null }),
    ];
    expect(nextLookupValues(people, NO_ANSWERS)).toEqual(['p1@school.edu', 'p2@school.edu', 'p3@school.edu']);
    let answers = lookupAnswers([
      { value: 'P1@school.edu', users: [user('u-1')] },
      { value: 'p2@school.edu', users: [] },
      { value: 'p3@school.edu', users: [] },
    ]);
    expect(nextLookupValues(people, answers)).toEqual(['a2@alt.edu']);
    answers = mergeAnswers(answers, lookupAnswers([{ value: 'a2@alt.edu', users: [user('u-2')] }]));
    expect(nextLookupValues(people, answers)).toEqual([]);
  });

  it('a later success clears an earlier failure', () => {
    const merged = mergeAnswers(lookupAnswers([], ['x@y.z']), lookupAnswers([{ value: 'x@y.z', users: [] }]));
    expect(merged.failed.size).toBe(0);
  });
});

describe('lookupBatches: 15 per `in`, mail and UPN, 20 requests per $batch', () => {
  const cases: Array<[number, number, number, number]> = [
    [0, 0, 0, 0],
    [1, 1, 2, 1],
    [15, 1, 2, 1],
    [16, 2, 4, 1],
    [150, 10, 20, 1],
    [151, 11, 22, 2],
    [3000, 200, 400, 20],
  ];
  it.each(cases)('%i addresses → %i chunks, %i requests, %i envelopes', (n, chunks, requests, envelopes) => {
    const batches = lookupBatches(Array.from({ length: n }, (_, i) => `p${i}@school.edu`));
    expect([batches.chunks.length, batches.requests, batches.envelopes]).toEqual([chunks, requests, envelopes]);
    expect(batches.chunks.every((chunk) => chunk.length <= 15)).toBe(true);
  });
  it('asks for each address once, ignoring case', () => {
    expect(lookupBatches(['A@x.edu', 'a@X.edu', ' a@x.edu ']).chunks).toEqual([['a@x.edu']]);
  });
});
