// One bucket's sliding window: the requests counted against a rate limit in the last `windowMs`. The server counts a
// request when it arrives, which we never see; we see when we sent it and when the answer came. So an entry is
// stamped `sentAt + skewMs` while in flight (the latest we assume it reached Microsoft) and, once answered,
// `min(answeredAt, sentAt + skewMs)`: a quick answer proves when it arrived, and a slow one (the latency is mostly
// Microsoft's processing, after admission) is not held against the window for its whole duration. Spacing requests
// a full window apart on these stamps keeps them a window apart on the server's clock, up to `skewMs` of jitter in
// the network's one-way delay.

export interface WindowEntry {
  stampMs: number;
  weight: number;
}

export class RateWindow {
  readonly #entries: WindowEntry[] = [];

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Weight counted at `nowMs`; drops entries that left the window. */
  usage(nowMs: number): number {
    this.#prune(nowMs);
    return this.#entries.reduce((sum, entry) => sum + entry.weight, 0);
  }

  /**
   * Milliseconds until `weight` more fits (0: now). A weight above the limit (a batch bigger than the limit) fits
   * only into an empty window, so it waits rather than deadlocks; Microsoft throttles its excess and the client
   * retries that part.
   */
  waitMs(nowMs: number, weight: number): number {
    let used = this.usage(nowMs);
    if (used + weight <= this.limit || used === 0) return 0;
    const byStamp = [...this.#entries].sort((a, b) => a.stampMs - b.stampMs);
    for (const entry of byStamp) {
      used -= entry.weight;
      if (used + weight <= this.limit || used <= 0) return Math.max(1, entry.stampMs + this.windowMs - nowMs);
    }
    return this.windowMs;
  }

  /** Counts a request sent now; the entry is returned so that its stamp can be settled when answered. */
  add(stampMs: number, weight: number): WindowEntry {
    const entry = { stampMs, weight };
    this.#entries.push(entry);
    return entry;
  }

  #prune(nowMs: number): void {
    for (let i = this.#entries.length - 1; i >= 0; i -= 1) {
      const entry = this.#entries[i];
      if (entry !== undefined && entry.stampMs + this.windowMs <= nowMs) this.#entries.splice(i, 1);
    }
  }
}
