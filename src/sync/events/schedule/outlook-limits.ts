// Microsoft's documented limits for Outlook resources, which group calendar events are (GRAPH-FACTS §8;
// learn.microsoft.com/graph/throttling-limits, "Outlook service limits"): per app and per mailbox — here, per team's
// group — 10,000 requests per 10 minutes and 4 concurrent requests; across all tenants 130,000 requests per 10 s per
// app. Inner requests of a $batch count one by one, and Outlook runs at most 4 of a batch in parallel (§7).

export interface OutlookLimits {
  concurrentPerMailbox: number;
  requestsPerMailboxWindow: number;
  mailboxWindowSeconds: number;
  requestsPerAppWindow: number;
  appWindowSeconds: number;
}

export const OUTLOOK_LIMITS: Readonly<OutlookLimits> = Object.freeze({
  concurrentPerMailbox: 4,
  requestsPerMailboxWindow: 10_000,
  mailboxWindowSeconds: 600,
  requestsPerAppWindow: 130_000,
  appWindowSeconds: 10,
});

/** Requests in one `$batch` envelope (GRAPH-FACTS §7). */
export const MAX_BATCH_REQUESTS = 20;
