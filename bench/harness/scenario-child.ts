// One benchmark scenario in its own process (run-bench.ts starts it): `node scenario-child.js INPUT.json`.
// - `sync`: wires the teams sync as the CLI does (src/sync/run/wire-sync.ts: Kysely store, throttle-aware Graph
//   client, the stored authorization) and runs it once against the emulator; then prices the run's plan and
//   observation with the cost model (src/sync/cost) and checks every 429 it got was retried after Retry-After.
// - `plan`: reads the Roster from the fixture and plans a first run (every team absent, every person matched from
//   the tenant seed instead of the directory), with the cost model: the planning cost at university scale (S4).
// Peak RSS and CPU time are this process's (`process.resourceUsage()`), taken as soon as the work is done.
import { readFileSync, writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import { openIntegrationDatabase } from '../../src/db/index.js';
import { elentraOnConnection } from '../../src/elentra/open-elentra.js';
import { readRoster } from '../../src/elentra/read-roster.js';
import type { Roster } from '../../src/elentra/roster/roster-types.js';
import type { GraphLogger } from '../../src/microsoft/graph/http.js';
import { createIdentity } from '../../src/microsoft/identity/index.js';
import { testConfig } from '../../src/microsoft/testing/identity-fixture.js';
import {
  minimumRequests,
  NO_OBSERVATION,
  type ObservationWork,
  planRequests,
  throttleFloor,
} from '../../src/sync/cost/index.js';
import { eventWindow } from '../../src/sync/events/event-window.js';
import { EVENT_SYNC_READ } from '../../src/sync/events/io/wire-events-sync.js';
import { resolveOutlookTimeZone } from '../../src/sync/events/outlook-zone.js';
import { planEvents } from '../../src/sync/events/plan-events.js';
import {
  minimumRequests as eventMinimumRequests,
  throttleFloorSeconds as eventThrottleFloor,
} from '../../src/sync/events/schedule/event-cost.js';
import { selectEvents } from '../../src/sync/events/select-events.js';
import { siteTag } from '../../src/sync/events/transaction-id.js';
import { GraphTeamsGateway } from '../../src/sync/gateway/graph-teams-gateway.js';
import type { ObservedOffering } from '../../src/sync/io/observed.js';
import { siteIdOf } from '../../src/sync/naming/mail-nickname.js';
import { candidateKeys, DEFAULT_MATCHING } from '../../src/sync/people/candidate-keys.js';
import { type DirectoryUserRef, lookupAnswers } from '../../src/sync/people/link-types.js';
import { resolveLinks } from '../../src/sync/people/resolve-links.js';
import { planCounts } from '../../src/sync/plan/plan-counts.js';
import { DEFAULT_PLAN_OPTIONS } from '../../src/sync/plan/plan-options.js';
import { planSync } from '../../src/sync/plan/plan-sync.js';
import type { Plan } from '../../src/sync/plan/plan-types.js';
import { runTeamsSync } from '../../src/sync/run/run-teams-sync.js';
import { wireTeamsSync } from '../../src/sync/run/wire-sync.js';
import type { ChildInput, ChildResult, RetryCheck } from './child-protocol.js';
import { clientLimitsOff, prepareEventsPart, runEventsPart } from './events-part.js';

const input = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as ChildInput;

function usage(): { peakRssBytes: number; cpuSeconds: number } {
  const used = process.resourceUsage();
  return { peakRssBytes: used.maxRSS * 1024, cpuSeconds: (used.userCPUTime + used.systemCPUTime) / 1e6 };
}

function tally(values: Iterable<string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const value of values) out[value] = (out[value] ?? 0) + 1;
  return out;
}

/** A GraphLogger that checks each retried 429 waited at least its Retry-After (the client logs every attempt). */
class RetryWatch implements GraphLogger {
  readonly check: RetryCheck = {
    throttled: 0,
    waitedCorrectly: 0,
    waitedTooShort: 0,
    notRetried: 0,
    throttledInBatches: 0,
  };
  readonly #pending = new Map<string, { atMs: number; retryAfterMs: number }>();

  info(fields: Record<string, unknown>, message: string): void {
    this.#see(fields, message);
  }

  warn(fields: Record<string, unknown>, message: string): void {
    this.#see(fields, message);
  }

  /** Per `METHOD route`: seconds since `startedAt` of its first and last answer (where a run spends its time). */
  readonly routeTimes: Record<string, [number, number]> = {};
  startedAt = Date.now();

  #see(fields: Record<string, unknown>, message: string): void {
    if (message !== 'graph request') return;
    const id = String(fields.clientRequestId ?? '');
    const now = Date.now();
    const key = `${String(fields.method)} ${String(fields.route)}`;
    const at = (now - this.startedAt) / 1000;
    const seen = this.routeTimes[key];
    if (seen) seen[1] = at;
    else this.routeTimes[key] = [at, at];
    const earlier = this.#pending.get(id);
    if (earlier) {
      this.#pending.delete(id);
      const sentAt = now - Number(fields.durationMs ?? 0);
      // 5 ms for the clocks' rounding (durationMs is rounded, timers fire late, never early).
      if (sentAt - earlier.atMs + 5 >= earlier.retryAfterMs) this.check.waitedCorrectly += 1;
      else this.check.waitedTooShort += 1;
    }
    if (fields.status === 429) {
      this.check.throttled += 1;
      const retryAfter = typeof fields.retryAfter === 'number' ? fields.retryAfter : 0;
      this.#pending.set(id, { atMs: now, retryAfterMs: retryAfter * 1000 });
    }
  }

  finish(): RetryCheck {
    return { ...this.check, notRetried: this.#pending.size };
  }
}

function emptyResult(): ChildResult {
  return {
    scenario: input.scenario,
    mode: input.mode,
    ok: false,
    error: null,
    wallSeconds: 0,
    teamsWallSeconds: 0,
    events: null,
    planSeconds: null,
    phases: {},
    peakRssBytes: 0,
    cpuSeconds: 0,
    runStatus: null,
    planCounts: {},
    offeringsByStatus: {},
    unmatchedPeople: 0,
    observation: NO_OBSERVATION,
    minimum: minimumRequests({ generatedAt: '', offerings: [] }),
    floor: throttleFloor([]),
    clientExchanges: 0,
    clientBatched: 0,
    retries: { throttled: 0, waitedCorrectly: 0, waitedTooShort: 0, notRetried: 0, throttledInBatches: 0 },
  };
}

function price(result: ChildResult, plan: Plan, observation: ObservationWork): void {
  result.observation = observation;
  result.minimum = minimumRequests(plan, observation);
  result.floor = throttleFloor(planRequests(plan, observation));
  result.planCounts = { ...planCounts(plan) };
}

async function runSync(result: ChildResult): Promise<void> {
  const config = testConfig(input.registration, input.databaseUrl, { APP_KEY: input.appKey });
  const database = await openIntegrationDatabase(input.databaseUrl);
  try {
    // The state observation starts from: which offerings have a team id, which are followed by delta.
    const before = await database.db
      .selectFrom('ms_teams')
      .select(['offering_key', 'team_id', 'delta_link', 'last_error'])
      .execute();
    const withTeam = new Set(before.filter((row) => row.team_id !== null).map((row) => row.offering_key));
    const listed = before.filter((row) => row.team_id !== null && (row.delta_link === null || row.last_error !== null));
    const runStartMs = Date.now();

    const watch = new RetryWatch();
    const identity = createIdentity({ config, database });
    // Off the clock: the event sync wired and the rows its plan is priced from read before either sync starts.
    const eventsPart = input.events
      ? await prepareEventsPart({
          config,
          database,
          identity,
          logger: watch,
          latencySeconds: input.latencySeconds,
          ...(input.eventsInFlight ? { inFlight: input.eventsInFlight } : {}),
          ...(input.clientLimits === 'off' ? { noLimits: true } : {}),
        })
      : null;
    const started = performance.now();
    watch.startedAt = Date.now();
    const elentra = elentraOnConnection(database);
    const deps = await wireTeamsSync({
      config,
      database,
      elentra,
      identity,
      triggeredBy: 'cli',
      logger: watch,
      ...(input.concurrency ? { concurrency: input.concurrency } : {}),
      ...(input.clientLimits === 'off' ? { limits: clientLimitsOff(64) } : {}),
    });
    const client = deps.gateway instanceof GraphTeamsGateway ? deps.gateway.client : null;
    // Phase marks from the runner's progress events: roster read (observe starts), first offering applied, record.
    const marks: Record<string, number> = { wiredSeconds: (performance.now() - started) / 1000 };
    const mark = (name: string) => {
      if (marks[name] === undefined) marks[name] = (performance.now() - started) / 1000;
    };
    const teamsRun = runTeamsSync(deps, {
      dryRun: false,
      force: false,
      onProgress: (progress) => {
        if (progress.phase === 'observe') mark('observeStartSeconds');
        else if (progress.phase === 'apply') mark('firstAppliedSeconds');
        else mark('recordStartSeconds');
      },
    });
    // The event sync starts with it, alongside, as the scheduler starts the two when both are due.
    const eventsRun = eventsPart ? runEventsPart(eventsPart, teamsRun) : null;
    // Settled now, so that a failed teams sync cannot leave the event sync's promise unhandled meanwhile.
    eventsRun?.catch(() => undefined);
    const report = await teamsRun;
    result.teamsWallSeconds = (performance.now() - started) / 1000;
    result.wallSeconds = result.teamsWallSeconds;
    result.phases = marks;
    result.routeTimes = watch.routeTimes;
    Object.assign(result, usage());

    const stats = client?.stats.snapshot();
    result.clientExchanges = stats?.total ?? 0;
    result.clientBatched = stats?.batchedTotal ?? 0;
    result.retries = watch.finish();
    result.retries.throttledInBatches = Object.values(stats?.batched ?? {}).reduce((sum, c) => sum + c.throttled, 0);
    result.runStatus = report.status;
    result.error = report.error;
    result.offeringsByStatus = tally(report.offerings.map((o) => o.status));
    result.unmatchedPeople = new Set(report.offerings.flatMap((o) => o.unmatched.map((p) => p.proxyId))).size;

    // What observation had to do, from the state before and after: the cost model's ObservationWork.
    const checked = await database.db
      .selectFrom('ms_user_links')
      .select(['matched_by', 'status'])
      .where('checked_at', '>=', runStartMs)
      .execute();
    const rulesTried = { email: 1, email_alt: 2, username: 3 } as const;
    const userLookupValues = checked.reduce(
      (sum, link) => sum + (link.status === 'matched' && link.matched_by ? rulesTried[link.matched_by] : 1),
      0,
    );
    const followed = await database.db
      .selectFrom('ms_teams')
      .select(sql<number>`count(*)`.as('n'))
      .where('team_id', 'is not', null)
      .where('delta_link', 'is not', null)
      .executeTakeFirstOrThrow();
    const observation: ObservationWork = {
      userLookupValues,
      nicknameLookups: report.plan.offerings.filter((o) => !withTeam.has(o.offeringKey)).length,
      deltaTeams: Number(followed.n),
      memberListPages: listed.map(() => 1),
    };
    price(result, report.plan, observation);
    result.ok = report.error === null;
    if (eventsRun) {
      result.events = await eventsRun;
      result.wallSeconds = Math.max(result.teamsWallSeconds, (result.events.endedAtMs - started) / 1000);
      result.retries = watch.finish();
      result.retries.throttledInBatches = Object.values(stats?.batched ?? {}).reduce((sum, c) => sum + c.throttled, 0);
      result.ok = result.ok && result.events.error === null;
      Object.assign(result, usage());
    }
  } finally {
    await database.close();
  }
}

/**
 * First-run planning at scale, no Graph (the directory's answers come from the tenant seed). `planWhat`:
 * `teams` — the teams sync's planning as it runs (wire-sync.ts: a roster read without learning events);
 * `teams-with-events` — the same with the learning events read too (how it ran before, for comparison);
 * `events` — the event sync's planning (its roster read, EVENT_SYNC_READ; every offering with a team, no ms_events rows).
 */
async function runPlan(result: ChildResult): Promise<void> {
  const what = input.planWhat ?? 'teams';
  const database = await openIntegrationDatabase(input.databaseUrl);
  try {
    const now = new Date();
    const started = performance.now();
    const roster = await readRoster(elentraOnConnection(database), {
      now,
      ...(what === 'teams' ? { events: false } : what === 'events' ? EVENT_SYNC_READ : {}),
    });
    const read = performance.now();
    result.phases = {
      readRosterSeconds: (read - started) / 1000,
      events: roster.offerings.reduce((n, o) => n + o.events.length, 0),
    };
    if (what === 'events') planEventsAtScale(result, roster, now, read);
    else planTeamsAtScale(result, roster, now, read);
    result.planSeconds = (performance.now() - started) / 1000;
    result.wallSeconds = result.planSeconds;
    Object.assign(result, usage());
    result.runStatus = `planned (${what})`;
    result.ok = true;
  } finally {
    await database.close();
  }
}

function planTeamsAtScale(result: ChildResult, roster: Roster, now: Date, read: number): void {
  const seed = JSON.parse(readFileSync(input.seedPath ?? '', 'utf8')) as {
    users: Array<{ id: string; mail: string | null; userPrincipalName: string }>;
  };
  const byMail = new Map<string, DirectoryUserRef>();
  for (const user of seed.users) {
    byMail.set(user.userPrincipalName.toLowerCase(), {
      id: user.id,
      mail: user.mail,
      userPrincipalName: user.userPrincipalName,
    });
  }
  const ids = new Set<number>();
  for (const offering of roster.offerings) {
    for (const owner of offering.owners) ids.add(owner.proxyId);
    for (const member of offering.members) ids.add(member);
  }
  const people = [...ids].flatMap((id) => {
    const person = roster.people.get(id);
    return person ? [person] : [];
  });
  const values = new Set<string>();
  for (const person of people) for (const key of candidateKeys(person, DEFAULT_MATCHING)) values.add(key.value);
  const answers = lookupAnswers(
    [...values].map((value) => {
      const found = byMail.get(value);
      return { value, users: found ? [found] : [] };
    }),
  );
  const resolution = resolveLinks({
    people,
    links: new Map(),
    due: ids,
    answers,
    nowMs: now.getTime(),
    matching: DEFAULT_MATCHING,
  });
  const matched = performance.now();
  const observed = new Map<string, ObservedOffering>(
    roster.offerings.map((o) => [
      o.key,
      { offeringKey: o.key, stored: null, team: { state: 'absent' }, heldRemovals: [] },
    ]),
  );
  const plan = planSync({
    offerings: roster.offerings,
    scope: { courseIds: roster.rule.courseIds, organisationId: roster.rule.organisationId },
    people: roster.people,
    resolution,
    observed,
    options: {
      ...DEFAULT_PLAN_OPTIONS,
      siteId: siteIdOf(input.registration.redirectUri.replace(/\/api\/ms-graph-oauth\.php$/, '')),
      authorizingUserId: null,
      force: false,
    },
    now,
  });
  const planned = performance.now();
  price(result, plan, {
    userLookupValues: values.size,
    nicknameLookups: roster.offerings.length,
    deltaTeams: roster.offerings.length,
    memberListPages: [],
  });
  const done = performance.now();
  result.unmatchedPeople = resolution.problems.size;
  result.phases = {
    ...result.phases,
    matchSeconds: (matched - read) / 1000,
    planSeconds: (planned - matched) / 1000,
    costSeconds: (done - planned) / 1000,
  };
}

function planEventsAtScale(result: ChildResult, roster: Roster, now: Date, read: number): void {
  const window = eventWindow(now);
  const selection = selectEvents({
    offerings: roster.offerings,
    teams: new Map(roster.offerings.map((o) => [o.key, `team-${o.key}`])),
    now,
    window,
    people: roster.people,
  });
  const eventPlan = planEvents({
    selection,
    rows: [],
    window,
    meeting: {
      entradaUrl: 'https://elentra.example.edu',
      outlookTimeZone: resolveOutlookTimeZone(null, 'America/Toronto'),
      onlineMeetings: true,
    },
    site: siteTag('bench'),
  });
  const planned = performance.now();
  const cost = eventMinimumRequests(eventPlan.operations);
  result.phases = {
    ...result.phases,
    planSeconds: (planned - read) / 1000,
    eventsPlanned: eventPlan.operations.length,
    eventsMinimumRequests: cost.requests,
    eventsFloorSecondsAtNoLatency: eventThrottleFloor(eventPlan.operations, { latencySeconds: 0 }),
  };
}

const result = emptyResult();
try {
  if (input.mode === 'plan') await runPlan(result);
  else await runSync(result);
} catch (error) {
  result.ok = false;
  result.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  Object.assign(result, usage());
}
writeFileSync(input.outFile, JSON.stringify(result));
