// `POST /$batch` (json-batching.md, GRAPH-FACTS §7): at most 20 requests with unique ids and relative urls; a body
// needs a `Content-Type` header; `dependsOn` orders requests and a failed dependency answers 424; responses come back
// in any order (the emulator shuffles them, seeded). Each inner request runs through the whole pipeline — token,
// scopes, throttling, faults — so an inner request can be 429 with `Retry-After` in its own headers while the batch is
// 200. Like Outlook, at most 4 inner requests run at once. A malformed batch fails as a whole with 400.

import type { FaultRule } from '../behaviour/index.js';
import { createPrng, deriveSeed } from '../behaviour/prng.js';
import type { EmulatorContext } from '../context.js';
import { errorBody, type GraphError, graphError } from './errors.js';
import { bodyObject, type GraphRequest, type GraphResponse, json } from './http.js';
import { runGraphRequest } from './pipeline.js';
import { normalizePath, type Route, type Router } from './router.js';
import { SCOPES } from './scopes.js';

export const MAX_BATCH_REQUESTS = 20;
/** "By default, the service executes up to 4 requests in parallel" (throttling-limits.md, Outlook and JSON batching). */
const BATCH_PARALLELISM = 4;

interface BatchStep {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

function malformed(detail: string): GraphError {
  return graphError('batchMalformed', { detail });
}

function parseSteps(body: Record<string, unknown> | null): BatchStep[] {
  const requests = body?.requests;
  if (!Array.isArray(requests)) throw malformed("the body must have a 'requests' array");
  if (requests.length === 0) throw malformed('a batch needs at least one request');
  if (requests.length > MAX_BATCH_REQUESTS) throw graphError('batchTooManyRequests');
  const steps = requests.map((raw, index): BatchStep => {
    const r = raw as Record<string, unknown> | null;
    if (!r || typeof r !== 'object') throw malformed(`request ${index} is not an object`);
    const id = typeof r.id === 'string' || typeof r.id === 'number' ? String(r.id) : '';
    if (!id) throw malformed(`request ${index} has no id`);
    if (typeof r.method !== 'string' || !/^(GET|POST|PUT|PATCH|DELETE)$/i.test(r.method))
      throw malformed(`request '${id}' has no valid method`);
    if (typeof r.url !== 'string' || r.url === '') throw malformed(`request '${id}' has no url`);
    if (/^[a-z]+:\/\//i.test(r.url)) throw malformed(`request '${id}': only relative urls are allowed`);
    const headers: Record<string, string> = {};
    if (r.headers !== undefined) {
      if (typeof r.headers !== 'object' || r.headers === null) throw malformed(`request '${id}' has invalid headers`);
      for (const [k, v] of Object.entries(r.headers)) if (typeof v === 'string') headers[k.toLowerCase()] = v;
    }
    if (r.body !== undefined && !headers['content-type'])
      throw malformed(`request '${id}' has a body but no Content-Type header`);
    const dependsOn = r.dependsOn === undefined ? [] : r.dependsOn;
    if (!Array.isArray(dependsOn) || dependsOn.some((d) => typeof d !== 'string' && typeof d !== 'number'))
      throw malformed(`request '${id}' has an invalid dependsOn`);
    return { id, method: r.method.toUpperCase(), url: r.url, headers, body: r.body, dependsOn: dependsOn.map(String) };
  });
  const ids = new Set<string>();
  for (const step of steps) {
    if (ids.has(step.id)) throw malformed(`duplicate request id '${step.id}'`);
    ids.add(step.id);
  }
  for (const step of steps) {
    for (const dep of step.dependsOn)
      if (!ids.has(dep) || dep === step.id) throw malformed(`request '${step.id}' depends on unknown request '${dep}'`);
  }
  assertAcyclic(steps);
  return steps;
}

function assertAcyclic(steps: BatchStep[]): void {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') throw malformed(`dependsOn forms a cycle at '${id}'`);
    state.set(id, 'visiting');
    for (const dep of byId.get(id)?.dependsOn ?? []) visit(dep);
    state.set(id, 'done');
  };
  for (const s of steps) visit(s.id);
}

export interface BatchOutcome {
  response: GraphResponse;
  /** A connection-level fault fired inside the batch: the whole batch connection is dropped. */
  drop: FaultRule | null;
}

export async function runBatch(
  ctx: EmulatorContext,
  router: Router,
  outer: GraphRequest,
  batchSeq: number,
): Promise<BatchOutcome> {
  const steps = parseSteps(bodyObject(outer));
  const results = new Map<string, { status: number; headers: Record<string, string>; body?: unknown }>();
  const done = new Map<string, Promise<void>>();
  let drop: FaultRule | null = null;
  let running = 0;
  const waiting: Array<() => void> = [];
  const slot = async (): Promise<void> => {
    if (running < BATCH_PARALLELISM) {
      running += 1;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
  };
  const freeSlot = (): void => {
    running -= 1;
    waiting.shift()?.();
  };

  const run = (step: BatchStep): Promise<void> => {
    const existing = done.get(step.id);
    if (existing) return existing;
    const promise = (async () => {
      await Promise.all(step.dependsOn.map((dep) => run(steps.find((s) => s.id === dep) as BatchStep)));
      const failedDep = step.dependsOn.find((dep) => {
        const status = results.get(dep)?.status ?? 0;
        return status < 200 || status >= 300;
      });
      if (failedDep !== undefined) {
        const e = graphError('failedDependency', { id: failedDep });
        results.set(step.id, { status: 424, headers: {}, body: errorBody(e.code, e.message, '', '', ctx.now()) });
        return;
      }
      await slot();
      try {
        const [rawPath, rawQuery = ''] = splitUrl(step.url);
        const result = await runGraphRequest(
          ctx,
          router,
          {
            method: step.method,
            path: normalizePath(rawPath.replace(/^\/?(v1\.0\/)?/, '/')),
            query: new URLSearchParams(rawQuery),
            headers: {
              ...step.headers,
              ...(outer.headers.authorization ? { authorization: outer.headers.authorization } : {}),
            },
            body: step.body,
            inner: { batchSeq, id: step.id },
          },
          { topLevel: false },
        );
        if (result.drop && !drop) drop = result.drop;
        results.set(step.id, {
          status: result.response.status,
          headers: result.response.headers,
          body: result.response.body,
        });
      } finally {
        freeSlot();
      }
    })();
    done.set(step.id, promise);
    return promise;
  };
  await Promise.all(steps.map(run));

  const prng = createPrng(deriveSeed(ctx.options.seed, `batch-${batchSeq}`));
  const order = steps.map((s) => ({ id: s.id, key: prng.next() })).sort((a, b) => a.key - b.key);
  const responses = order.map(({ id }) => {
    const r = results.get(id) ?? { status: 500, headers: {} };
    return { id, status: r.status, headers: r.headers, ...(r.body !== undefined ? { body: r.body } : {}) };
  });
  return { response: json(200, { responses }), drop };
}

function splitUrl(url: string): [string, string] {
  const q = url.indexOf('?');
  return q === -1 ? [url, ''] : [url.slice(0, q), url.slice(q + 1)];
}

/** The `$batch` route; the router is passed in because inner requests are routed through it. */
export function batchRoute(router: Router): Route {
  return {
    method: 'POST',
    pattern: '/$batch',
    scopes: SCOPES.none,
    throttle: () => ({ service: 'none' }),
    handler: async (rc) => {
      const outcome = await runBatch(rc.ctx, router, rc.req, rc.req.seq ?? 0);
      return outcome.drop ? { ...outcome.response, drop: outcome.drop } : outcome.response;
    },
  };
}
