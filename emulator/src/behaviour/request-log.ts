// The request log behind `GET /_emulator/requests`: one entry per request the emulator answered (Graph, identity),
// and one per `$batch` inner request (marked with its batch), with totals by method and route.

export interface RequestLogEntry {
  seq: number;
  /** ISO time on the emulator's clock. */
  at: string;
  method: string;
  /** The actual path, without the query. */
  path: string;
  /** The route pattern, e.g. `/v1.0/teams/{id}/members`; the path when unknown. */
  route: string;
  /** HTTP status; `null` when the connection was destroyed without an answer (reset, timeout, lost response). */
  status: number | null;
  throttled: boolean;
  durationMs: number;
  /** Set for a `$batch` inner request: the log seq of its batch and its id in the batch. */
  batch?: { seq: number; id: string };
  /** The injected fault, if one fired. */
  fault?: string;
  /** Users this request took out of a team or group (members ∪ owners), whatever the answer said: a lost response
   * still logs what it changed. Lets a test prove that nobody who should stay was ever removed, even for a moment. */
  removed?: { groupId: string; userIds: string[] };
}

export interface RequestTotals {
  byMethod: Record<string, number>;
  /** Keyed `METHOD /route/pattern`. */
  byRoute: Record<string, number>;
  /** GET requests (batch envelopes are not counted as reads or writes). */
  reads: number;
  /** POST, PUT, PATCH, DELETE other than the `$batch` envelope. */
  writes: number;
  throttled: number;
}

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;

  /** Reserves a sequence number (a batch needs its own before its inner requests are logged). */
  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  add(entry: Omit<RequestLogEntry, 'seq'> & { seq?: number }): RequestLogEntry {
    const full: RequestLogEntry = { ...entry, seq: entry.seq ?? this.nextSeq() };
    this.entries.push(full);
    return full;
  }

  list(sinceSeq = 0): RequestLogEntry[] {
    return this.entries.filter((e) => e.seq > sinceSeq).sort((a, b) => a.seq - b.seq);
  }

  clear(): void {
    this.entries = [];
  }

  totals(entries: RequestLogEntry[] = this.entries): RequestTotals {
    const totals: RequestTotals = { byMethod: {}, byRoute: {}, reads: 0, writes: 0, throttled: 0 };
    for (const e of entries) {
      totals.byMethod[e.method] = (totals.byMethod[e.method] ?? 0) + 1;
      const key = `${e.method} ${e.route}`;
      totals.byRoute[key] = (totals.byRoute[key] ?? 0) + 1;
      if (e.throttled) totals.throttled += 1;
      if (e.route.endsWith('/$batch')) continue;
      if (e.method === 'GET') totals.reads += 1;
      else if (e.method !== 'HEAD' && e.method !== 'OPTIONS') totals.writes += 1;
    }
    return totals;
  }
}
