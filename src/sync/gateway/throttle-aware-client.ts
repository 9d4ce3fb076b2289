// A GraphClient whose limiter key is the full ticket of each request (./request-tickets.ts): the resource layer keys
// requests by team or mailbox only, and the client's limiter hook (`GraphLimiter.run(key, task)`) sees nothing else,
// so the tenant-wide request classes, the directory's resource units and the inner requests of a `$batch` are added
// here, where every request passes (perform, getAll's pages and runBatch's envelopes all call `request`).
// `createSyncGraphClient` builds one with the documented limiter (./limiter/graph-rate-limiter.ts).
import {
  GraphClient,
  type GraphClientOptions,
  type GraphRequest,
  type GraphResponse,
} from '../../microsoft/graph/http.js';
import { GraphRateLimiter, type GraphRateLimiterOptions } from './limiter/graph-rate-limiter.js';
import { ticketFor } from './request-tickets.js';

export class ThrottleAwareGraphClient extends GraphClient {
  override request(request: GraphRequest): Promise<GraphResponse> {
    const limiterKey = ticketFor(
      { method: request.method ?? 'GET', path: request.path, query: request.query, body: request.body },
      request.limiterKey,
    );
    return super.request({ ...request, limiterKey });
  }
}

export interface SyncGraphClient {
  client: ThrottleAwareGraphClient;
  limiter: GraphRateLimiter;
}

/** The sync's Graph client: every exchange paced under Microsoft's documented limits. */
export function createSyncGraphClient(
  options: Omit<GraphClientOptions, 'limiter'> & { limits?: GraphRateLimiterOptions },
): SyncGraphClient {
  const { limits, ...clientOptions } = options;
  const limiter = new GraphRateLimiter(limits);
  return { client: new ThrottleAwareGraphClient({ ...clientOptions, limiter }), limiter };
}
