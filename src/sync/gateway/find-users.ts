// TeamsGateway.findUsers: e-mail addresses → Microsoft users, on `mail` and on `userPrincipalName` (GRAPH-FACTS §5:
// 15 values per `in`), 20 lookups per `$batch` envelope (150 addresses per HTTP exchange), envelopes sent side by side
// under the limiter. Unlike users.ts `findUsersByMailOrUpn`, which fails the whole call, a lookup that fails (throttled
// past the retries, 5xx, a lost envelope) only marks its own addresses `failed`: nothing is concluded about them.
import { z } from 'zod';
import { type BatchRequest, MAX_BATCH_REQUESTS } from '../../microsoft/graph/batch.js';
import type { GraphClient } from '../../microsoft/graph/http.js';
import { odataIn, queryString } from '../../microsoft/graph/odata.js';
import { type DirectoryUser, directoryUser, MAX_VALUES_PER_IN_FILTER } from '../../microsoft/graph/users.js';
import { type DirectoryUserRef, type LookupAnswers, lookupAnswers } from '../people/link-types.js';
import { chunks } from './chunks.js';

const USER_SELECT = 'id,displayName,mail,userPrincipalName';
const userPage = z.object({ value: z.array(directoryUser), '@odata.nextLink': z.string().optional() });

interface Lookup {
  request: BatchRequest;
  values: string[];
}

function lookups(values: readonly string[]): Lookup[] {
  const out: Lookup[] = [];
  chunks(values, MAX_VALUES_PER_IN_FILTER).forEach((chunk, i) => {
    for (const property of ['mail', 'userPrincipalName'] as const) {
      const query = queryString({ $filter: odataIn(property, chunk), $select: USER_SELECT, $top: 999 });
      out.push({ request: { id: `${property}-${i}`, method: 'GET', url: `/users${query}` }, values: chunk });
    }
  });
  return out;
}

async function usersOf(client: GraphClient, body: unknown): Promise<DirectoryUser[]> {
  const page = userPage.parse(body);
  const next = page['@odata.nextLink'];
  if (next === undefined) return page.value;
  const rest = await client.getAll({ path: next, route: '/users' });
  return [...page.value, ...z.array(directoryUser).parse(rest.items)];
}

/** Runs one envelope; the users found, and the values whose lookup failed. */
async function runEnvelope(client: GraphClient, envelope: Lookup[]) {
  const found: DirectoryUser[] = [];
  const failed: string[] = [];
  let results: Awaited<ReturnType<GraphClient['batch']>>;
  try {
    results = await client.batch(envelope.map((l) => l.request));
  } catch {
    return { found, failed: envelope.flatMap((l) => l.values) };
  }
  for (const lookup of envelope) {
    const answer = results.get(lookup.request.id);
    try {
      if (answer?.status !== 200) throw new Error(`lookup ${lookup.request.id} answered ${answer?.status}`);
      found.push(...(await usersOf(client, answer.body)));
    } catch {
      failed.push(...lookup.values);
    }
  }
  return { found, failed };
}

/** The users found, by lower-case mail and userPrincipalName: one pass, not a scan of every user per address. */
function usersByAddress(users: Iterable<DirectoryUser>): Map<string, DirectoryUserRef[]> {
  const byAddress = new Map<string, DirectoryUserRef[]>();
  for (const user of users) {
    const ref = { id: user.id, mail: user.mail ?? null, userPrincipalName: user.userPrincipalName };
    const keys = new Set([user.userPrincipalName.toLowerCase()]);
    if (user.mail) keys.add(user.mail.toLowerCase());
    for (const key of keys) {
      const list = byAddress.get(key);
      if (list) list.push(ref);
      else byAddress.set(key, [ref]);
    }
  }
  return byAddress;
}

export async function findUsers(client: GraphClient, values: readonly string[]): Promise<LookupAnswers> {
  const distinct = [...new Set(values.map((v) => v.trim().toLowerCase()).filter((v) => v !== ''))];
  const envelopes = chunks(lookups(distinct), MAX_BATCH_REQUESTS);
  const outcomes = await Promise.all(envelopes.map((envelope) => runEnvelope(client, envelope)));
  const users = new Map<string, DirectoryUser>();
  for (const outcome of outcomes) for (const user of outcome.found) users.set(user.id, user);
  const failed = new Set(outcomes.flatMap((o) => o.failed));
  const answered = distinct.filter((value) => !failed.has(value));
  const byAddress = usersByAddress(users.values());
  return lookupAnswers(
    answered.map((value) => ({ value, users: byAddress.get(value) ?? [] })),
    failed,
  );
}
