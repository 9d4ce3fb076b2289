// resolveLinks by table: fresh links kept, due ones re-decided, failures conclude nothing, one Microsoft user claimed
// by two Elentra people makes both ambiguous, and a lost link remembers its last user (for protection).
import { describe, expect, it } from 'vitest';
import { buildPerson, matchedLink, NOW_MS } from '../testing/builders.js';
import { type DirectoryUserRef, type LookupAnswers, lookupAnswers, NO_ANSWERS, type UserLink } from './link-types.js';
import { resolveLinks } from './resolve-links.js';

const user = (id: string): DirectoryUserRef => ({ id, userPrincipalName: `${id}@school.edu`, mail: null });
const found = (entries: Record<string, string[]>, failed: string[] = []): LookupAnswers =>
  lookupAnswers(
    Object.entries(entries).map(([value, ids]) => ({ value, users: ids.map(user) })),
    failed,
  );

interface Case {
  name: string;
  people?: Array<Parameters<typeof buildPerson>>;
  links?: UserLink[];
  due?: number[];
  answers?: LookupAnswers;
  matched: Record<number, string>;
  problems: Record<number, string>;
  saved: number[];
}

const cases: Case[] = [
  {
    name: 'due and found: matched and saved',
    due: [1],
    answers: found({ 'p1@school.edu': ['u-1'] }),
    matched: { 1: 'u-1' },
    problems: {},
    saved: [1],
  },
  {
    name: 'fresh link, not due: kept, not saved',
    links: [matchedLink(1, 'u-1')],
    matched: { 1: 'u-1' },
    problems: {},
    saved: [],
  },
  {
    name: 're-checked and confirmed: saved (its checked time moves)',
    links: [matchedLink(1, 'u-1')],
    due: [1],
    answers: found({ 'p1@school.edu': ['u-1'] }),
    matched: { 1: 'u-1' },
    problems: {},
    saved: [1],
  },
  {
    name: 'lookup failed with a cached link: the link stands, nothing saved',
    links: [matchedLink(1, 'u-1')],
    due: [1],
    answers: found({}, ['p1@school.edu']),
    matched: { 1: 'u-1' },
    problems: {},
    saved: [],
  },
  {
    name: 'lookup failed, never linked: unmatched for this run only, nothing saved',
    due: [1],
    answers: found({}, ['p1@school.edu']),
    matched: {},
    problems: {
      1: 'unmatched (last known none): Could not be looked up in Microsoft this run; it will be tried again.',
    },
    saved: [],
  },
  {
    name: 'matched user no longer found: unmatched, remembers the last user',
    links: [matchedLink(1, 'u-1')],
    due: [1],
    answers: found({ 'p1@school.edu': [] }),
    matched: {},
    problems: { 1: 'unmatched (last known u-1): Not found in Microsoft: no user has p1@school.edu.' },
    saved: [1],
  },
  {
    name: 'no address in Elentra: unmatched without a lookup, saved once',
    people: [[1, { email: null }]],
    matched: {},
    problems: {
      1: 'unmatched (last known none): No e-mail address in Elentra (email, email_alt or the username rule).',
    },
    saved: [1],
  },
  {
    name: 'no address, already recorded so: not saved again',
    people: [[1, { email: null }]],
    links: [
      matchedLink(1, 'u-1', {
        status: 'unmatched',
        userId: 'u-1',
        matchedBy: null,
        matchedValue: null,
        reason: 'No e-mail address in Elentra (email, email_alt or the username rule).',
      }),
    ],
    matched: {},
    problems: {
      1: 'unmatched (last known u-1): No e-mail address in Elentra (email, email_alt or the username rule).',
    },
    saved: [],
  },
  {
    name: 'two users for one address: ambiguous',
    due: [1],
    answers: found({ 'p1@school.edu': ['u-1', 'u-9'] }),
    matched: {},
    problems: {
      1: 'ambiguous (last known none): 2 Microsoft users have the address p1@school.edu (u-1@school.edu, u-9@school.edu); none was chosen.',
    },
    saved: [1],
  },
  {
    name: 'one user claimed by two people (one cached, one new): both ambiguous, neither chosen',
    people: [[1], [2, { email: 'shared@school.edu' }]],
    links: [matchedLink(1, 'u-1')],
    due: [2],
    answers: found({ 'shared@school.edu': ['u-1'] }),
    matched: {},
    problems: {
      1: 'ambiguous (last known u-1): The Microsoft user found by p1@school.edu is also matched by Elentra person 2; none was chosen.',
      2: 'ambiguous (last known u-1): The Microsoft user found by shared@school.edu is also matched by Elentra person 1; none was chosen.',
    },
    saved: [1, 2],
  },
];

describe('resolveLinks', () => {
  it.each(cases)('$name', (c) => {
    const people = (c.people ?? [[1]]).map((args) => buildPerson(...args));
    const resolution = resolveLinks({
      people,
      links: new Map((c.links ?? []).map((link) => [link.proxyId, link])),
      due: new Set(c.due ?? []),
      answers: c.answers ?? NO_ANSWERS,
      nowMs: NOW_MS,
      matching: { usernameDomain: null },
    });
    expect(Object.fromEntries(resolution.userIdByProxyId)).toEqual(c.matched);
    const problems = Object.fromEntries(
      [...resolution.problems].map(([id, p]) => [
        id,
        `${p.status} (last known ${p.lastKnownUserId ?? 'none'}): ${p.reason}`,
      ]),
    );
    expect(problems).toEqual(c.problems);
    expect(resolution.linksToSave.map((link) => link.proxyId).sort()).toEqual(c.saved);
    for (const link of resolution.linksToSave) expect(link.checkedAtMs).toBe(NOW_MS);
  });
});
