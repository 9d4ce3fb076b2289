// The event sync's part of a scenario: one real runEventsSync() started with the teams sync, alongside it, as the
// scheduler starts the two when both are due (src/sync/events/io/teams-alongside.ts), and its plan priced with the
// events cost model (src/sync/events/schedule/event-cost.ts): the plan a run after the teams sync would make — the
// runner's own pure steps (select, plan) over the teams at the end and the ms_events rows at the start.
import type { Config } from '../../src/config/index.js';
import type { IntegrationDatabase } from '../../src/db/index.js';
import { elentraOnConnection } from '../../src/elentra/open-elentra.js';
import type { GraphLogger } from '../../src/microsoft/graph/http.js';
import type { Identity } from '../../src/microsoft/identity/index.js';
import type { ObservedEventRow } from '../../src/sync/events/event-rows.js';
import { eventWindow } from '../../src/sync/events/event-window.js';
import { MAX_EVENTS_IN_FLIGHT } from '../../src/sync/events/io/apply-event-plan.js';
import type { EventsRunDeps } from '../../src/sync/events/io/events-run-types.js';
import { runEventsSync } from '../../src/sync/events/io/run-events-sync.js';
import { teamsAlongside } from '../../src/sync/events/io/teams-alongside.js';
import { wireEventsSync } from '../../src/sync/events/io/wire-events-sync.js';
import { resolveOutlookTimeZone } from '../../src/sync/events/outlook-zone.js';
import { planEvents } from '../../src/sync/events/plan-events.js';
import { minimumRequests, throttleFloorSeconds } from '../../src/sync/events/schedule/event-cost.js';
import { selectEvents } from '../../src/sync/events/select-events.js';
import type { GraphRateLimiterOptions } from '../../src/sync/gateway/limiter/graph-rate-limiter.js';

export interface EventsPart {
  wallSeconds: number;
  /** Graph operations the plan needs at the least (inner requests of a `$batch` one by one). */
  minimumRequests: number;
  minimumWrites: number;
  floorSeconds: number;
  counts: Record<string, number>;
  status: string;
  error: string | null;
  /** Events with a join URL after the run (a Teams meeting). */
  meetings: number;
  clientExchanges: number;
  /** performance.now() when the run ended (the scenario's wall time ends with the later of the two syncs). */
  endedAtMs: number;
  /** Seconds from the run's start: the roster read and selection done (planning starts), the first write answered. */
  phases: Record<string, number>;
}

/**
 * A client limiter with no documented limit (no bucket has a rule): requests go as fast as the sync makes them, at most
 * `maxConcurrent` in flight. Only for measuring our own throughput against an emulator whose limits are off.
 */
export function clientLimitsOff(maxConcurrent: number): GraphRateLimiterOptions {
  return { rules: () => undefined, maxConcurrent };
}

export interface EventsPartInput {
  config: Config;
  database: IntegrationDatabase;
  identity: Identity;
  logger: GraphLogger;
  latencySeconds: number;
  /** Tuning (bench `--events-in-flight`): operations in flight and the client's exchange bound. */
  inFlight?: number;
  /** The client paces to no documented limit (S4's apply against an emulator with its limits off). */
  noLimits?: boolean;
}

/** What is ready before the two syncs start: the event sync wired, and the ms_events rows at the start (pricing). */
export interface PreparedEventsPart {
  input: EventsPartInput;
  deps: EventsRunDeps;
  rowsAtStart: ObservedEventRow[];
}

/** Wires the event sync and reads the rows before the teams sync starts, so the harness's own reads compete with
 * neither sync. */
export async function prepareEventsPart(input: EventsPartInput): Promise<PreparedEventsPart> {
  const inFlight = input.inFlight ?? (input.noLimits ? MAX_EVENTS_IN_FLIGHT : undefined);
  const deps = await wireEventsSync({
    config: input.config,
    database: input.database,
    elentra: elentraOnConnection(input.database),
    identity: input.identity,
    triggeredBy: 'cli',
    logger: input.logger,
    ...(inFlight
      ? {
          maxInFlight: inFlight,
          // No rules: no bucket is paced (the runner still keeps 4 operations per mailbox, its own design).
          limits: input.noLimits ? clientLimitsOff(inFlight) : { maxConcurrent: inFlight },
        }
      : {}),
  });
  return { input, deps, rowsAtStart: await deps.store.listRows(null) };
}

/** The event sync alongside `teamsRun` (the teams sync, started just before), then its plan priced. */
export async function runEventsPart(prepared: PreparedEventsPart, teamsRun: Promise<unknown>): Promise<EventsPart> {
  const { input, deps, rowsAtStart } = prepared;
  const now = deps.now();
  const started = performance.now();
  const phases: Record<string, number> = {};
  const mark = (name: string) => {
    phases[name] ??= (performance.now() - started) / 1000;
  };
  const report = await runEventsSync(deps, {
    dryRun: false,
    alongside: teamsAlongside(teamsRun),
    onProgress: (progress) => mark(progress.phase === 'plan' ? 'rosterReadSeconds' : 'firstAppliedSeconds'),
  });
  const endedAtMs = performance.now();

  // Priced after the run (not on its clock): what a run after the teams sync would plan, from the same inputs.
  const window = eventWindow(now, deps.settings.window);
  const roster = await deps.readRoster({ now, courseIds: null });
  const selection = selectEvents({
    offerings: roster.offerings,
    teams: await deps.teams(),
    deletedTeams: await deps.deletedTeams(),
    now,
    window,
    onlyOfferingAudience: deps.settings.onlyOfferingAudience,
    people: roster.people,
  });
  const outlookTimeZone = resolveOutlookTimeZone(await deps.storedOutlookTimeZone(), deps.settings.defaultTimeZone);
  const plan = planEvents({
    selection,
    rows: rowsAtStart,
    window,
    meeting: { entradaUrl: deps.settings.entradaUrl, outlookTimeZone, onlineMeetings: deps.settings.onlineMeetings },
    site: deps.settings.site,
  });
  const cost = minimumRequests(plan.operations);
  const floorSeconds = throttleFloorSeconds(plan.operations, { latencySeconds: input.latencySeconds });
  const wallSeconds = (endedAtMs - started) / 1000;
  const meetings = report.offerings.flatMap((o) => o.events).filter((e) => e.joinUrl !== null).length;
  return {
    wallSeconds,
    minimumRequests: cost.requests,
    minimumWrites: cost.writes,
    floorSeconds,
    counts: report.counts,
    status: report.status,
    error: report.error,
    meetings,
    clientExchanges: deps.graphRequests(),
    phases,
    endedAtMs,
  };
}
