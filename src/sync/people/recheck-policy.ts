// Which cached links to look up again this run: a pure function of the person, their link and now. Matched links are
// re-checked weekly (a user renamed or deleted in Entra shows up within days, while a nightly sync of 3,000 people
// costs ~60 lookups a night instead of ~400); unmatched and ambiguous ones daily (a new student's account replicates
// with a delay, GRAPH-FACTS §5, and an administrator fixing an address wants to see it work the next morning). A
// person whose addresses changed in Elentra is looked up at once, whatever the age of the link.
import { type CandidateKey, candidateKeys, type MatchablePerson, type MatchingOptions } from './candidate-keys.js';
import type { UserLink } from './link-types.js';

export interface RecheckPolicy {
  matchedDays: number;
  unmatchedDays: number;
}

export const DEFAULT_RECHECK_POLICY: RecheckPolicy = { matchedDays: 7, unmatchedDays: 1 };

const DAY_MS = 86_400_000;

/** Whether the link still describes the person's addresses as Elentra has them now. */
function linkFitsKeys(link: UserLink, keys: readonly CandidateKey[]): boolean {
  if (link.status === 'matched') {
    return keys.some((key) => key.value === link.matchedValue && key.rule === link.matchedBy);
  }
  return link.matchedValue === (keys[0]?.value ?? null);
}

export function isLinkDue(
  link: UserLink | undefined,
  keys: readonly CandidateKey[],
  nowMs: number,
  policy: RecheckPolicy,
): boolean {
  if (keys.length === 0) return false; // nothing to look up: "no e-mail address in Elentra", decided without a request
  if (link === undefined || !linkFitsKeys(link, keys)) return true;
  const days = link.status === 'matched' ? policy.matchedDays : policy.unmatchedDays;
  return nowMs - link.checkedAtMs >= days * DAY_MS;
}

/** The proxy ids to look up this run. */
export function peopleDue(
  people: Iterable<MatchablePerson>,
  links: ReadonlyMap<number, UserLink>,
  nowMs: number,
  options: { matching: MatchingOptions; policy: RecheckPolicy },
): Set<number> {
  const due = new Set<number>();
  for (const person of people) {
    const keys = candidateKeys(person, options.matching);
    if (isLinkDue(links.get(person.proxyId), keys, nowMs, options.policy)) due.add(person.proxyId);
  }
  return due;
}
