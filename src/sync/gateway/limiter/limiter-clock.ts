// The time source of the Graph rate limiter: the real clock in the product, a fake one in the unit tests
// (./testing/fake-clock.ts) so that a second of Microsoft's limits costs no second of test time.

export interface LimiterClock {
  now(): number;
  /** Calls `callback` after `ms`; the returned function cancels it. */
  setTimer(ms: number, callback: () => void): () => void;
}

export const SYSTEM_CLOCK: LimiterClock = {
  now: () => Date.now(),
  setTimer(ms, callback) {
    // Not unref'd: while requests wait for room, this timer may be the only thing keeping the process alive (idle
    // keep-alive sockets are unref'd), and an unref'd one let a throttled CLI run exit mid-way (code 13, "unsettled
    // top-level await"). The limiter cancels its wake-up as soon as nothing waits on time, so a finished run has none.
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
};
