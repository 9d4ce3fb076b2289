// Elentra people → Microsoft users for one run: cached links where still fresh (recheck-policy.ts), this run's lookup
// answers for the rest (resolve-person.ts), then one rule across people: a Microsoft user claimed by two Elentra
// people is ambiguous for both — reported, neither chosen (two people sharing an address is an Elentra data problem
// an administrator must settle; guessing would put one person's account in another's courses). Pure: people + links
// + answers in; the links to save, the matched users and the problems out.
import { candidateKeys, type MatchablePerson, type MatchingOptions } from './candidate-keys.js';
import type { LookupAnswers, UserLink } from './link-types.js';
import { LOOKUP_FAILED_REASON, NO_ADDRESS_REASON, resolvePerson } from './resolve-person.js';

export interface PersonProblem {
  proxyId: number;
  status: 'unmatched' | 'ambiguous';
  reason: string;
  /** The user this person was last matched to (or claimed): kept in their teams, never added (offering-people.ts). */
  lastKnownUserId: string | null;
}

export interface PeopleResolution {
  userIdByProxyId: ReadonlyMap<number, string>;
  problems: ReadonlyMap<number, PersonProblem>;
  /** New or changed `ms_user_links` rows (a re-check that confirms a link saves it too: its `checkedAtMs` moved). */
  linksToSave: UserLink[];
}

export interface ResolveLinksInput {
  people: Iterable<MatchablePerson>;
  links: ReadonlyMap<number, UserLink>;
  /** Who was looked up this run (recheck-policy.ts `peopleDue`). */
  due: ReadonlySet<number>;
  answers: LookupAnswers;
  nowMs: number;
  matching: MatchingOptions;
}

function sameLink(a: UserLink, b: UserLink): boolean {
  return (
    a.status === b.status &&
    a.userId === b.userId &&
    a.matchedBy === b.matchedBy &&
    a.matchedValue === b.matchedValue &&
    a.reason === b.reason
  );
}

function notMatched(
  proxyId: number,
  status: 'unmatched' | 'ambiguous',
  firstValue: string | null,
  reason: string,
  lastKnownUserId: string | null,
  nowMs: number,
): UserLink {
  return {
    proxyId,
    userId: lastKnownUserId,
    matchedBy: null,
    matchedValue: firstValue,
    status,
    reason,
    checkedAtMs: nowMs,
  };
}

export function resolveLinks(input: ResolveLinksInput): PeopleResolution {
  const { links, due, answers, nowMs } = input;
  const next = new Map<number, UserLink>();
  const save = new Set<number>();
  const transient = new Map<number, PersonProblem>();
  const firstValues = new Map<number, string | null>();

  for (const person of input.people) {
    const id = person.proxyId;
    const cached = links.get(id);
    const lastKnown = cached?.userId ?? null;
    const keys = candidateKeys(person, input.matching);
    firstValues.set(id, keys[0]?.value ?? null);
    if (keys.length === 0) {
      const link = notMatched(id, 'unmatched', null, NO_ADDRESS_REASON, lastKnown, nowMs);
      const unchanged = cached !== undefined && sameLink(cached, link);
      next.set(id, unchanged ? cached : link);
      if (!unchanged) save.add(id);
      continue;
    }
    if (!due.has(id) && cached) {
      next.set(id, cached);
      continue;
    }
    const outcome = resolvePerson(keys, answers);
    if (outcome.status === 'matched') {
      next.set(id, { proxyId: id, ...outcome, status: 'matched', reason: null, checkedAtMs: nowMs });
      save.add(id);
    } else if (outcome.status === 'unmatched' || outcome.status === 'ambiguous') {
      next.set(id, notMatched(id, outcome.status, outcome.firstValue, outcome.reason, lastKnown, nowMs));
      save.add(id);
    } else if (cached) {
      next.set(id, cached); // a failed lookup concludes nothing: the cached link stands until the next run
    } else {
      transient.set(id, { proxyId: id, status: 'unmatched', reason: LOOKUP_FAILED_REASON, lastKnownUserId: null });
    }
  }

  markSharedUsers(next, save, firstValues, nowMs);
  return summarize(next, save, transient);
}

/** Two or more people matched to one Microsoft user: all of them become ambiguous, keeping that user as last known. */
function markSharedUsers(
  next: Map<number, UserLink>,
  save: Set<number>,
  firstValues: ReadonlyMap<number, string | null>,
  nowMs: number,
): void {
  const claims = new Map<string, number[]>();
  for (const link of next.values()) {
    if (link.status !== 'matched' || link.userId === null) continue;
    const claimants = claims.get(link.userId);
    if (claimants) claimants.push(link.proxyId);
    else claims.set(link.userId, [link.proxyId]);
  }
  for (const [userId, claimants] of claims) {
    if (claimants.length < 2) continue;
    for (const proxyId of claimants) {
      const others = claimants.filter((other) => other !== proxyId).join(', ');
      const value = next.get(proxyId)?.matchedValue ?? '';
      const reason = `The Microsoft user found by ${value} is also matched by Elentra person ${others}; none was chosen.`;
      next.set(proxyId, notMatched(proxyId, 'ambiguous', firstValues.get(proxyId) ?? null, reason, userId, nowMs));
      save.add(proxyId);
    }
  }
}

function summarize(
  next: ReadonlyMap<number, UserLink>,
  save: ReadonlySet<number>,
  transient: ReadonlyMap<number, PersonProblem>,
): PeopleResolution {
  const userIdByProxyId = new Map<number, string>();
  const problems = new Map<number, PersonProblem>(transient);
  const linksToSave: UserLink[] = [];
  for (const link of next.values()) {
    if (save.has(link.proxyId)) linksToSave.push(link);
    if (link.status === 'matched' && link.userId !== null) {
      userIdByProxyId.set(link.proxyId, link.userId);
    } else {
      problems.set(link.proxyId, {
        proxyId: link.proxyId,
        status: link.status === 'ambiguous' ? 'ambiguous' : 'unmatched',
        reason: link.reason ?? 'Not matched to a Microsoft user.',
        lastKnownUserId: link.userId,
      });
    }
  }
  return { userIdByProxyId, problems, linksToSave };
}
