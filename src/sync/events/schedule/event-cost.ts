// The cost model of event work, written down for the benchmark (issue 9; model in ../README.md):
// - Requests: each create, update, delete and repair is one Graph request to the team's mailbox; an update that
//   changes the body of an event with a Teams meeting adds one GET first (meeting-body.ts). The delete of a create
//   never confirmed (`unconfirmed`, plan-unwanted-row.ts) looks its meeting up first: calendarView pages (at least
//   one) + the DELETE if found; the model counts it 2 (one page, one DELETE, a chain). noChange costs nothing:
//   the observed side is our ms_events table, so an unchanged run reads nothing from Graph for events.
// - Throttle floor: the least wall time the documented Outlook limits allow (outlook-limits.ts) with a round-trip
//   latency L per request. Per mailbox with r requests: four at a time, ⌈r / 4⌉·L; and with k = ⌊(r − 1) / 10,000⌋
//   full windows before the last request, the last r − 10,000·k cannot start before k·600 s, then run four at a
//   time: k·600 s + ⌈(r − 10,000·k) / 4⌉·L; and the longest chain·L (a GET before its PATCH, a calendarView before
//   its DELETE). Across mailboxes, which run in parallel: the largest mailbox floor; a move's create waits for its
//   delete (2·L); and the app-wide 130,000 per 10 s. The floor ignores client-side limits (worker count, CPU): they are ours to size.
import type { EventOperation } from '../event-operations.js';
import { MAX_BATCH_REQUESTS, OUTLOOK_LIMITS, type OutlookLimits } from './outlook-limits.js';

/** Graph requests an operation costs (its chain length: the requests run one after the other). */
export function requestsFor(operation: EventOperation): number {
  if (operation.kind === 'noChange') return 0;
  if (operation.kind === 'updateEvent' && operation.mergeBodyWithMeetingBlob) return 2;
  // calendarView (one page at least) before the DELETE: 2 when the meeting is found on the first page.
  if (operation.kind === 'deleteEvent' && operation.unconfirmed) return 2;
  return 1;
}

export interface EventCost {
  /** Graph operations (inner requests of a $batch count one by one, as Outlook counts them). */
  requests: number;
  writes: number;
  reads: number;
  /** HTTP exchanges if everything were sent in full $batch envelopes (body reads and writes in separate rounds). */
  batchedExchanges: number;
  byMailbox: Map<string, number>;
}

export function minimumRequests(operations: readonly EventOperation[]): EventCost {
  const byMailbox = new Map<string, number>();
  let writes = 0;
  let reads = 0;
  for (const operation of operations) {
    const requests = requestsFor(operation);
    if (requests === 0 || operation.kind === 'noChange') continue;
    writes += 1;
    reads += requests - 1;
    byMailbox.set(operation.teamId, (byMailbox.get(operation.teamId) ?? 0) + requests);
  }
  const batchedExchanges = Math.ceil(reads / MAX_BATCH_REQUESTS) + Math.ceil(writes / MAX_BATCH_REQUESTS);
  return { requests: writes + reads, writes, reads, batchedExchanges, byMailbox };
}

export interface FloorOptions {
  /** Round trip of one request, seconds (the benchmark's default latency is 0.05). */
  latencySeconds: number;
  limits?: OutlookLimits;
}

export function throttleFloorSeconds(operations: readonly EventOperation[], options: FloorOptions): number {
  const limits = options.limits ?? OUTLOOK_LIMITS;
  const latency = options.latencySeconds;
  const cost = minimumRequests(operations);
  if (cost.requests === 0) return 0;
  let longestChain = 1;
  for (const operation of operations) {
    const chain = operation.kind === 'createEvent' && operation.replaces ? 2 : requestsFor(operation);
    longestChain = Math.max(longestChain, chain);
  }
  let floor = longestChain * latency;
  for (const requests of cost.byMailbox.values()) {
    const concurrency = Math.ceil(requests / limits.concurrentPerMailbox) * latency;
    const fullWindows = Math.floor((requests - 1) / limits.requestsPerMailboxWindow);
    const lastWindow = requests - fullWindows * limits.requestsPerMailboxWindow;
    const window =
      fullWindows * limits.mailboxWindowSeconds + Math.ceil(lastWindow / limits.concurrentPerMailbox) * latency;
    floor = Math.max(floor, concurrency, window);
  }
  const appWide = Math.floor((cost.requests - 1) / limits.requestsPerAppWindow) * limits.appWindowSeconds + latency;
  return Math.max(floor, appWide);
}
