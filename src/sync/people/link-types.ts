// Elentra person ↔ Microsoft user links (the `ms_user_links` rows, as the sync reasons about them) and what one run's
// user lookups answered. Start at resolve-links.ts.

/** Which of the person's addresses found the user, in the order they are tried (candidate-keys.ts). */
export type MatchRule = 'email' | 'email_alt' | 'username';
export type LinkStatus = 'matched' | 'unmatched' | 'ambiguous';

export interface UserLink {
  proxyId: number;
  /**
   * matched: the Microsoft user. unmatched / ambiguous: the user this person was last matched to (or claimed), if any.
   * Such a user is never added for this person, only protected from removal (offering-people.ts says why).
   */
  userId: string | null;
  matchedBy: MatchRule | null;
  /**
   * matched: the address that found the user. unmatched / ambiguous: the first address tried (null: none), so that a
   * changed address in Elentra is re-checked at once rather than at the next daily re-check.
   */
  matchedValue: string | null;
  status: LinkStatus;
  /** Plain words for the administrator when not matched. */
  reason: string | null;
  checkedAtMs: number;
}

/** The part of a Microsoft user the matching needs (users.ts `DirectoryUser` fits). */
export interface DirectoryUserRef {
  id: string;
  mail?: string | null;
  userPrincipalName: string;
}

/** One run's lookups, keyed by the lower-cased address asked for. */
export interface LookupAnswers {
  /** Every user whose mail or UPN equals the address (ignoring case); an empty list: not found. */
  found: ReadonlyMap<string, readonly DirectoryUserRef[]>;
  /** Addresses whose lookup failed this run (throttled, 5xx, network): nothing can be concluded from them. */
  failed: ReadonlySet<string>;
}

export const NO_ANSWERS: LookupAnswers = { found: new Map(), failed: new Set() };

/** Answers from users.ts `findUsersByMailOrUpn` results (and the addresses of batches that failed). */
export function lookupAnswers(
  matches: Iterable<{ value: string; users: readonly DirectoryUserRef[] }>,
  failedValues: Iterable<string> = [],
): LookupAnswers {
  const found = new Map<string, readonly DirectoryUserRef[]>();
  for (const match of matches) found.set(match.value.trim().toLowerCase(), match.users);
  return { found, failed: new Set([...failedValues].map((value) => value.trim().toLowerCase())) };
}

/** Merges a later round's answers into earlier ones (the lookup runs in rounds: email, then email_alt, then username). */
export function mergeAnswers(earlier: LookupAnswers, later: LookupAnswers): LookupAnswers {
  const found = new Map(earlier.found);
  for (const [value, users] of later.found) found.set(value, users);
  const failed = new Set([...earlier.failed, ...later.failed].filter((value) => !found.has(value)));
  return { found, failed };
}
