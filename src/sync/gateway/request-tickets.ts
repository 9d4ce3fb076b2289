// Which documented limits one Graph request counts against, as a limiter ticket (./limiter/limiter-ticket.ts), from
// its method, path and query alone — the same classes Microsoft (and the emulator) throttle by (GRAPH-FACTS §8):
// Teams request classes + the per-team bucket for /teams/{id}/… and PUT /groups/{id}/team, the mailbox for group
// calendars, resource units (and writes) for the directory. A `$batch` envelope costs the sum of its inner requests.
import { formatTicket, mergeTickets, parseTicket, type Ticket } from './limiter/limiter-ticket.js';

export interface TicketRequest {
  method: string;
  /** Relative to /v1.0 or absolute (a nextLink), with or without its query. */
  path: string;
  query?: Readonly<Record<string, unknown>>;
  body?: unknown;
}

function splitPath(path: string): { segments: string[]; params: URLSearchParams } {
  const url = new URL(path, 'https://graph.invalid/v1.0/');
  const pathname = url.pathname.replace(/^\/v1\.0(?=\/|$)/, '');
  const segments = pathname
    .split('/')
    .filter((s) => s !== '')
    .flatMap((segment) => {
      // `teams('id')/operations('op')` key syntax, as in a 202's Location.
      const keyed = /^([A-Za-z$.]+)\('([^']*)'\)$/.exec(decodeURIComponent(segment));
      return keyed ? [keyed[1] ?? '', keyed[2] ?? ''] : [decodeURIComponent(segment)];
    });
  return { segments, params: url.searchParams };
}

/** throttling-limits.md: GET users 2, GET groups/{id}/members 3, others 1; `$select` −1, `$expand` +1, small `$top` −1. */
function resourceUnits(method: string, segments: string[], has: (name: string) => string | null): number {
  let cost = 1;
  if (method === 'GET' && segments[0] === 'users' && segments.length === 1) cost = 2;
  if (method === 'GET' && segments[0] === 'groups' && segments[2] === 'members') cost = 3;
  if (has('$select') !== null) cost -= 1;
  if (has('$expand') !== null) cost += 1;
  const top = has('$top');
  if (top !== null && /^\d+$/.test(top) && Number(top) < 20) cost -= 1;
  return Math.max(1, cost);
}

function teamsClass(method: string, segments: string[]): string {
  if (method !== 'GET') return 'otherWrite';
  if (segments.length === 2) return 'getTeam';
  if (segments.length === 3 && segments[2] === 'members') return 'getMembers';
  return 'otherGet';
}

function singleTicket(method: string, path: string, query: TicketRequest['query']): Map<string, number> {
  const { segments, params } = splitPath(path);
  for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined) params.set(name, String(value));
  const has = (name: string) => params.get(name);
  const [root, id, sub] = segments;
  const ticket = new Map<string, number>();
  if (root === 'teams') {
    if (id === undefined) ticket.set(method === 'POST' ? 'teams:createTeam' : 'teams:otherGet', 1);
    else {
      ticket.set(`teams:${teamsClass(method, segments)}`, 1);
      ticket.set(`team:${id}`, 1);
    }
  } else if (root === 'groups' && id !== undefined && sub === 'team') {
    ticket.set(method === 'PUT' ? 'teams:teamify' : method === 'GET' ? 'teams:getTeam' : 'teams:otherWrite', 1);
    ticket.set(`team:${id}`, 1);
  } else if (
    root === 'groups' &&
    id !== undefined &&
    (sub === 'events' || sub === 'calendar' || sub === 'calendarView')
  ) {
    ticket.set(`mailbox:${id}`, 1);
  } else if (root === 'users' || root === 'groups' || root === 'me' || root === 'directoryObjects') {
    ticket.set('directory:ru', resourceUnits(method, segments, has));
    if (method !== 'GET') ticket.set('directory:write', 1);
  }
  return ticket;
}

function innerRequests(body: unknown): Array<{ method: string; url: string }> {
  const requests = typeof body === 'object' && body !== null && 'requests' in body ? body.requests : undefined;
  if (!Array.isArray(requests)) return [];
  return requests.flatMap((r: unknown) => {
    if (typeof r !== 'object' || r === null) return [];
    const { method, url } = r as Record<string, unknown>;
    return typeof method === 'string' && typeof url === 'string' ? [{ method, url }] : [];
  });
}

/** The ticket of one request; `callerKey` (the resource layer's `team:{id}` / `mailbox:{id}`) is kept. */
export function ticketFor(request: TicketRequest, callerKey?: string): string {
  const method = request.method.toUpperCase();
  const isBatch = splitPath(request.path).segments[0] === '$batch';
  const parts: Ticket[] = isBatch
    ? innerRequests(request.body).map((inner) => singleTicket(inner.method.toUpperCase(), inner.url, undefined))
    : [singleTicket(method, request.path, request.query)];
  const ticket = mergeTickets(parts);
  // The caller's key names a bucket the path already implies, except for keys we cannot derive (e.g. a mailbox
  // for a batch of calendar requests): add those once.
  for (const bucket of parseTicket(callerKey).keys()) if (!ticket.has(bucket)) ticket.set(bucket, 1);
  return formatTicket(ticket);
}
