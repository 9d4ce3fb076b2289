// The benchmark's setting for one fixture: the Microsoft 365 emulator in this process with the fixture's tenant, the
// documented limits and the chosen latency, the Microsoft account authorized through the real OAuth flow (tokens
// stored, encrypted, in the fixture's database), and the request log read back per scenario. The sync itself runs in
// a child process (scenario-child.ts) against these URLs.
import { randomBytes } from 'node:crypto';
import { type RunningEmulator, startEmulator } from '../../emulator/src/server.js';
import { completeAuthorization, createIdentity, startAuthorization } from '../../src/microsoft/identity/index.js';
import {
  followAuthorizeRedirect,
  openMigrated,
  type TestAppRegistration,
  testConfig,
} from '../../src/microsoft/testing/identity-fixture.js';
import { ADMIN_MAIL, BENCH_APP, type Fixture } from '../fixtures/generate-fixture.js';

export interface LoggedGraphRequest {
  seq: number;
  at: string;
  method: string;
  path: string;
  route: string;
  status: number | null;
  throttled: boolean;
  durationMs: number;
  batch?: { seq: number; id: string };
}

export interface BenchWorld {
  emulator: RunningEmulator;
  registration: TestAppRegistration;
  appKey: string;
  clearRequests(): Promise<void>;
  requests(): Promise<LoggedGraphRequest[]>;
  close(): Promise<void>;
}

export interface WorldOptions {
  latencyMs: number;
  limits: 'documented' | 'off';
}

async function control(world: RunningEmulator, method: 'GET' | 'DELETE', path: string): Promise<unknown> {
  const response = await fetch(`${world.controlUrl}${path}`, { method });
  if (!response.ok) throw new Error(`emulator ${method} ${path}: ${response.status}`);
  return response.json();
}

export async function openBenchWorld(fixture: Fixture, options: WorldOptions): Promise<BenchWorld> {
  // Replication delay and team operations at 0: the throttle floor leaves them out (src/sync/cost/cost-model.ts),
  // and a standard team is made synchronously (PUT /groups/{id}/team). Latency and limits are what is measured.
  const emulator = await startEmulator({
    seed: fixture.seed,
    autoConsent: true,
    latencyMs: options.latencyMs,
    graph: { limits: options.limits, teamOperationMs: 0, replicationDelayMs: 0 },
  });
  const registration: TestAppRegistration = {
    loginUrl: emulator.loginUrl,
    graphUrl: emulator.graphUrl,
    ...BENCH_APP,
  };
  const appKey = `base64:${randomBytes(32).toString('base64')}`;
  const config = testConfig(registration, fixture.databaseUrl, { APP_KEY: appKey });
  const database = await openMigrated(fixture.databaseUrl);
  try {
    const identity = createIdentity({ config, database });
    const started = await startAuthorization(identity, { sessionId: 'bench', loginHint: ADMIN_MAIL });
    const answer = await followAuthorizeRedirect(started.url);
    await completeAuthorization(identity, { answer, sessionId: 'bench', authorizedBy: 'bench' });
    // As an administrator does on the Microsoft Account page: the zone the meetings are written in.
    await identity.store.setOutlookTimeZone('Eastern Standard Time');
  } finally {
    await database.close();
  }
  return {
    emulator,
    registration,
    appKey,
    async clearRequests() {
      await control(emulator, 'DELETE', '/requests');
    },
    async requests() {
      const body = (await control(emulator, 'GET', '/requests')) as { requests: LoggedGraphRequest[] };
      return body.requests;
    },
    close: () => emulator.stop(),
  };
}

export interface RequestTally {
  /** Graph requests: every request under /v1.0 but the `$batch` envelopes (their inner requests are counted). */
  requests: number;
  reads: number;
  writes: number;
  throttled: number;
  /** Answers ≥ 400 other than 429, and requests without an answer. */
  failed: number;
  /** `$batch` envelopes (HTTP exchanges that carried inner requests). */
  batchEnvelopes: number;
  byRoute: Record<string, number>;
  writesByRoute: Record<string, number>;
}

export function tallyRequests(log: readonly LoggedGraphRequest[]): RequestTally {
  const tally: RequestTally = {
    requests: 0,
    reads: 0,
    writes: 0,
    throttled: 0,
    failed: 0,
    batchEnvelopes: 0,
    byRoute: {},
    writesByRoute: {},
  };
  for (const entry of log) {
    if (!entry.path.startsWith('/v1.0/')) continue;
    if (entry.route.endsWith('/$batch')) {
      tally.batchEnvelopes += 1;
      continue;
    }
    const key = `${entry.method} ${entry.route}`;
    tally.requests += 1;
    tally.byRoute[key] = (tally.byRoute[key] ?? 0) + 1;
    if (entry.throttled || entry.status === 429) tally.throttled += 1;
    else if (entry.status === null || entry.status >= 400) tally.failed += 1;
    if (entry.method === 'GET') tally.reads += 1;
    else {
      tally.writes += 1;
      tally.writesByRoute[key] = (tally.writesByRoute[key] ?? 0) + 1;
    }
  }
  return tally;
}
