// When to retry a Graph answer, and how long to wait (GRAPH-FACTS §8, Microsoft's throttling guidance):
// - 429: the request was not executed → retry any method, after `Retry-After` seconds (else exponential backoff);
// - 503 / 504: retry idempotent requests after `Retry-After`, else backoff;
// - 500 / 502 and lost connections: one immediate retry, idempotent requests only;
// - never blindly repeat a POST that may have been executed: the sync engine looks up before it creates, and a
//   caller that knows a POST is safe to repeat (a $batch of reads, members/add) sets `retryNonIdempotent`.
// Retries are capped in number and in total waiting time; beyond that the error carries `retryAfterSeconds` and the
// caller requeues.

export interface RetryPolicy {
  /** Waited retries (429, 503, 504) per request. */
  maxRetries: number;
  /** Total waiting per request; a Retry-After beyond what is left is not waited for. */
  maxTotalWaitMs: number;
  /** First backoff step without Retry-After; doubles each time, with full jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 5,
  maxTotalWaitMs: 120_000,
  baseDelayMs: 1_000,
  maxDelayMs: 32_000,
};

/** GET, PUT, DELETE are idempotent by HTTP; Graph's PATCH sets properties, so repeating it changes nothing more. */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']);

export type RetryKind = 'wait' | 'immediate' | 'none';

/** What a status asks of us, given whether the request may be repeated safely. */
export function retryKindFor(status: number, repeatable: boolean): RetryKind {
  if (status === 429) return 'wait';
  if (!repeatable) return 'none';
  if (status === 503 || status === 504) return 'wait';
  if (status === 500 || status === 502) return 'immediate';
  return 'none';
}

/** `Retry-After` as seconds (a number or an HTTP date); undefined when absent or unreadable. */
export function retryAfterSeconds(value: string | null | undefined, nowMs = Date.now()): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - nowMs) / 1000));
}

/** Exponential backoff with full jitter: random in [0, min(max, base·2^attempt)]. */
export function backoffMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(random() * ceiling);
}

/** The wait before retry number `attempt` (0-based): Retry-After when given, else backoff. */
export function delayMs(
  policy: RetryPolicy,
  attempt: number,
  retryAfter: number | undefined,
  random?: () => number,
): number {
  return retryAfter === undefined ? backoffMs(policy, attempt, random) : retryAfter * 1000;
}
