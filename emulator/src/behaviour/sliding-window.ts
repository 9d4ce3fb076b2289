// A weighted sliding-window counter per key: the weight spent in the last `windowMs` of the emulator's clock. Cheap:
// entries are appended and dropped from the front as they age out; no timers.

interface Window {
  times: number[];
  weights: number[];
  head: number;
  sum: number;
}

export class SlidingWindows {
  private readonly windows = new Map<string, Window>();

  /** Weight spent under `key` in the window ending at `nowMs`. */
  usage(key: string, nowMs: number, windowMs: number): number {
    const w = this.windows.get(key);
    if (!w) return 0;
    this.prune(w, nowMs, windowMs);
    return w.sum;
  }

  /**
   * Milliseconds until `weight` more fits under `limit` (0 if it fits now). A weight above the limit never fits:
   * the caller gets the whole window.
   */
  waitMs(key: string, nowMs: number, windowMs: number, weight: number, limit: number): number {
    const w = this.windows.get(key);
    if (!w) return weight > limit ? windowMs : 0;
    this.prune(w, nowMs, windowMs);
    if (w.sum + weight <= limit) return 0;
    if (weight > limit) return windowMs;
    let remaining = w.sum;
    for (let i = w.head; i < w.times.length; i += 1) {
      remaining -= w.weights[i] ?? 0;
      if (remaining + weight <= limit) return Math.max(1, (w.times[i] ?? nowMs) + windowMs - nowMs);
    }
    return windowMs;
  }

  add(key: string, nowMs: number, weight: number): void {
    let w = this.windows.get(key);
    if (!w) {
      w = { times: [], weights: [], head: 0, sum: 0 };
      this.windows.set(key, w);
    }
    w.times.push(nowMs);
    w.weights.push(weight);
    w.sum += weight;
  }

  clear(): void {
    this.windows.clear();
  }

  private prune(w: Window, nowMs: number, windowMs: number): void {
    const cutoff = nowMs - windowMs;
    while (w.head < w.times.length && (w.times[w.head] ?? 0) <= cutoff) {
      w.sum -= w.weights[w.head] ?? 0;
      w.head += 1;
    }
    if (w.head > 1024 && w.head * 2 > w.times.length) {
      w.times = w.times.slice(w.head);
      w.weights = w.weights.slice(w.head);
      w.head = 0;
    }
  }
}
