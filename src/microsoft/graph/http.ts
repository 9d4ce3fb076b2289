// The one door to Microsoft Graph (Canvas's `http` layer): base URL MS_GRAPH_URL + /v1.0, bearer tokens from an
// injected provider (401 → one refresh and one retry), JSON in and out, `@odata.nextLink` paging, `$batch`
// (./batch.ts), Retry-After and capped backoff (./retry-policy.ts), a timeout per request, one log line per HTTP
// exchange (never the Authorization header, the query or a body), counters by route (./request-stats.ts) and a
// limiter hook keyed by the caller (per team, per mailbox). It knows nothing of Elentra or the sync; the endpoint
// modules beside it (users.ts, me.ts, …) know the endpoints and their expected answers.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { request as undiciRequest } from 'undici';
import { AppError } from '../../lib/errors.js';
import { type BatchOptions, type BatchRequest, type BatchResult, runBatch } from './batch.js';
import { GraphError, GraphNetworkError, graphErrorFields } from './graph-error.js';
import { type QueryValue, queryString } from './odata.js';
import { RequestStats } from './request-stats.js';
import {
  DEFAULT_RETRY_POLICY,
  delayMs,
  IDEMPOTENT_METHODS,
  type RetryPolicy,
  retryAfterSeconds,
  retryKindFor,
} from './retry-policy.js';
import { routeTemplateOf } from './route-template.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** pino's shape, so a pino logger fits as is. */
export interface GraphLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

/** Runs one HTTP exchange under the caller's limits (e.g. 4 rps per team, 4 concurrent per mailbox). */
export interface GraphLimiter {
  run<T>(key: string | undefined, task: () => Promise<T>): Promise<T>;
}

/** identity's getAccessToken: with `rejectedToken`, never return that token again. */
export type AccessTokenProvider = (options?: { rejectedToken?: string }) => Promise<string>;

export interface GraphClientOptions {
  /** MS_GRAPH_URL, e.g. https://graph.microsoft.com (no /v1.0, no trailing slash). */
  graphUrl: string;
  getAccessToken: AccessTokenProvider;
  logger?: GraphLogger;
  limiter?: GraphLimiter;
  retry?: Partial<RetryPolicy>;
  /** Per HTTP exchange; default 60 s. */
  timeoutMs?: number;
  /** For backoff jitter; tests make it deterministic. */
  random?: () => number;
}

export interface GraphRequest {
  method?: HttpMethod;
  /** Relative to /v1.0 (`/users`), or an absolute `@odata.nextLink` on the configured Graph host. */
  path: string;
  query?: Readonly<Record<string, QueryValue>>;
  body?: unknown;
  headers?: Readonly<Record<string, string>>;
  /** Route template for logs and counters; derived from `path` when absent. */
  route?: string;
  /** Passed to the limiter: e.g. `team:{id}`, `mailbox:{groupId}`. */
  limiterKey?: string;
  /** Retry this POST on 5xx / lost connections too: only for requests that are safe to repeat. */
  retryNonIdempotent?: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface GraphResponse {
  status: number;
  /** By lower-case name; a repeated header's values joined with ", " (RFC 9110). */
  headers: Readonly<Record<string, string>>;
  /** Parsed JSON, the text of a non-JSON answer, or undefined when empty. */
  body: unknown;
  requestId: string | null;
}

export interface GraphPage {
  value: unknown[];
  nextLink: string | undefined;
  deltaLink: string | undefined;
}

const DEFAULT_TIMEOUT_MS = 60_000;
export const GRAPH_VERSION_PATH = '/v1.0';

type Exchange = { status: number; headers: Record<string, string>; body: unknown; durationMs: number };

function readBody(text: string, headers: Readonly<Record<string, string>>): unknown {
  if (text === '') return undefined;
  if (!(headers['content-type'] ?? '').includes('json')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export class GraphClient {
  readonly stats = new RequestStats();
  /** MS_GRAPH_URL + /v1.0. */
  readonly baseUrl: string;
  readonly retryPolicy: RetryPolicy;
  readonly #origin: string;
  readonly #options: GraphClientOptions;

  constructor(options: GraphClientOptions) {
    this.#options = options;
    this.baseUrl = `${options.graphUrl.replace(/\/+$/, '')}${GRAPH_VERSION_PATH}`;
    this.#origin = new URL(this.baseUrl).origin;
    this.retryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  }

  /** The absolute URL of a path; an absolute link must point at the configured Graph host (tokens go there). */
  urlFor(path: string, query?: GraphRequest['query']): string {
    if (/^https?:\/\//i.test(path)) {
      const url = new URL(path);
      if (url.origin !== this.#origin || !url.pathname.startsWith(`${GRAPH_VERSION_PATH}/`)) {
        throw new AppError(`Microsoft Graph sent a link to another address (${url.origin}); it was not followed.`, {
          code: 'graph.foreign_link',
          docs: 'graph-errors',
        });
      }
      return url.toString() + (query ? queryString(query).replace(/^\?/, url.search ? '&' : '?') : '');
    }
    return `${this.baseUrl}${path.startsWith('/') ? path : `/${path}`}${queryString(query)}`;
  }

  /** Sends one request with retries; resolves with a 2xx/3xx answer, throws GraphError / GraphNetworkError. */
  async request(request: GraphRequest): Promise<GraphResponse> {
    const method = request.method ?? 'GET';
    const route = request.route ?? routeTemplateOf(request.path);
    const url = this.urlFor(request.path, request.query);
    const repeatable = IDEMPOTENT_METHODS.has(method) || request.retryNonIdempotent === true;
    const clientRequestId = randomUUID();
    let token = await this.#options.getAccessToken();
    let refreshedAfter401 = false;
    let immediateRetryUsed = false;
    let waits = 0;
    let waitedMs = 0;
    for (let attempt = 1; ; attempt += 1) {
      const context = { method, route, attempt, clientRequestId, limiterKey: request.limiterKey };
      let exchange: Exchange;
      try {
        exchange = await this.#exchange(request, method, url, token, clientRequestId);
      } catch (error) {
        if (request.signal?.aborted) throw error;
        const retry = repeatable && !immediateRetryUsed;
        this.stats.record({ method, route, status: null, durationMs: 0, retried: retry });
        this.#options.logger?.warn({ ...context, error: String(error) }, 'graph request failed without an answer');
        if (retry) {
          immediateRetryUsed = true;
          continue;
        }
        throw new GraphNetworkError(method, route, error, error instanceof Error && error.name === 'TimeoutError');
      }
      const { status, headers, body, durationMs } = exchange;
      const requestId = headers['request-id'] ?? null;
      const retryAfter = retryAfterSeconds(headers['retry-after'] ?? null);

      let next: 'done' | 'refresh' | 'now' | number = 'done';
      if (status === 401 && !refreshedAfter401) next = 'refresh';
      else if (status >= 400) {
        const kind = retryKindFor(status, repeatable);
        if (kind === 'immediate' && !immediateRetryUsed) next = 'now';
        if (kind === 'wait' && waits < this.retryPolicy.maxRetries) {
          const wait = delayMs(this.retryPolicy, waits, retryAfter, this.#options.random);
          if (waitedMs + wait <= this.retryPolicy.maxTotalWaitMs) next = wait;
        }
      }
      const retried = next !== 'done';
      this.stats.record({ method, route, status, durationMs, retried });
      const level = status >= 400 ? 'warn' : 'info';
      this.#options.logger?.[level]({ ...context, status, durationMs, requestId, retryAfter }, 'graph request');

      if (status < 400) return { status, headers, body, requestId };
      if (next === 'done') {
        throw new GraphError({
          method,
          route,
          status,
          ...graphErrorFields(body),
          requestId,
          retryAfterSeconds: retryAfter,
        });
      }
      if (next === 'refresh') {
        refreshedAfter401 = true;
        token = await this.#options.getAccessToken({ rejectedToken: token });
      } else if (next === 'now') {
        immediateRetryUsed = true;
      } else {
        waits += 1;
        waitedMs += next;
        await sleep(next, undefined, request.signal ? { signal: request.signal } : undefined);
      }
    }
  }

  /** One page after another, following `@odata.nextLink` whole (never built or parsed, GRAPH-FACTS §9). */
  async *pages(request: GraphRequest): AsyncGenerator<GraphPage> {
    const route = request.route ?? routeTemplateOf(request.path);
    let next: GraphRequest | undefined = { ...request, method: 'GET', route };
    while (next) {
      const { body } = await this.request(next);
      const page = pageOf(body, route);
      yield page;
      next =
        page.nextLink === undefined
          ? undefined
          : { ...request, method: 'GET', route, path: page.nextLink, query: undefined };
    }
  }

  /** Every item of every page, and the delta link of the last page (for `/delta` requests). */
  async getAll(request: GraphRequest): Promise<{ items: unknown[]; deltaLink: string | undefined }> {
    const items: unknown[] = [];
    let deltaLink: string | undefined;
    for await (const page of this.pages(request)) {
      items.push(...page.value);
      deltaLink = page.deltaLink ?? deltaLink;
    }
    return { items, deltaLink };
  }

  /** `POST /$batch` in envelopes of ≤ 20 with inner retries; see ./batch.ts. Every id gets a result. */
  batch(requests: readonly BatchRequest[], options: BatchOptions = {}): Promise<Map<string, BatchResult>> {
    return runBatch(this, requests, options);
  }

  /** Waits for a batch retry; shared with ./batch.ts so the same signal rules apply. */
  async wait(ms: number, signal?: AbortSignal): Promise<void> {
    await sleep(ms, undefined, signal ? { signal } : undefined);
  }

  async #exchange(
    request: GraphRequest,
    method: HttpMethod,
    url: string,
    token: string,
    clientRequestId: string,
  ): Promise<Exchange> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...request.headers,
      authorization: `Bearer ${token}`,
      'client-request-id': clientRequestId,
    };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const timeout = AbortSignal.timeout(request.timeoutMs ?? this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
    // undici's request rather than fetch: the same HTTP client without the WHATWG streams, a quarter of fetch's CPU
    // per exchange (4,000 meeting creates: ~0.7 s against ~3 s on one core). A timeout still rejects with a
    // TimeoutError; a failed connection with undici's own error, logged and wrapped as a GraphNetworkError.
    const run = async (): Promise<Exchange> => {
      const started = performance.now();
      const answer = await undiciRequest(url, {
        method,
        headers,
        body: request.body === undefined ? null : JSON.stringify(request.body),
        signal,
      });
      const answerHeaders = headersOf(answer.headers);
      const body = readBody(await answer.body.text(), answerHeaders);
      return {
        status: answer.statusCode,
        headers: answerHeaders,
        body,
        durationMs: Math.round(performance.now() - started),
      };
    };
    return this.#options.limiter ? this.#options.limiter.run(request.limiterKey, run) : run();
  }
}

/** undici's answer headers (lower-case names already) as plain strings; a WHATWG Headers costs more than the rest. */
function headersOf(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function pageOf(body: unknown, route: string): GraphPage {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  if (!Array.isArray(record.value)) {
    throw new AppError(`Microsoft Graph answered ${route} without a list of values.`, {
      code: 'graph.unexpected_answer',
    });
  }
  const link = (name: string) => (typeof record[name] === 'string' ? (record[name] as string) : undefined);
  return { value: record.value, nextLink: link('@odata.nextLink'), deltaLink: link('@odata.deltaLink') };
}
