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
    const timer = setTimeout(callback, ms);
    // A pending wake-up must not keep a finished CLI run alive.
    timer.unref?.();
    return () => clearTimeout(timer);
  },
};
