// Test support for the Graph endpoint tests (test/graph-*.test.ts) and later the sync's: a movable clock to hand to
// the emulator (`startEmulator({ now: clock.now })`) and to the endpoint modules as `sleep`, so Microsoft's real
// waits (10 s replication retries, 30 s between operation polls) cost no time; and a small client of the emulator's
// control API over HTTP (faults, timing, request log, state). Never used by the product; imports nothing from
// emulator/ (they meet over HTTP, like src/microsoft/testing/identity-fixture.ts).
import type { Sleep } from '../team-operation.js';

export class TestClock {
  #offsetMs = 0;

  /** The emulator's clock: real time plus everything slept so far. */
  readonly now = (): number => Date.now() + this.#offsetMs;

  /** Waits by moving the clock: resolves at once. */
  readonly sleep: Sleep = async (ms) => {
    this.#offsetMs += ms;
  };

  get sleptMs(): number {
    return this.#offsetMs;
  }
}

export interface LoggedRequest {
  seq: number;
  at: string;
  method: string;
  path: string;
  route: string;
  status: number | null;
  batch?: { seq: number; id: string };
  fault?: string;
}

export interface FaultRule {
  route: string;
  method?: string;
  kind: 'status' | 'reset' | 'timeout' | 'lost-response' | 'failed-operation' | 'meeting-missing';
  status?: number;
  code?: string;
  message?: string;
  retryAfterSeconds?: number;
  count?: number;
  nth?: number;
}

export class EmulatorControl {
  constructor(readonly controlUrl: string) {}

  async call(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
    const init: RequestInit =
      body === undefined
        ? { method }
        : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
    const response = await fetch(`${this.controlUrl}${path}`, init);
    if (!response.ok) throw new Error(`control ${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  }

  async fault(rule: FaultRule): Promise<void> {
    await this.call('POST', '/faults', rule);
  }

  async clearFaults(): Promise<void> {
    await this.call('DELETE', '/faults');
  }

  async timing(timing: { teamOperationMs?: number; replicationDelayMs?: number }): Promise<void> {
    await this.call('POST', '/timing', timing);
  }

  async requestsSince(seq: number): Promise<LoggedRequest[]> {
    return ((await this.call('GET', `/requests?since=${seq}`)) as { requests: LoggedRequest[] }).requests;
  }

  async lastSeq(): Promise<number> {
    return (await this.requestsSince(0)).at(-1)?.seq ?? 0;
  }

  /** Graph requests logged after `seq` on a route pattern such as `/v1.0/teams/{teamId}/members/add`. */
  async requestsTo(seq: number, method: string, route: string): Promise<LoggedRequest[]> {
    return (await this.requestsSince(seq)).filter((r) => r.method === method && r.route === route);
  }

  async state(): Promise<{
    teams: Array<{
      id: string;
      mailNickname: string;
      archived: boolean;
      members: Array<{ userId: string; roles: string[] }>;
      events: Array<{ id: string; transactionId: string | null }>;
    }>;
    groups: Array<{ id: string; mailNickname: string; team: string | null }>;
  }> {
    return (await this.call('GET', '/state')) as Awaited<ReturnType<EmulatorControl['state']>>;
  }
}
