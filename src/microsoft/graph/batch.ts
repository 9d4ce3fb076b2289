// JSON batching (GRAPH-FACTS §7): `POST /$batch` with at most 20 requests, unique ids, relative urls, a Content-Type
// beside every body, `dependsOn` inside one batch; answers come back in any order and are mapped back by id. Each
// inner request is throttled on its own: an inner 429 (or 503/504 for a repeatable request) is sent again in a later
// envelope after its own Retry-After, with the requests that failed only because they depended on it (424). Inner
// retries share the client's retry policy; what still fails is returned as is, never dropped.
import { AppError } from '../../lib/errors.js';
import { GraphError, graphErrorFields } from './graph-error.js';
import type { GraphClient, HttpMethod } from './http.js';
import { IDEMPOTENT_METHODS, retryAfterSeconds, retryKindFor } from './retry-policy.js';
import { routeTemplateOf } from './route-template.js';

export const MAX_BATCH_REQUESTS = 20;

export interface BatchRequest {
  /** Unique in the call. */
  id: string;
  method: HttpMethod;
  /** Relative to /v1.0, with its query: `/users?$filter=…`. */
  url: string;
  headers?: Readonly<Record<string, string>>;
  body?: unknown;
  /** Ids of requests in this call that must succeed first; they are kept in the same envelope. */
  dependsOn?: readonly string[];
}

export interface BatchResult {
  id: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface BatchOptions {
  limiterKey?: string;
  signal?: AbortSignal;
}

function batchError(message: string): AppError {
  return new AppError(`Invalid Graph batch: ${message}`, { code: 'graph.batch_invalid' });
}

/** Groups requests linked by dependsOn (they must travel together), then packs groups into envelopes of ≤ 20. */
export function packEnvelopes(requests: readonly BatchRequest[]): BatchRequest[][] {
  const byId = new Map(requests.map((r) => [r.id, r]));
  if (byId.size !== requests.length) throw batchError('request ids must be unique');
  const parent = new Map(requests.map((r) => [r.id, r.id]));
  const root = (id: string): string => {
    const up = parent.get(id) ?? id;
    return up === id ? id : root(up);
  };
  for (const request of requests) {
    for (const dependency of request.dependsOn ?? []) {
      if (!byId.has(dependency)) throw batchError(`'${request.id}' depends on unknown '${dependency}'`);
      parent.set(root(request.id), root(dependency));
    }
  }
  const groups = new Map<string, BatchRequest[]>();
  for (const request of requests) groups.set(root(request.id), [...(groups.get(root(request.id)) ?? []), request]);
  const envelopes: BatchRequest[][] = [];
  for (const group of groups.values()) {
    if (group.length > MAX_BATCH_REQUESTS) {
      throw batchError(`${group.length} requests depend on each other; at most ${MAX_BATCH_REQUESTS} fit in a batch`);
    }
    const target = envelopes.find((envelope) => envelope.length + group.length <= MAX_BATCH_REQUESTS);
    if (target) target.push(...group);
    else envelopes.push([...group]);
  }
  return envelopes;
}

function wireRequest(request: BatchRequest) {
  const headers: Record<string, string> = { ...request.headers };
  if (request.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    headers['Content-Type'] = 'application/json';
  }
  const dependsOn = request.dependsOn ?? [];
  return {
    id: request.id,
    method: request.method,
    url: request.url.startsWith('/') ? request.url : `/${request.url}`,
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    ...(request.body !== undefined ? { body: request.body } : {}),
    ...(dependsOn.length > 0 ? { dependsOn } : {}),
  };
}

function resultsOf(body: unknown): BatchResult[] {
  const responses = typeof body === 'object' && body !== null && 'responses' in body ? body.responses : undefined;
  if (!Array.isArray(responses))
    throw new AppError('Microsoft Graph answered a batch without responses.', { code: 'graph.unexpected_answer' });
  return responses.map((raw: unknown): BatchResult => {
    const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    const headers: Record<string, string> = {};
    if (typeof r.headers === 'object' && r.headers !== null) {
      for (const [name, value] of Object.entries(r.headers))
        if (typeof value === 'string') headers[name.toLowerCase()] = value;
    }
    return { id: String(r.id), status: Number(r.status), headers, body: r.body };
  });
}

/** A 424 is retried only when what it waited for is retried too (transitively); otherwise its answer stands. */
function dropStandingFailedDependencies(
  retry: Map<string, number | undefined>,
  byId: ReadonlyMap<string, BatchRequest>,
  results: ReadonlyMap<string, BatchResult>,
): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const id of [...retry.keys()]) {
      const dependsOn = byId.get(id)?.dependsOn ?? [];
      if (results.get(id)?.status === 424 && !dependsOn.some((d) => retry.has(d))) {
        retry.delete(id);
        changed = true;
      }
    }
  }
}

/** Sends the requests in envelopes; inner throttling is retried per the client's policy. */
export async function runBatch(
  client: GraphClient,
  requests: readonly BatchRequest[],
  options: BatchOptions,
): Promise<Map<string, BatchResult>> {
  const results = new Map<string, BatchResult>();
  const byId = new Map(requests.map((r) => [r.id, r]));
  let pending: BatchRequest[] = [...requests];
  const policy = client.retryPolicy;
  let waitedMs = 0;
  for (let round = 0; pending.length > 0; round += 1) {
    const retry = new Map<string, number | undefined>();
    for (const envelope of packEnvelopes(pending)) {
      const response = await client.request({
        method: 'POST',
        path: '/$batch',
        route: '/$batch',
        body: { requests: envelope.map(wireRequest) },
        // A batch of reads can be repeated safely; one holding a write cannot, blindly.
        retryNonIdempotent: envelope.every((r) => r.method === 'GET'),
        ...(options.limiterKey ? { limiterKey: options.limiterKey } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      for (const result of resultsOf(response.body)) {
        const request = byId.get(result.id);
        if (!request) continue;
        const repeatable = IDEMPOTENT_METHODS.has(request.method);
        const retriable = retryKindFor(result.status, repeatable) === 'wait' || result.status === 424;
        client.stats.record({
          method: request.method,
          route: routeTemplateOf(request.url),
          status: result.status,
          durationMs: 0,
          retried: retriable,
          inBatch: true,
        });
        results.set(result.id, result);
        if (retriable) retry.set(result.id, retryAfterSeconds(result.headers['retry-after']));
      }
    }
    dropStandingFailedDependencies(retry, byId, results);
    if (retry.size === 0 || round >= policy.maxRetries) break;
    const seconds = [...retry.values()].filter((s): s is number => s !== undefined);
    const wait =
      seconds.length > 0 ? Math.max(...seconds) * 1000 : Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** round);
    if (waitedMs + wait > policy.maxTotalWaitMs) break;
    waitedMs += wait;
    await client.wait(wait, options.signal);
    // Dependencies that succeeded are done: what is sent again depends only on what is sent again.
    pending = requests
      .filter((r) => retry.has(r.id))
      .map((r) => ({ ...r, dependsOn: (r.dependsOn ?? []).filter((d) => retry.has(d)) }));
  }
  return results;
}

/** The GraphError for an inner answer that the caller did not expect. */
export function batchResultError(method: HttpMethod, route: string, result: BatchResult): GraphError {
  return new GraphError({
    method,
    route,
    status: result.status,
    ...graphErrorFields(result.body),
    requestId: result.headers['request-id'] ?? null,
    retryAfterSeconds: retryAfterSeconds(result.headers['retry-after']),
  });
}
