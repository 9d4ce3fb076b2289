// The GraphLimiter the sync hands to its GraphClient (src/microsoft/graph/http.ts calls `run(key, task)` around each
// HTTP exchange): sliding windows per documented limit (./limit-rules.ts), per-mailbox concurrency, and a bound on
// exchanges in flight overall. A request waits until every bucket of its ticket (./limiter-ticket.ts) has room, so
// the limits stay busy without being crossed: no 429 to wait out. Waiters are served in order per bucket (a request
// blocked on one team reserves it; requests for other teams go ahead), so a big batch is not starved by small ones.
//
// A 429 is not penalised twice: the client sleeps its Retry-After outside `run` (the limiter wraps one exchange, not
// the retry loop), so a throttled request holds no slot while it waits and its retry queues like any new request.
import type { GraphLimiter } from '../../../microsoft/graph/http.js';
import { type LimitRulesOptions, limitRules, type RuleLookup } from './limit-rules.js';
import { type LimiterClock, SYSTEM_CLOCK } from './limiter-clock.js';
import { parseTicket, type Ticket } from './limiter-ticket.js';
import { RateWindow, type WindowEntry } from './rate-window.js';

/** Exchanges in flight at once: enough to keep 30 writes per second busy at ~500 ms latency. */
export const DEFAULT_MAX_CONCURRENT = 16;
/**
 * How long after sending a request we assume Microsoft may still count it (./rate-window.ts): network delay plus
 * queueing before admission. 50 ms was too little against the in-process emulator under a burst of 16 (its 12th
 * request was admitted 70 ms after it was sent, and counted into the next second); a quick answer settles the stamp
 * sooner anyway, so this costs time only for slow requests, at most a quarter of a window.
 */
export const DEFAULT_SKEW_MS = 250;

export interface GraphRateLimiterOptions extends LimitRulesOptions {
  maxConcurrent?: number;
  skewMs?: number;
  clock?: LimiterClock;
  /** Replaces the documented rules (tests). */
  rules?: RuleLookup;
}

interface Waiter {
  ticket: Ticket;
  admit: (grant: Grant) => void;
}

interface Grant {
  entries: WindowEntry[];
  concurrent: string[];
  sentAtMs: number;
}

const GLOBAL = '*';

export class GraphRateLimiter implements GraphLimiter {
  readonly #rules: RuleLookup;
  readonly #clock: LimiterClock;
  readonly #maxConcurrent: number;
  readonly #skewMs: number;
  readonly #windows = new Map<string, RateWindow>();
  readonly #inFlight = new Map<string, number>();
  #queue: Waiter[] = [];
  #timer: { atMs: number; cancel: () => void } | null = null;

  constructor(options: GraphRateLimiterOptions = {}) {
    this.#rules = options.rules ?? limitRules(options);
    this.#clock = options.clock ?? SYSTEM_CLOCK;
    this.#maxConcurrent = options.maxConcurrent ?? DEFAULT_MAX_CONCURRENT;
    this.#skewMs = options.skewMs ?? DEFAULT_SKEW_MS;
  }

  async run<T>(key: string | undefined, task: () => Promise<T>): Promise<T> {
    const grant = await new Promise<Grant>((admit) => {
      this.#queue.push({ ticket: parseTicket(key), admit });
      this.#pump();
    });
    try {
      return await task();
    } finally {
      this.#release(grant);
    }
  }

  /** Requests waiting for room (for tests and progress displays). */
  get waiting(): number {
    return this.#queue.length;
  }

  get inFlight(): number {
    return this.#inFlight.get(GLOBAL) ?? 0;
  }

  #window(bucket: string): RateWindow | undefined {
    const rate = this.#rules(bucket)?.rate;
    if (rate === undefined) return undefined;
    let window = this.#windows.get(bucket);
    if (window === undefined) {
      window = new RateWindow(rate.limit, rate.windowMs);
      this.#windows.set(bucket, window);
    }
    return window;
  }

  /** 0: admit now; a number: retry in that many ms; Infinity: wait for a release. Blocking buckets are reported. */
  #waitFor(ticket: Ticket, nowMs: number, reserved: Set<string>, blocking: string[]): number {
    let wait = 0;
    if (reserved.has(GLOBAL) || (this.#inFlight.get(GLOBAL) ?? 0) >= this.#maxConcurrent) {
      blocking.push(GLOBAL);
      wait = Number.POSITIVE_INFINITY;
    }
    for (const [bucket, weight] of ticket) {
      const concurrent = this.#rules(bucket)?.concurrent;
      const busy = concurrent !== undefined && (this.#inFlight.get(bucket) ?? 0) >= concurrent;
      const windowWait = this.#window(bucket)?.waitMs(nowMs, weight) ?? 0;
      if (busy || reserved.has(bucket)) wait = Number.POSITIVE_INFINITY;
      else wait = Math.max(wait, windowWait);
      if (busy || reserved.has(bucket) || windowWait > 0) blocking.push(bucket);
    }
    return wait;
  }

  #pump(): void {
    const nowMs = this.#clock.now();
    const reserved = new Set<string>();
    let nextWakeMs = Number.POSITIVE_INFINITY;
    const still: Waiter[] = [];
    for (const waiter of this.#queue) {
      const blocking: string[] = [];
      const wait = this.#waitFor(waiter.ticket, nowMs, reserved, blocking);
      if (wait === 0) {
        waiter.admit(this.#admit(waiter.ticket, nowMs));
        continue;
      }
      // Later requests may not overtake this one on the buckets it waits for.
      for (const bucket of blocking) reserved.add(bucket);
      if (Number.isFinite(wait)) nextWakeMs = Math.min(nextWakeMs, wait);
      still.push(waiter);
    }
    this.#queue = still;
    if (Number.isFinite(nextWakeMs)) this.#wakeIn(nextWakeMs, nowMs);
    else this.#cancelWake(); // nothing waits on time (the clock's timer keeps the process alive: limiter-clock.ts)
  }

  #cancelWake(): void {
    this.#timer?.cancel();
    this.#timer = null;
  }

  #admit(ticket: Ticket, nowMs: number): Grant {
    const grant: Grant = { entries: [], concurrent: [GLOBAL], sentAtMs: nowMs };
    for (const [bucket, weight] of ticket) {
      const window = this.#window(bucket);
      if (window) grant.entries.push(window.add(nowMs + this.#skewMs, weight));
      if (this.#rules(bucket)?.concurrent !== undefined) grant.concurrent.push(bucket);
    }
    for (const bucket of grant.concurrent) this.#inFlight.set(bucket, (this.#inFlight.get(bucket) ?? 0) + 1);
    return grant;
  }

  #release(grant: Grant): void {
    const nowMs = this.#clock.now();
    for (const entry of grant.entries) entry.stampMs = Math.min(entry.stampMs, nowMs);
    for (const bucket of grant.concurrent) {
      const left = (this.#inFlight.get(bucket) ?? 1) - 1;
      if (left <= 0) this.#inFlight.delete(bucket);
      else this.#inFlight.set(bucket, left);
    }
    this.#pump();
  }

  #wakeIn(ms: number, nowMs: number): void {
    const atMs = nowMs + ms;
    if (this.#timer !== null && this.#timer.atMs <= atMs) return;
    this.#timer?.cancel();
    const cancel = this.#clock.setTimer(ms, () => {
      this.#timer = null;
      this.#pump();
    });
    this.#timer = { atMs, cancel };
  }
}
