// Per-person results of the bulk member calls (./members-bulk.ts): a 200 / 204 means everyone, a 207 carries one
// `aadUserConversationMemberResult` per person (`userId`, `error: null | {code, message}`, GRAPH-FACTS §4). The tables
// below say what a part's error means; a code they do not know is `failed`, with Graph's code kept for the logs.
import { z } from 'zod';
import type { BatchResult } from './batch.js';
import { type ExpectedAnswer, expectedAnswers, matchAnswer } from './expected-answers.js';

export type MemberAddStatus = 'added' | 'already-member' | 'user-not-found' | 'owners-limit' | 'failed';
export type MemberRemoveStatus = 'removed' | 'not-a-member' | 'last-owner' | 'failed';

export interface MemberResult<S> {
  userId: string;
  status: S;
  /** True when the person is where the call wanted them (added / already a member; removed / not a member). */
  ok: boolean;
  /** Graph's code for a person who was not added or removed; null otherwise. */
  graphCode: string | null;
  /** What the administrator reads for a person who was not added or removed; null when ok. */
  publicMessage: string | null;
}

const PUBLIC_MESSAGES: Readonly<Record<string, string>> = Object.freeze({
  'user-not-found': 'Microsoft Entra ID has no such user (deleted, or too new to be replicated yet).',
  'owners-limit': 'The team already has 100 owners, the most Microsoft 365 allows.',
  'last-owner': 'Microsoft Teams keeps at least one owner; add another owner before removing this one.',
});

function publicMessageFor(status: string, ok: boolean, graphCode: string | null): string | null {
  if (ok) return null;
  return (
    PUBLIC_MESSAGES[status] ??
    `Microsoft Teams did not accept the change for this person (${graphCode ?? 'no reason given'}).`
  );
}

export const ADD_MEMBER_PART_ANSWERS = expectedAnswers<MemberAddStatus>([
  {
    code: 'NotFound',
    result: 'user-not-found',
    source: 'conversationmember-remove.md example 3 (a result part for an unknown user)',
    example: 'memberNotFound',
  },
  {
    code: 'Request_BadRequest',
    message: /already exist/i,
    result: 'already-member',
    source: 'group API answer for an existing member (GRAPH-FACTS §4); a relayed part is unverified',
    example: 'referenceAlreadyExists',
  },
  {
    code: 'Directory_QuotaExceeded',
    message: /owners/i,
    result: 'owners-limit',
    source: 'a group has at most 100 owners (GRAPH-FACTS §4); canvas-lms groups_endpoints.rb',
    example: 'ownersQuotaExceeded',
  },
]);

export const REMOVE_MEMBER_PART_ANSWERS = expectedAnswers<MemberRemoveStatus>([
  {
    code: 'NotFound',
    result: 'not-a-member',
    source: 'conversationmember-remove.md example 3: "Could not find resource"',
    example: 'memberNotFound',
  },
  {
    code: 'Request_BadRequest',
    message: /removed object references do not exist/i,
    result: 'not-a-member',
    source: 'canvas-lms groups_endpoints.rb BATCH_REMOVE_USERS_SPECIAL_CASES',
    example: 'referenceMissing',
  },
  {
    code: 'BadRequest',
    message: /last owner|at least one owner/i,
    result: 'last-owner',
    source: 'GRAPH-FACTS §4: a team keeps at least one owner (wording unverified: matched loosely)',
    example: 'lastTeamOwner',
  },
  {
    code: 'Request_BadRequest',
    message: /at least one owner/i,
    result: 'last-owner',
    source: 'microsoft-graph-docs#12054 (the group API wording)',
    example: 'lastGroupOwner',
  },
]);

const parts = z.object({
  value: z.array(
    z.object({
      userId: z.string().nullable().optional(),
      error: z.object({ code: z.string().optional(), message: z.string().optional() }).nullable().optional(),
    }),
  ),
});

const OK_STATUSES = new Set(['added', 'already-member', 'removed', 'not-a-member']);

/** One result per person asked for, in order, from a members/add or members/remove answer. */
export function perPerson<S extends string>(
  userIds: readonly string[],
  answer: BatchResult,
  success: S,
  table: ReadonlyArray<ExpectedAnswer<S>>,
  fallback: S,
): Array<MemberResult<S>> {
  const byUser = new Map<string, { code: string; message: string } | null>();
  if (answer.status !== 204 && answer.body !== undefined) {
    for (const part of parts.parse(answer.body).value) {
      const error = part.error ? { code: part.error.code ?? 'unknown', message: part.error.message ?? '' } : null;
      byUser.set((part.userId ?? '').toLowerCase(), error);
    }
  }
  return userIds.map((userId) => {
    // A 200/204 without a part for someone means everyone succeeded.
    const error = byUser.get(userId.toLowerCase()) ?? null;
    const status = error === null ? success : (matchAnswer(table, error) ?? fallback);
    const ok = OK_STATUSES.has(status);
    const graphCode = error?.code ?? null;
    return { userId, status, ok, graphCode, publicMessage: publicMessageFor(status, ok, graphCode) };
  });
}
