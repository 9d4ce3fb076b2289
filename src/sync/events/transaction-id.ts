// The `transactionId` of a meeting's create. Microsoft: "A custom identifier specified by a client app for the server
// to avoid redundant POST operations in case of client retries to create the same event"; it can't be changed later
// (learn.microsoft.com/graph/api/resources/event). So it is deterministic per (site, Elentra event, generation): a
// retried or lost create re-sends the same id and Graph answers with the event it already made. The generation
// counts the meetings this event has had: after we delete a meeting (unreleased, moved, beyond the window) or find
// it deleted in Outlook, the next create is a new event and gets generation + 1, never a recycled id.
// The generation lives inside the id itself (ms_events.transaction_id), so it needs no column of its own.
import { createHash } from 'node:crypto';

// The site tag is lower-case hex, but the pattern does not rely on it: the event and generation are read from the end.
const PATTERN = /^et-(.+)-e(\d+)-g(\d+)$/;

/**
 * A short, stable tag of the site (ENTRADA_URL + MS_SERVICE_TOKEN_ID): two sites never share an id. 12 lower-case hex
 * characters of SHA-256. It is part of every transactionId ever sent, so it must never change for a site.
 */
export function siteTag(siteKey: string): string {
  return createHash('sha256').update(siteKey).digest('hex').slice(0, 12);
}

/** `et-{site}-e{eventId}-g{generation}`, e.g. `et-1x2y3z-e4521-g1`. */
export function transactionIdFor(site: string, eventId: number, generation: number): string {
  return `et-${site}-e${eventId}-g${generation}`;
}

/** The generation of an id written by transactionIdFor; 0 for anything else (a next generation is then 1). */
export function generationOf(transactionId: string): number {
  const match = PATTERN.exec(transactionId);
  return match ? Number(match[3]) : 0;
}
