// Finding Microsoft users by e-mail (GRAPH-FACTS §5): `GET /users?$filter=mail in (…)` and the same on
// `userPrincipalName`, at most 15 values per `in`, both sent in `$batch` envelopes (20 inner requests each, so 150
// addresses per HTTP exchange). Matching is case-insensitive, as Microsoft's is. `$select` keeps the answer small
// and costs one resource unit less. A value may match several users (ambiguous) or none; callers decide.
import { z } from 'zod';
import { type BatchRequest, batchResultError } from './batch.js';
import type { GraphClient } from './http.js';
import { odataIn, queryString } from './odata.js';

/** Graph's limit for the values of one `in` (GRAPH-FACTS §5). */
export const MAX_VALUES_PER_IN_FILTER = 15;
const USER_SELECT = 'id,displayName,mail,userPrincipalName';

export const directoryUser = z.object({
  id: z.string(),
  displayName: z.string().nullable().optional(),
  mail: z.string().nullable().optional(),
  userPrincipalName: z.string(),
});
export type DirectoryUser = z.infer<typeof directoryUser>;

const userPage = z.object({ value: z.array(directoryUser), '@odata.nextLink': z.string().optional() });

export type MatchedProperty = 'mail' | 'userPrincipalName';

export interface UserMatch {
  /** The value asked for, as given. */
  value: string;
  /** Every user whose mail or UPN equals it (ignoring case); more than one means ambiguous. */
  users: Array<DirectoryUser & { matchedOn: MatchedProperty[] }>;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function lookupRequest(id: string, property: MatchedProperty, values: readonly string[]): BatchRequest {
  const query = queryString({ $filter: odataIn(property, values), $select: USER_SELECT, $top: 999 });
  return { id, method: 'GET', url: `/users${query}` };
}

/** Looks up `values` (e-mail addresses or UPNs) on both properties; one match entry per distinct value, in order. */
export async function findUsersByMailOrUpn(client: GraphClient, values: readonly string[]): Promise<UserMatch[]> {
  const distinct = new Map<string, string>();
  for (const raw of values) {
    const value = raw.trim();
    if (value !== '' && !distinct.has(value.toLowerCase())) distinct.set(value.toLowerCase(), value);
  }
  const requests: BatchRequest[] = [];
  chunks([...distinct.values()], MAX_VALUES_PER_IN_FILTER).forEach((chunk, i) => {
    requests.push(lookupRequest(`mail-${i}`, 'mail', chunk), lookupRequest(`upn-${i}`, 'userPrincipalName', chunk));
  });
  const found = new Map<string, DirectoryUser>();
  for (const result of (await client.batch(requests)).values()) {
    if (result.status !== 200) throw batchResultError('GET', '/users', result);
    for (const user of await usersIn(client, result.body)) found.set(user.id, user);
  }
  return [...distinct.values()].map((value) => ({ value, users: matchesFor(value, found.values()) }));
}

/** The users of one answer, and of its further pages if any (rare: at most 15 values were asked for). */
async function usersIn(client: GraphClient, body: unknown): Promise<DirectoryUser[]> {
  const page = userPage.parse(body);
  const next = page['@odata.nextLink'];
  if (next === undefined) return page.value;
  const rest = await client.getAll({ path: next, route: '/users' });
  return [...page.value, ...z.array(directoryUser).parse(rest.items)];
}

function matchesFor(value: string, users: Iterable<DirectoryUser>): UserMatch['users'] {
  const wanted = value.toLowerCase();
  const matches: UserMatch['users'] = [];
  for (const user of users) {
    const matchedOn: MatchedProperty[] = [];
    if (user.mail?.toLowerCase() === wanted) matchedOn.push('mail');
    if (user.userPrincipalName.toLowerCase() === wanted) matchedOn.push('userPrincipalName');
    if (matchedOn.length > 0) matches.push({ ...user, matchedOn });
  }
  return matches;
}
