// Hands out event writes under Outlook's per-mailbox limits (outlook-limits.ts): at most 4 in flight per mailbox and
// at most 10,000 started per sliding 10 minutes per mailbox, in the interleaved order of execution-order.ts.
// Deterministic and clock-free: the caller passes the time, so tests drive it with a fake clock. The apply layer
// loops: next(now) → start the operation | wait (for a finish, or waitMs) | done; finished(op) when it settles.
import type { EventOperation } from '../event-operations.js';
import { requestsFor } from './event-cost.js';
import { OUTLOOK_LIMITS, type OutlookLimits } from './outlook-limits.js';

export type DispatchStep<T> =
  | { kind: 'start'; operation: T }
  /** Nothing may start now: wait `waitMs` (window budget), or for a running operation to finish (null). */
  | { kind: 'wait'; waitMs: number | null }
  | { kind: 'done' };

interface Mailbox<T> {
  queue: T[];
  next: number;
  inFlight: number;
  /** Starts in the sliding window: times and request counts, oldest first, from `head`. */
  startTimes: number[];
  startCounts: number[];
  head: number;
  inWindow: number;
}

export class MailboxDispatcher<T extends EventOperation & { teamId: string }> {
  readonly #limits: OutlookLimits;
  readonly #mailboxes = new Map<string, Mailbox<T>>();
  #rotation: Mailbox<T>[];
  #cursor = 0;
  #notStarted: number;
  #exhausted = 0;

  constructor(ordered: readonly T[], limits: OutlookLimits = OUTLOOK_LIMITS) {
    this.#limits = limits;
    for (const operation of ordered) {
      let mailbox = this.#mailboxes.get(operation.teamId);
      if (!mailbox) {
        mailbox = { queue: [], next: 0, inFlight: 0, startTimes: [], startCounts: [], head: 0, inWindow: 0 };
        this.#mailboxes.set(operation.teamId, mailbox);
      }
      mailbox.queue.push(operation);
    }
    this.#rotation = [...this.#mailboxes.values()];
    this.#notStarted = ordered.length;
  }

  /** Mailboxes with at least one operation. */
  get mailboxes(): number {
    return this.#mailboxes.size;
  }

  next(nowMs: number): DispatchStep<T> {
    if (this.#notStarted === 0) return { kind: 'done' };
    // Drop mailboxes with nothing left now and then, not on every call: next() runs once per operation.
    if (this.#exhausted * 2 > this.#rotation.length) {
      this.#rotation = this.#rotation.filter((mailbox) => mailbox.next < mailbox.queue.length);
      this.#exhausted = 0;
      this.#cursor = 0;
    }
    let soonestMs: number | null = null;
    for (let tried = 0; tried < this.#rotation.length; tried++) {
      const index = (this.#cursor + tried) % this.#rotation.length;
      const mailbox = this.#rotation[index];
      if (!mailbox || mailbox.inFlight >= this.#limits.concurrentPerMailbox) continue;
      const operation = mailbox.queue[mailbox.next];
      if (operation === undefined) continue;
      const requests = requestsFor(operation);
      const waitMs = this.#windowWaitMs(mailbox, requests, nowMs);
      if (waitMs > 0) {
        soonestMs = soonestMs === null ? waitMs : Math.min(soonestMs, waitMs);
        continue;
      }
      mailbox.next += 1;
      if (mailbox.next === mailbox.queue.length) this.#exhausted += 1;
      this.#notStarted -= 1;
      mailbox.inFlight += 1;
      mailbox.startTimes.push(nowMs);
      mailbox.startCounts.push(requests);
      mailbox.inWindow += requests;
      this.#cursor = index + 1;
      return { kind: 'start', operation };
    }
    return { kind: 'wait', waitMs: soonestMs };
  }

  finished(operation: T): void {
    const mailbox = this.#mailboxes.get(operation.teamId);
    if (mailbox && mailbox.inFlight > 0) mailbox.inFlight -= 1;
  }

  /** 0 when `requests` more fit the mailbox's window now; otherwise how long until enough starts have aged out. */
  #windowWaitMs(mailbox: Mailbox<T>, requests: number, nowMs: number): number {
    const windowMs = this.#limits.mailboxWindowSeconds * 1000;
    while (mailbox.head < mailbox.startTimes.length && (mailbox.startTimes[mailbox.head] ?? 0) <= nowMs - windowMs) {
      mailbox.inWindow -= mailbox.startCounts[mailbox.head] ?? 0;
      mailbox.head += 1;
    }
    if (mailbox.head > 1024 && mailbox.head * 2 > mailbox.startTimes.length) {
      mailbox.startTimes = mailbox.startTimes.slice(mailbox.head);
      mailbox.startCounts = mailbox.startCounts.slice(mailbox.head);
      mailbox.head = 0;
    }
    let excess = mailbox.inWindow + requests - this.#limits.requestsPerMailboxWindow;
    for (let i = mailbox.head; excess > 0 && i < mailbox.startTimes.length; i++) {
      excess -= mailbox.startCounts[i] ?? 0;
      if (excess <= 0) return (mailbox.startTimes[i] ?? nowMs) + windowMs - nowMs;
    }
    return 0;
  }
}
