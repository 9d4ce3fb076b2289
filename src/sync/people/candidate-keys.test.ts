// Candidate addresses and the re-check policy, by table.
import { describe, expect, it } from 'vitest';
import { buildPerson, DAY_MS, matchedLink, NOW_MS } from '../testing/builders.js';
import { candidateKeys } from './candidate-keys.js';
import type { UserLink } from './link-types.js';
import { DEFAULT_RECHECK_POLICY, isLinkDue, peopleDue } from './recheck-policy.js';

describe('candidateKeys', () => {
  const cases: Array<[string, Parameters<typeof buildPerson>[1], string | null, string[]]> = [
    ['email only', {}, null, ['email:p1@school.edu']],
    ['lower-cased and trimmed', { email: '  Ada.Lovelace@School.EDU ' }, null, ['email:ada.lovelace@school.edu']],
    ['then email_alt', { emailAlt: 'ada@gmail.com' }, null, ['email:p1@school.edu', 'email_alt:ada@gmail.com']],
    ['email_alt equal to email (any case) once', { emailAlt: 'P1@School.edu' }, null, ['email:p1@school.edu']],
    ['then username@domain when configured', {}, 'school.edu', ['email:p1@school.edu', 'username:user1@school.edu']],
    ['domain given with @', { email: null }, '@school.edu', ['username:user1@school.edu']],
    ['username rule equal to email once', { username: 'p1' }, 'school.edu', ['email:p1@school.edu']],
    ['no username, no rule', { username: null, email: null }, 'school.edu', []],
    ['not addresses are skipped', { email: 'n/a', emailAlt: 'two words@x.edu' }, null, []],
    ['nothing at all', { email: null }, null, []],
  ];
  it.each(cases)('%s', (_name, overrides, usernameDomain, expected) => {
    const keys = candidateKeys(buildPerson(1, overrides), { usernameDomain });
    expect(keys.map((key) => `${key.rule}:${key.value}`)).toEqual(expected);
  });
});

describe('isLinkDue (matched every 7 days, unmatched every day, changed addresses at once)', () => {
  const keys = candidateKeys(buildPerson(1), { usernameDomain: null });
  const unmatched = (overrides: Partial<UserLink>): UserLink =>
    matchedLink(1, 'u-1', { status: 'unmatched', userId: null, matchedBy: null, reason: 'x', ...overrides });
  const cases: Array<[string, UserLink | undefined, boolean]> = [
    ['never looked up', undefined, true],
    ['matched 1 day ago', matchedLink(1, 'u-1'), false],
    ['matched 6.9 days ago', matchedLink(1, 'u-1', { checkedAtMs: NOW_MS - 6.9 * DAY_MS }), false],
    ['matched exactly 7 days ago', matchedLink(1, 'u-1', { checkedAtMs: NOW_MS - 7 * DAY_MS }), true],
    ['matched by an address Elentra no longer has', matchedLink(1, 'u-1', { matchedValue: 'old@school.edu' }), true],
    ['matched by email_alt, now that address is the email', matchedLink(1, 'u-1', { matchedBy: 'email_alt' }), true],
    ['unmatched 23 hours ago', unmatched({ checkedAtMs: NOW_MS - 23 * 3_600_000 }), false],
    ['unmatched 1 day ago', unmatched({ checkedAtMs: NOW_MS - DAY_MS }), true],
    [
      'unmatched an hour ago, address since changed',
      unmatched({ checkedAtMs: NOW_MS - 3_600_000, matchedValue: 'old@x.edu' }),
      true,
    ],
    ['ambiguous 2 days ago', unmatched({ status: 'ambiguous', checkedAtMs: NOW_MS - 2 * DAY_MS }), true],
  ];
  it.each(cases)('%s → %s', (_name, link, expected) => {
    expect(isLinkDue(link, keys, NOW_MS, DEFAULT_RECHECK_POLICY)).toBe(expected);
  });

  it('a person with no address is never looked up', () => {
    expect(isLinkDue(undefined, [], NOW_MS, DEFAULT_RECHECK_POLICY)).toBe(false);
  });

  it('peopleDue picks the due ones', () => {
    const people = [buildPerson(1), buildPerson(2), buildPerson(3, { email: null })];
    const links = new Map([[1, matchedLink(1, 'u-1')]]);
    const options = { matching: { usernameDomain: null }, policy: DEFAULT_RECHECK_POLICY };
    expect([...peopleDue(people, links, NOW_MS, options)]).toEqual([2]);
  });
});
