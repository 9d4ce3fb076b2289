// What one HTTP exchange spends, as the limiter's key: space-separated buckets, each with an optional weight,
// e.g. `teams:otherWrite*3 team:9f1c… team:77ab…*2 directory:ru*4`. A plain resource-layer key (`team:{id}`,
// `mailbox:{groupId}`) is a ticket of one bucket, so the limiter works with a bare GraphClient too; the
// throttle-aware client (../throttle-aware-client.ts) writes full tickets, one bucket per limit a request counts
// against, the inner requests of a `$batch` summed.

export type Ticket = ReadonlyMap<string, number>;

export function parseTicket(key: string | undefined): Ticket {
  const ticket = new Map<string, number>();
  for (const token of (key ?? '').split(/\s+/)) {
    if (token === '') continue;
    const star = token.lastIndexOf('*');
    const bucket = star > 0 ? token.slice(0, star) : token;
    const weight = star > 0 ? Number(token.slice(star + 1)) : 1;
    ticket.set(bucket, (ticket.get(bucket) ?? 0) + (Number.isFinite(weight) && weight > 0 ? weight : 1));
  }
  return ticket;
}

export function formatTicket(ticket: Ticket): string {
  return [...ticket].map(([bucket, weight]) => (weight === 1 ? bucket : `${bucket}*${weight}`)).join(' ');
}

/** Sums tickets (the inner requests of a batch). */
export function mergeTickets(tickets: Iterable<Ticket>): Map<string, number> {
  const merged = new Map<string, number>();
  for (const ticket of tickets) {
    for (const [bucket, weight] of ticket) merged.set(bucket, (merged.get(bucket) ?? 0) + weight);
  }
  return merged;
}
