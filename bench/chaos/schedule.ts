// One seed's chaos, decided up front (pure: the same seed gives the same schedule): a few faulty sync runs, teams and
// events, each with its emulator faults, replication delay and team-operation time, the moments (after k Graph
// requests) at which the sync process is SIGKILLed, its access tokens expire or the grant is revoked, and how many
// Elentra changes come before it. run-seed.ts plays it; the clean runs and the checks come after the last step.
import type { ChaosPrng } from './prng.js';

export type SyncKind = 'teams' | 'events';
/** What a step runs: one sync, or both started together, the event sync alongside the teams sync (as the scheduler
 * runs them when both are due). */
export type StepKind = SyncKind | 'alongside';

/** A rule for `POST /_emulator/faults` (emulator/README.md, Faults). */
export interface FaultRuleSpec {
  route: string;
  method?: string;
  kind: 'status' | 'reset' | 'timeout' | 'lost-response' | 'failed-operation' | 'meeting-missing';
  status?: number;
  retryAfterSeconds?: number;
  holdSeconds?: number;
  rate?: number;
  nth?: number;
  count?: number;
  seed: number;
}

export type TriggerAction = 'kill' | 'expire-tokens' | 'revoke-grant';

/** Fired once the emulator logged `afterRequests` Graph requests since the step started. */
export interface Trigger {
  afterRequests: number;
  action: TriggerAction;
}

export interface ChaosStep {
  index: number;
  sync: StepKind;
  /** `child`: the sync runs in its own process (the one a SIGKILL can hit); `in-process`: in the driver's. */
  process: 'child' | 'in-process';
  faults: FaultRuleSpec[];
  timing: { replicationDelayMs: number; teamOperationMs: number };
  triggers: Trigger[];
  /** Random Elentra changes made just before the step. */
  elentraChanges: number;
  /** The administrator authorizes the account again before this step (after a revoked grant). */
  reauthorizeBefore: boolean;
}

export interface ChaosSchedule {
  seed: number;
  steps: ChaosStep[];
}

export interface ScheduleShape {
  /** Faulty steps per seed, inclusive. */
  steps: [number, number];
  /** Fault rules per step, inclusive. */
  rulesPerStep: [number, number];
  /** Elentra changes before a step, inclusive. */
  changesPerStep: [number, number];
  /** Largest replication delay and team-operation time, ms. */
  maxDelayMs: number;
  /** Longest `timeout` hold, seconds (the client's own 60 s timeout is never reached: seeds would take minutes). */
  maxHoldSeconds: number;
}

export const LONG_SHAPE: ScheduleShape = {
  steps: [3, 7],
  rulesPerStep: [1, 4],
  changesPerStep: [0, 3],
  maxDelayMs: 1_500,
  maxHoldSeconds: 2,
};

/** CI's: fewer steps, short delays. */
export const SMALL_SHAPE: ScheduleShape = {
  steps: [3, 4],
  rulesPerStep: [1, 3],
  changesPerStep: [0, 2],
  maxDelayMs: 300,
  maxHoldSeconds: 1,
};

const TEAMS_WRITES: ReadonlyArray<[string, string]> = [
  ['POST', '/v1.0/groups'],
  ['PUT', '/v1.0/groups/*/team'],
  ['POST', '/v1.0/teams/*/members/add'],
  ['POST', '/v1.0/teams/*/members/remove'],
  ['PATCH', '/v1.0/teams/*/members/*'],
  ['DELETE', '/v1.0/teams/*/members/*'],
  ['PATCH', '/v1.0/groups/*'],
  ['PATCH', '/v1.0/teams/*'],
];
const TEAMS_READS: ReadonlyArray<[string, string]> = [
  ['GET', '/v1.0/groups'],
  ['GET', '/v1.0/groups/delta'],
  ['GET', '/v1.0/users'],
  ['GET', '/v1.0/teams/*/members'],
  ['GET', '/v1.0/teams/*'],
  ['GET', '/v1.0/teams/*/operations/*'],
];
const EVENTS_WRITES: ReadonlyArray<[string, string]> = [
  ['POST', '/v1.0/groups/*/events'],
  ['PATCH', '/v1.0/groups/*/events/*'],
  ['DELETE', '/v1.0/groups/*/events/*'],
];
const EVENTS_READS: ReadonlyArray<[string, string]> = [
  ['GET', '/v1.0/groups/*/events'],
  ['GET', '/v1.0/groups/*/events/*'],
  ['GET', '/v1.0/groups/*/calendarView'],
];

function rule(prng: ChaosPrng, sync: SyncKind, shape: ScheduleShape): FaultRuleSpec {
  const writes = sync === 'teams' ? TEAMS_WRITES : EVENTS_WRITES;
  const reads = sync === 'teams' ? TEAMS_READS : EVENTS_READS;
  const seed = prng.int(1, 0x7fffffff);
  // How often: a burst (every match, `count` times), a rate, or the nth match.
  const when = (): Pick<FaultRuleSpec, 'rate' | 'nth' | 'count'> => {
    const mode = prng.int(0, 2);
    if (mode === 0) return { rate: 1, count: prng.int(1, 4) };
    if (mode === 1) return { rate: prng.pick([0.05, 0.1, 0.2, 0.35]), count: prng.int(2, 10) };
    return { nth: prng.int(1, 12), count: 1 };
  };
  const any = (): [string, string] => prng.pick([...writes, ...reads]);
  switch (prng.int(0, 9)) {
    case 0: {
      // 429 burst, anywhere (also '**': every route, $batch included).
      const [method, route] = prng.chance(0.3) ? ['', '/v1.0/**'] : any();
      return {
        route,
        ...(method ? { method } : {}),
        kind: 'status',
        status: 429,
        retryAfterSeconds: prng.pick([0, 0, 1]),
        rate: 1,
        count: prng.int(2, 8),
        seed,
      };
    }
    case 1:
    case 2: {
      const [method, route] = any();
      return { route, method, kind: 'status', status: prng.pick([500, 503, 504]), ...when(), seed };
    }
    case 3: {
      const [method, route] = any();
      return { route, method, kind: 'reset', ...when(), seed };
    }
    case 4: {
      const [method, route] = any();
      return {
        route,
        method,
        kind: 'timeout',
        holdSeconds: prng.int(1, shape.maxHoldSeconds),
        nth: prng.int(1, 10),
        count: 1,
        seed,
      };
    }
    case 5:
    case 6:
    case 7: {
      const [method, route] = prng.pick(writes);
      return { route, method, kind: 'lost-response', ...when(), seed };
    }
    case 8:
      return sync === 'teams'
        ? { route: '/v1.0/groups/*/team', method: 'PUT', kind: 'failed-operation', ...when(), seed }
        : { route: '/v1.0/groups/*/events', method: 'POST', kind: 'meeting-missing', ...when(), seed };
    default:
      // The identity platform too: a refresh that fails for a while.
      return prng.chance(0.5)
        ? { route: '/*/oauth2/v2.0/token', method: 'POST', kind: 'status', status: 503, rate: 1, count: 1, seed }
        : {
            route: '/v1.0/$batch',
            method: 'POST',
            kind: prng.pick(['reset', 'lost-response'] as const),
            ...when(),
            seed,
          };
  }
}

export function chaosSchedule(seed: number, prng: ChaosPrng, shape: ScheduleShape): ChaosSchedule {
  const count = prng.int(shape.steps[0], shape.steps[1]);
  const steps: ChaosStep[] = [];
  let revokedAt: number | null = null;
  let reauthorizeAt: number | null = null;
  let eventsRan = false;
  for (let index = 0; index < count; index += 1) {
    // The first run makes the teams, with the event sync alongside it making meetings as teams appear (as the
    // scheduler runs the two when both are due); then either, teams a little more often. `drawn` keeps the draws
    // (and so every seed's schedule) as they were when the first run was the teams sync alone.
    const drawn: SyncKind = index === 0 || prng.chance(0.55) ? 'teams' : 'events';
    const sync: StepKind = index === 0 ? 'alongside' : drawn;
    const child = prng.chance(0.5);
    const triggers: Trigger[] = [];
    // Graph requests a run sends (demo school): the first teams run ~60, later ones ~2–15 (delta); the first events
    // run ~80, later ones ~2–20. A trigger drawn beyond the run's end does not fire.
    const horizon = drawn === 'teams' ? (index === 0 ? 60 : 12) : eventsRan ? 20 : 80;
    if (drawn === 'events') eventsRan = true;
    if (child) triggers.push({ afterRequests: prng.int(1, horizon), action: 'kill' });
    if (prng.chance(0.3)) triggers.push({ afterRequests: prng.int(1, horizon), action: 'expire-tokens' });
    if (revokedAt === null && index > 0 && prng.chance(0.2)) {
      revokedAt = index;
      triggers.push({ afterRequests: prng.int(1, horizon), action: 'revoke-grant' });
      // The administrator notices after 0–2 more runs; if that is past the last step, before the clean run.
      reauthorizeAt = index + 1 + prng.int(0, 2);
    }
    const delayed = prng.chance(0.5);
    steps.push({
      index,
      sync,
      process: child ? 'child' : 'in-process',
      faults: Array.from({ length: prng.int(shape.rulesPerStep[0], shape.rulesPerStep[1]) }, () =>
        rule(prng, drawn, shape),
      ),
      timing: {
        replicationDelayMs: delayed ? prng.int(50, shape.maxDelayMs) : 0,
        teamOperationMs: prng.chance(0.4) ? prng.int(20, shape.maxDelayMs) : 0,
      },
      triggers: triggers.sort((a, b) => a.afterRequests - b.afterRequests),
      elentraChanges: index === 0 ? 0 : prng.int(shape.changesPerStep[0], shape.changesPerStep[1]),
      reauthorizeBefore: reauthorizeAt === index,
    });
  }
  return { seed, steps };
}

/** One line per step, for --verbose and failure reports. */
export function describeStep(step: ChaosStep): string {
  const faults = step.faults
    .map((f) => {
      const what = f.kind === 'status' ? String(f.status) : f.kind;
      const when = f.nth !== undefined ? `#${f.nth}` : f.rate === 1 ? `×${f.count ?? '∞'}` : `${(f.rate ?? 1) * 100}%`;
      return `${what} ${f.method ?? '*'} ${f.route} ${when}`;
    })
    .join('; ');
  const triggers = step.triggers.map((t) => `${t.action}@${t.afterRequests}`).join(' ');
  const timing = `repl ${step.timing.replicationDelayMs}ms op ${step.timing.teamOperationMs}ms`;
  return (
    `step ${step.index}: ${step.sync} (${step.process})${step.reauthorizeBefore ? ' after re-authorization' : ''}` +
    `, ${step.elentraChanges} Elentra change(s) before; ${timing}; ${triggers || 'no trigger'}; faults: ${faults}`
  );
}
