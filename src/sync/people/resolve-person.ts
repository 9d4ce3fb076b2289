// One person's outcome from their addresses and the lookups answered so far: the first address (in candidate-keys.ts
// order) that finds exactly one Microsoft user matches; one that finds two or more is ambiguous — reported with both,
// never settled by silently taking one or by trying the next address; none finding anyone is unmatched. An address
// not yet asked is `pending` (nextLookupValues() collects those for the next round); one whose lookup failed is
// `failed`, and the caller keeps the cached link rather than concluding anything from an error.
import type { CandidateKey } from './candidate-keys.js';
import type { DirectoryUserRef, LookupAnswers, MatchRule } from './link-types.js';

export type PersonOutcome =
  | { status: 'matched'; userId: string; matchedBy: MatchRule; matchedValue: string }
  | { status: 'unmatched'; firstValue: string | null; reason: string }
  | { status: 'ambiguous'; firstValue: string; userIds: string[]; reason: string }
  | { status: 'pending'; value: string }
  | { status: 'failed'; value: string };

export const NO_ADDRESS_REASON = 'No e-mail address in Elentra (email, email_alt or the username rule).';
export const LOOKUP_FAILED_REASON = 'Could not be looked up in Microsoft this run; it will be tried again.';

function describeUsers(users: readonly DirectoryUserRef[]): string {
  return users.map((user) => user.userPrincipalName).join(', ');
}

export function resolvePerson(keys: readonly CandidateKey[], answers: LookupAnswers): PersonOutcome {
  const first = keys[0];
  if (first === undefined) return { status: 'unmatched', firstValue: null, reason: NO_ADDRESS_REASON };
  for (const key of keys) {
    if (answers.failed.has(key.value)) return { status: 'failed', value: key.value };
    const users = answers.found.get(key.value);
    if (users === undefined) return { status: 'pending', value: key.value };
    const [only, ...others] = users;
    if (only === undefined) continue;
    if (others.length === 0) {
      return { status: 'matched', userId: only.id, matchedBy: key.rule, matchedValue: key.value };
    }
    return {
      status: 'ambiguous',
      firstValue: first.value,
      userIds: users.map((user) => user.id),
      reason: `${users.length} Microsoft users have the address ${key.value} (${describeUsers(users)}); none was chosen.`,
    };
  }
  const tried = keys.map((key) => key.value).join(', ');
  return { status: 'unmatched', firstValue: first.value, reason: `Not found in Microsoft: no user has ${tried}.` };
}

/** The addresses the next lookup round must ask for: each due person's first address not yet answered. */
export function nextLookupValues(duePeople: Iterable<readonly CandidateKey[]>, answers: LookupAnswers): string[] {
  const values = new Set<string>();
  for (const keys of duePeople) {
    const outcome = resolvePerson(keys, answers);
    if (outcome.status === 'pending') values.add(outcome.value);
  }
  return [...values];
}
