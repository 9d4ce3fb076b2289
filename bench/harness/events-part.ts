// The event sync's part of a scenario (issue 6, after the teams sync, as the cron table runs them): its plan priced
// with the events cost model (src/sync/events/schedule/event-cost.ts) — computed with the runner's own pure steps
// (select, plan) from the same inputs just before the run — then one real runEventsSync().
import type { Config } from '../../src/config/index.js';
import type { IntegrationDatabase } from '../../src/db/index.js';
import { elentraOnConnection } from '../../src/elentra/open-elentra.js';
import type { GraphLogger } from '../../src/microsoft/graph/http.js';
import type { Identity } from '../../src/microsoft/identity/index.js';
import { eventWindow } from '../../src/sync/events/event-window.js';
import { MAX_EVENTS_IN_FLIGHT } from '../../src/sync/events/io/apply-event-plan.js';
import { runEventsSync } from '../../src/sync/events/io/run-events-sync.js';
import { wireEventsSync } from '../../src/sync/events/io/wire-events-sync.js';
import { resolveOutlookTimeZone } from '../../src/sync/events/outlook-zone.js';
import { planEvents } from '../../src/sync/events/plan-events.js';
import { minimumRequests, throttleFloorSeconds } from '../../src/sync/events/schedule/event-cost.js';
import { selectEvents } from '../../src/sync/events/select-events.js';

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
  /** Seconds from the run's start: the roster read and selection done (planning starts), the first write answered. */
  phases: Record<string, number>;
}

export async function runEventsPart(input: {
  config: Config;
  database: IntegrationDatabase;
  identity: Identity;
  logger: GraphLogger;
  latencySeconds: number;
  /** Tuning (bench `--events-in-flight`): operations in flight and the client's exchange bound. */
  inFlight?: number;
  /** The client paces to no documented limit (S4's apply against an emulator with its limits off). */
  noLimits?: boolean;
}): Promise<EventsPart> {
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
          limits: input.noLimits ? { maxConcurrent: inFlight, rules: () => undefined } : { maxConcurrent: inFlight },
        }
      : {}),
  });
  // The plan the run is about to make, priced: the same steps as runEventsSync, from the same inputs.
  const now = deps.now();
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
    rows: await deps.store.listRows(null),
    window,
    meeting: { entradaUrl: deps.settings.entradaUrl, outlookTimeZone, onlineMeetings: deps.settings.onlineMeetings },
    site: deps.settings.site,
  });
  const cost = minimumRequests(plan.operations);
  const floorSeconds = throttleFloorSeconds(plan.operations, { latencySeconds: input.latencySeconds });

  const started = performance.now();
  const phases: Record<string, number> = {};
  const mark = (name: string) => {
    phases[name] ??= (performance.now() - started) / 1000;
  };
  const report = await runEventsSync(deps, {
    dryRun: false,
    onProgress: (progress) => mark(progress.phase === 'plan' ? 'rosterReadSeconds' : 'firstAppliedSeconds'),
  });
  const wallSeconds = (performance.now() - started) / 1000;
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
  };
}
