// Request counters of one GraphClient, by `METHOD /route/template`: what the benchmark and the sync's run record
// read to see how many requests a run spent. `$batch` envelopes count as requests; their inner requests are counted
// separately under `batched`, so both "HTTP exchanges" and "Graph operations" are visible.

export interface RouteCounts {
  requests: number;
  /** Answers that were retried (429, 5xx, lost connection, 401 once). */
  retried: number;
  throttled: number;
  failed: number;
  totalDurationMs: number;
}

export interface RequestStatsSnapshot {
  /** HTTP exchanges with Graph, attempts included. */
  total: number;
  byRoute: Record<string, RouteCounts>;
  /** Requests sent inside `$batch` envelopes, attempts included. */
  batchedTotal: number;
  batched: Record<string, RouteCounts>;
}

export interface RequestRecord {
  method: string;
  route: string;
  /** null: no answer (network error, timeout). */
  status: number | null;
  durationMs: number;
  retried: boolean;
  inBatch?: boolean;
}

function empty(): RouteCounts {
  return { requests: 0, retried: 0, throttled: 0, failed: 0, totalDurationMs: 0 };
}

export class RequestStats {
  #byRoute = new Map<string, RouteCounts>();
  #batched = new Map<string, RouteCounts>();

  record(entry: RequestRecord): void {
    const map = entry.inBatch ? this.#batched : this.#byRoute;
    const key = `${entry.method} ${entry.route}`;
    const counts = map.get(key) ?? empty();
    counts.requests += 1;
    counts.totalDurationMs += entry.durationMs;
    if (entry.retried) counts.retried += 1;
    if (entry.status === 429) counts.throttled += 1;
    if (entry.status === null || entry.status >= 400) counts.failed += 1;
    map.set(key, counts);
  }

  snapshot(): RequestStatsSnapshot {
    const copy = (map: Map<string, RouteCounts>) => Object.fromEntries([...map].map(([k, v]) => [k, { ...v }]));
    const sum = (map: Map<string, RouteCounts>) => [...map.values()].reduce((total, c) => total + c.requests, 0);
    return {
      total: sum(this.#byRoute),
      byRoute: copy(this.#byRoute),
      batchedTotal: sum(this.#batched),
      batched: copy(this.#batched),
    };
  }

  reset(): void {
    this.#byRoute.clear();
    this.#batched.clear();
  }
}
