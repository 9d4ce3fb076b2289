// Reading the emulator's request log the way the sync's tests count: Graph requests only (no identity platform, no
// `$batch` envelope — its inner requests are logged on their own), split into reads and writes, by route.
import type { LoggedRequest } from '../../src/microsoft/graph/testing/emulator-control.js';

export interface RequestTally {
  reads: number;
  writes: number;
  /** `METHOD /v1.0/route/{pattern}` → count. */
  writesByRoute: Record<string, number>;
  readsByRoute: Record<string, number>;
}

export function isGraph(request: LoggedRequest): boolean {
  return request.path.startsWith('/v1.0/') && !request.route.endsWith('/$batch');
}

export function tally(requests: readonly LoggedRequest[]): RequestTally {
  const result: RequestTally = { reads: 0, writes: 0, writesByRoute: {}, readsByRoute: {} };
  for (const request of requests.filter(isGraph)) {
    const key = `${request.method} ${request.route}`;
    if (request.method === 'GET') {
      result.reads += 1;
      result.readsByRoute[key] = (result.readsByRoute[key] ?? 0) + 1;
    } else {
      result.writes += 1;
      result.writesByRoute[key] = (result.writesByRoute[key] ?? 0) + 1;
    }
  }
  return result;
}
