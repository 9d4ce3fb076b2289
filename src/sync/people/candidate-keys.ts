// The addresses a person may be known by in Microsoft, in the order they are tried: Elentra's `email`, then
// `email_alt`, then — when the site configures a domain — `username@domain`. Lower-cased, because Entra compares
// mail and userPrincipalName case-insensitively (GRAPH-FACTS §5) and Moodle's users suffered from case bugs
// (ANCHORS: #1974, #1987). Values that are not addresses at all ('n/a', '-') are not worth a request.
import type { Person } from '../../elentra/roster/roster-types.js';
import type { MatchRule } from './link-types.js';

export interface MatchingOptions {
  /** `username@usernameDomain` is tried last; null turns the rule off. */
  usernameDomain: string | null;
}

export const DEFAULT_MATCHING: MatchingOptions = { usernameDomain: null };

export interface CandidateKey {
  rule: MatchRule;
  /** Lower-case address. */
  value: string;
}

const ADDRESS = /^[^\s@]+@[^\s@]+$/;

export type MatchablePerson = Pick<Person, 'proxyId' | 'email' | 'emailAlt' | 'username'>;

function address(value: string | null | undefined): string | null {
  const trimmed = value?.trim().toLowerCase() ?? '';
  return ADDRESS.test(trimmed) ? trimmed : null;
}

/** A person's addresses, most trusted first, each once. */
export function candidateKeys(person: MatchablePerson, options: MatchingOptions): CandidateKey[] {
  const domain = options.usernameDomain?.trim().replace(/^@/, '') ?? '';
  const username = person.username?.trim() ?? '';
  const candidates: Array<[MatchRule, string | null]> = [
    ['email', address(person.email)],
    ['email_alt', address(person.emailAlt)],
    ['username', domain !== '' && username !== '' ? address(`${username}@${domain}`) : null],
  ];
  const keys: CandidateKey[] = [];
  for (const [rule, value] of candidates) {
    if (value !== null && !keys.some((key) => key.value === value)) keys.push({ rule, value });
  }
  return keys;
}
