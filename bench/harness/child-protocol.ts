// What the benchmark's parent (run-bench.ts) and its per-scenario child (scenario-child.ts) exchange, as files: the
// parent writes a ChildInput, the child writes a ChildResult. A child per scenario so that its peak RSS and CPU time
// are the sync's alone (the emulator runs in the parent).

import type { TestAppRegistration } from '../../src/microsoft/testing/identity-fixture.js';
import type { ObservationWork, RequestCount, ThrottleFloor } from '../../src/sync/cost/index.js';
import type { EventsPart } from './events-part.js';

export interface ChildInput {
  /** `sync`: one real runTeamsSync against the emulator; `plan`: read the Roster and plan a first run, no Graph. */
  mode: 'sync' | 'plan';
  scenario: string;
  databaseUrl: string;
  appKey: string;
  registration: TestAppRegistration;
  /** `plan` mode: what to plan (scenario-child.ts runPlan). */
  planWhat?: 'teams' | 'teams-with-events' | 'events';
  /** `plan` mode: the tenant seed, standing in for the directory's answers to the user look-ups. */
  seedPath?: string;
  /** `sync` mode: run the event sync too, started with the teams sync and alongside it (as the scheduler does). */
  events: boolean;
  /** The emulator's latency, for the events floor (its model counts round trips). */
  latencySeconds: number;
  /** Event operations in flight across mailboxes, and the events client's exchange bound (defaults when absent). */
  eventsInFlight?: number;
  /** Offerings applied at once (the runner's default when absent). */
  concurrency?: number;
  /**
   * `off`: the sync's own client paces to no documented limit (S4's apply with the emulator's limits off), so the run
   * measures our throughput rather than Microsoft's limits. Default `documented`, as in production.
   */
  clientLimits?: 'documented' | 'off';
  outFile: string;
}

export interface RetryCheck {
  /** 429s answered to requests of our own (not inside a `$batch`). */
  throttled: number;
  /** Of those, retried no sooner than Retry-After said. */
  waitedCorrectly: number;
  /** Retried sooner than Retry-After said (a target failure). */
  waitedTooShort: number;
  /** Not retried (the retry budget ran out: the error was reported on the offering). */
  notRetried: number;
  /** 429s inside `$batch` envelopes (the batch runner re-sends them after the largest Retry-After of the round). */
  throttledInBatches: number;
}

export interface ChildResult {
  scenario: string;
  mode: ChildInput['mode'];
  ok: boolean;
  error: string | null;
  /** The sync's own wall time (wiring + run; teams then events), without Node's start-up. */
  wallSeconds: number;
  /** The teams sync alone. */
  teamsWallSeconds: number;
  /** The event sync's part; null when not run. */
  events: EventsPart | null;
  /** `plan` mode: reading the Roster, matching (from the seed) and planning, with the cost model. */
  planSeconds: number | null;
  phases: Record<string, number>;
  /** `sync` mode: per `METHOD route` (HTTP exchanges, `$batch` envelopes included), first and last answer, in seconds. */
  routeTimes?: Record<string, [number, number]>;
  peakRssBytes: number;
  cpuSeconds: number;
  runStatus: string | null;
  planCounts: Record<string, number>;
  offeringsByStatus: Record<string, number>;
  unmatchedPeople: number;
  observation: ObservationWork;
  minimum: RequestCount;
  floor: ThrottleFloor;
  /** The client's own counters: HTTP exchanges (`$batch` envelopes included) and requests inside envelopes. */
  clientExchanges: number;
  clientBatched: number;
  retries: RetryCheck;
}
