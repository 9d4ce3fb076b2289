// Login throttling. Per account: `web_accounts.failed_attempts` / `locked_until` (shared by every instance); after
// MAX_FAILURES wrong passwords the account is locked for LOCK_MS. Per unknown user name: the same rule in memory, so
// that "locked" never tells an attacker which names exist. Per client address: a larger budget in memory, against
// one address trying many names. Memory maps are capped so that a flood of names cannot exhaust memory.

export interface ThrottleLimits {
  /** Failures per user name before it is locked. */
  maxFailuresPerUser: number;
  /** Failures per client address within the window before it is blocked. */
  maxFailuresPerAddress: number;
  /** Lock and window length. */
  lockMs: number;
}

export const DEFAULT_THROTTLE_LIMITS: ThrottleLimits = {
  maxFailuresPerUser: 5,
  maxFailuresPerAddress: 20,
  lockMs: 15 * 60_000,
};

const MAX_TRACKED_KEYS = 10_000;

interface Counter {
  failures: number;
  /** End of the counting window, or of the lock once failures reached the limit. */
  until: number;
}

/** Failure counters kept in memory: unknown user names and client addresses. */
export class MemoryThrottle {
  readonly #counters = new Map<string, Counter>();

  constructor(
    private readonly limit: () => number,
    private readonly lockMs: number,
  ) {}

  /** Until when `key` is blocked, or null. */
  blockedUntil(key: string, now: number): number | null {
    const counter = this.#counters.get(key);
    if (!counter || counter.until <= now) return null;
    return counter.failures >= this.limit() ? counter.until : null;
  }

  recordFailure(key: string, now: number): void {
    const counter = this.#counters.get(key);
    if (!counter || counter.until <= now) {
      this.#prune(now);
      this.#counters.set(key, { failures: 1, until: now + this.lockMs });
      return;
    }
    counter.failures += 1;
    // Reaching the limit starts a full lock period from now.
    if (counter.failures >= this.limit()) counter.until = now + this.lockMs;
  }

  forget(key: string): void {
    this.#counters.delete(key);
  }

  #prune(now: number): void {
    if (this.#counters.size < MAX_TRACKED_KEYS) return;
    for (const [key, counter] of this.#counters) if (counter.until <= now) this.#counters.delete(key);
    // Still full of live counters: drop the oldest (Map keeps insertion order).
    while (this.#counters.size >= MAX_TRACKED_KEYS) {
      const oldest = this.#counters.keys().next().value;
      if (oldest === undefined) break;
      this.#counters.delete(oldest);
    }
  }
}

export class LoginThrottle {
  readonly limits: ThrottleLimits;
  readonly unknownUsers: MemoryThrottle;
  readonly addresses: MemoryThrottle;

  constructor(limits: Partial<ThrottleLimits> = {}) {
    this.limits = { ...DEFAULT_THROTTLE_LIMITS, ...limits };
    this.unknownUsers = new MemoryThrottle(() => this.limits.maxFailuresPerUser, this.limits.lockMs);
    this.addresses = new MemoryThrottle(() => this.limits.maxFailuresPerAddress, this.limits.lockMs);
  }
}
