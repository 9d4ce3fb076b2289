// One chaos seed end to end: open the world (chaos-world.ts), play the schedule (schedule.ts) — before each step the
// Elentra changes, then the step's faults and timing, then the sync in this process or in a child, with the triggers
// (SIGKILL, access tokens expired, grant revoked) fired from the emulator's request log — then faults off, the
// account authorized again if it was revoked, one clean teams run and one clean events run, and the checks
// (checks.ts). A second clean pair must then write nothing. Returns the violations in words; none = the seed passed.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RequestLogEntry } from '../../emulator/src/behaviour/request-log.js';
import { readRoster } from '../../src/elentra/read-roster.js';
import { runChaosStep, type SyncOutcome } from './chaos-sync.js';
import { ADMIN_MAIL, type ChaosWorld, openChaosWorld } from './chaos-world.js';
import {
  checkRecorded,
  checkRemovals,
  checkStoredErrors,
  checkTenant,
  type Deferred,
  groupOfferings,
  NOTHING_DEFERRED,
  offeringKeyOf,
  type Phase,
  type TenantState,
} from './checks.js';
import { ChangeBudget, randomElentraChange } from './elentra-changes.js';
import { type DesiredState, Directory, desiredState } from './oracle.js';
import { ChaosPrng } from './prng.js';
import {
  type ChaosStep,
  chaosSchedule,
  describeStep,
  type ScheduleShape,
  type StepKind,
  type Trigger,
} from './schedule.js';
import type { ChildInput } from './sync-child.js';

export interface SeedOptions {
  shape: ScheduleShape;
  /** The bundled sync-child.ts (bundle.ts). */
  childScript: string;
  /** Graph latency while a child runs, so that a kill lands mid-run rather than after it (ms). */
  childLatencyMs: number;
  /** Known limitations count as violations. */
  strict?: boolean;
  /** Longest a step may take before it counts as stuck (ms). */
  stepTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface SeedStats {
  steps: number;
  kills: number;
  tokenExpiries: number;
  revoked: boolean;
  faultsFired: number;
  failedRuns: number;
  elentraChanges: number;
  /** Users the emulator logged as taken out of a team (each checked against the desired state of its run). */
  removals: number;
}

export interface SeedResult {
  seed: number;
  violations: string[];
  /** Known limitations met (docs/chaos.md), in words: not violations unless `strict`. */
  known: string[];
  stats: SeedStats;
  seconds: number;
}

type Logged = RequestLogEntry;

async function requestsSince(world: ChaosWorld, seq: number): Promise<Logged[]> {
  return ((await world.control.call('GET', `/requests?since=${seq}`)) as { requests: Logged[] }).requests;
}

async function lastSeq(world: ChaosWorld): Promise<number> {
  return (await requestsSince(world, 0)).at(-1)?.seq ?? 0;
}

function isGraph(entry: Logged): boolean {
  return entry.path.startsWith('/v1.0/') && !entry.route.endsWith('/$batch');
}

async function tenant(world: ChaosWorld): Promise<TenantState> {
  return (await world.control.call('GET', '/state')) as TenantState;
}

async function desiredNow(world: ChaosWorld, directory: Directory, adminId: string | null): Promise<DesiredState> {
  const now = new Date();
  return desiredState(await readRoster(world.elentra, { now }), directory, adminId, now);
}

/**
 * Fires each trigger once the emulator logged that many Graph requests since `fromSeq`; stops when `done` settles.
 * Returns the triggers fired.
 */
async function watchTriggers(
  world: ChaosWorld,
  fromSeq: number,
  triggers: readonly Trigger[],
  fire: (trigger: Trigger) => Promise<void>,
  done: Promise<unknown>,
): Promise<Trigger[]> {
  const fired: Trigger[] = [];
  let finished = false;
  void done.finally(() => {
    finished = true;
  });
  let seen = 0;
  let seq = fromSeq;
  const pending = [...triggers];
  while (!finished && pending.length > 0) {
    const fresh = await requestsSince(world, seq);
    seen += fresh.filter(isGraph).length;
    seq = fresh.at(-1)?.seq ?? seq;
    while (pending.length > 0 && (pending[0]?.afterRequests ?? Infinity) <= seen) {
      const trigger = pending.shift() as Trigger;
      await fire(trigger);
      fired.push(trigger);
    }
    await Promise.race([sleep(4), done]);
  }
  return fired;
}

async function controlPost(world: ChaosWorld, path: string, body: unknown): Promise<void> {
  await world.control.call('POST', path, body);
}

interface StepRun {
  /** One per sync the step ran (two for `alongside`); null when it did not finish. */
  outcomes: SyncOutcome[] | null;
  killed: boolean;
  fired: Trigger[];
  problem: string | null;
}

async function runInChild(
  world: ChaosWorld,
  step: ChaosStep,
  options: SeedOptions,
  fromSeq: number,
  onFire: (t: Trigger) => Promise<void>,
): Promise<StepRun> {
  const outFile = join(world.directory, `step-${step.index}-out.json`);
  const inputFile = join(world.directory, `step-${step.index}-in.json`);
  const input: ChildInput = {
    sync: step.sync,
    databaseUrl: world.databaseUrl,
    appKey: world.appKey,
    registration: world.registration,
    outFile,
    directory: world.directory,
  };
  writeFileSync(inputFile, JSON.stringify(input));
  const child = spawn(process.execPath, [options.childScript, inputFile], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4_000);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let killed = false;
  const timeout = setTimeout(() => child.kill('SIGKILL'), options.stepTimeoutMs ?? 120_000);
  const fired = await watchTriggers(
    world,
    fromSeq,
    step.triggers,
    async (trigger) => {
      if (trigger.action === 'kill') {
        killed = child.kill('SIGKILL');
        return;
      }
      await onFire(trigger);
    },
    exited,
  );
  const exit = await exited;
  clearTimeout(timeout);
  if (killed) return { outcomes: null, killed: true, fired, problem: null };
  if (exit.signal === 'SIGKILL') {
    return {
      outcomes: null,
      killed: false,
      fired,
      problem: `the ${step.sync} sync did not finish within the step timeout`,
    };
  }
  if (!existsSync(outFile)) {
    return {
      outcomes: null,
      killed: false,
      fired,
      problem: `the ${step.sync} sync process exited ${exit.code} without an outcome: ${stderr.trim().slice(-600)}`,
    };
  }
  const outcomes = JSON.parse(readFileSync(outFile, 'utf8')) as SyncOutcome[];
  return { outcomes, killed: false, fired, problem: null };
}

async function runHere(
  world: ChaosWorld,
  sync: StepKind,
  triggers: readonly Trigger[],
  fromSeq: number,
  onFire: (t: Trigger) => Promise<void>,
  timeoutMs: number,
): Promise<StepRun> {
  const run = runChaosStep(sync, world);
  const firedPromise = watchTriggers(world, fromSeq, triggers, onFire, run);
  const outcomes = await Promise.race([run, sleep(timeoutMs).then(() => null)]);
  const fired = await firedPromise;
  if (outcomes === null)
    return { outcomes: null, killed: false, fired, problem: `the ${sync} sync did not finish in ${timeoutMs} ms` };
  return { outcomes, killed: false, fired, problem: null };
}

/** Event id → offering of ms_events rows whose create may have reached Graph but was never confirmed. */
async function unconfirmedCreates(world: ChaosWorld): Promise<Map<number, string>> {
  const rows = await world.database.db
    .selectFrom('ms_events')
    .select(['event_id', 'offering_key', 'graph_event_id', 'status', 'team_id'])
    .execute();
  const open = rows.filter(
    (r) => (r.graph_event_id ?? '') === '' && r.team_id !== null && r.status !== 'deleted' && r.status !== 'gone',
  );
  return new Map(open.map((r) => [r.event_id, r.offering_key]));
}

/** What the clean events run left, by design, to the next run (checks.ts Deferred). */
async function deferredByDesign(
  world: ChaosWorld,
  desired: DesiredState,
  unconfirmed: ReadonlyMap<number, string>,
): Promise<Deferred> {
  const rows = await world.database.db
    .selectFrom('ms_events')
    .select(['event_id', 'offering_key', 'status', 'graph_event_id', 'transaction_id'])
    .execute();
  const repairs = new Set(rows.filter((r) => r.status === 'meeting-missing').map((r) => r.event_id));
  const moves = new Map<number, string>();
  for (const row of rows) {
    const startedIn = unconfirmed.get(row.event_id);
    const want = desired.meetings.get(row.event_id);
    if (startedIn !== undefined && want && want.offeringKey !== startedIn && row.offering_key === startedIn) {
      moves.set(row.event_id, startedIn);
    }
  }
  return { repairs, moves };
}

function ownersByOffering(state: TenantState, adminId: string | null): Map<string, Set<string>> {
  const owners = new Map<string, Set<string>>();
  for (const team of state.teams) {
    const key = offeringKeyOf(team.mailNickname);
    if (key === null) continue;
    const ids = team.members.filter((m) => m.roles.includes('owner') && m.userId !== adminId).map((m) => m.userId);
    owners.set(key, new Set(ids));
  }
  return owners;
}

export async function runSeed(seed: number, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const prng = new ChaosPrng(seed);
  const schedule = chaosSchedule(seed, prng.fork('schedule'), options.shape);
  const changes = prng.fork('elentra');
  const stepTimeoutMs = options.stepTimeoutMs ?? 120_000;
  const violations: string[] = [];
  const known: string[] = [];
  const stats: SeedStats = {
    steps: schedule.steps.length,
    kills: 0,
    tokenExpiries: 0,
    revoked: false,
    faultsFired: 0,
    failedRuns: 0,
    elentraChanges: 0,
    removals: 0,
  };
  const world = await openChaosWorld(seed);
  try {
    const initial = await tenant(world);
    const directory = new Directory(initial.users);
    const adminId = directory.match({ email: ADMIN_MAIL, emailAlt: null });
    const budget = new ChangeBudget();
    const phases: Phase[] = [];
    let revoked = false;
    let phaseStart = await lastSeq(world);
    const onFire = async (trigger: Trigger) => {
      if (trigger.action === 'expire-tokens') {
        stats.tokenExpiries += 1;
        await controlPost(world, '/tokens/expire', {});
      } else if (trigger.action === 'revoke-grant') {
        stats.revoked = true;
        revoked = true;
        await controlPost(world, '/tokens/revoke', {});
      }
    };
    const closePhase = async (label: string, desired: DesiredState) => {
      const toSeq = await lastSeq(world);
      phases.push({ label, fromSeq: phaseStart, toSeq, desired });
      phaseStart = toSeq;
    };

    for (const step of schedule.steps) {
      log(`  ${describeStep(step)}`);
      if (step.reauthorizeBefore && revoked) {
        await world.authorize();
        revoked = false;
        log('    the administrator authorized the account again');
      }
      if (step.elentraChanges > 0) {
        const owners = ownersByOffering(await tenant(world), adminId);
        for (let n = 0; n < step.elentraChanges; n += 1) {
          const what = await randomElentraChange(changes, world.elentra, directory, budget, owners);
          stats.elentraChanges += 1;
          log(`    Elentra: ${what}`);
        }
      }
      const desired = await desiredNow(world, directory, adminId);
      await world.control.call('DELETE', '/faults');
      if (step.faults.length > 0) await controlPost(world, '/faults', { rules: step.faults });
      await controlPost(world, '/timing', step.timing);
      await controlPost(world, '/latency', { ms: step.process === 'child' ? options.childLatencyMs : 0 });
      const fromSeq = await lastSeq(world);
      const run =
        step.process === 'child'
          ? await runInChild(world, step, { ...options, stepTimeoutMs }, fromSeq, onFire)
          : await runHere(world, step.sync, step.triggers, fromSeq, onFire, stepTimeoutMs);
      if (run.killed) {
        stats.kills += 1;
        await sleep(30); // requests already in the emulator finish; they belong to this step
      }
      const sent = (await requestsSince(world, fromSeq)).filter(isGraph).length;
      const faults = (await world.control.call('GET', '/faults')) as { rules: Array<{ fired: number }> };
      stats.faultsFired += faults.rules.reduce((sum, rule) => sum + rule.fired, 0);
      await world.control.call('DELETE', '/faults');
      const label = `step ${step.index} (${step.sync}${run.killed ? ', killed' : ''})`;
      if (run.problem) violations.push(`${label}: ${run.problem}`);
      if (run.outcomes) {
        for (const outcome of run.outcomes) {
          if (outcome.status === 'error' || outcome.status === 'thrown') stats.failedRuns += 1;
          log(
            `    → ${outcome.sync}: ${sent} requests in the step, ${outcome.status}${outcome.error ? `: ${outcome.error.slice(0, 140)}` : ''}` +
              `${outcome.failures.length > 0 ? `; ${outcome.failures.length} offering(s) failed, e.g. ${outcome.failures[0]?.message?.slice(0, 140)}` : ''}`,
          );
          violations.push(...(await checkRecorded(world.database, outcome, `${label} ${outcome.sync}`)));
        }
      } else if (run.killed) {
        log(`    → ${sent} requests, SIGKILLed (${run.fired.map((t) => t.action).join(', ')})`);
      }
      await closePhase(label, desired);
    }

    // Faults off, as an administrator finds the tenant the morning after; the grant authorized again if needed.
    await world.control.call('DELETE', '/faults');
    await controlPost(world, '/timing', { replicationDelayMs: 0, teamOperationMs: 0 });
    await controlPost(world, '/latency', { ms: 0 });
    if (revoked) {
      await world.authorize();
      log('  the administrator authorized the account again');
    }
    violations.push(...(await checkStoredErrors(world.database, 'after the faulty runs')));
    const desired = await desiredNow(world, directory, adminId);
    let unconfirmed = new Map<number, string>();
    for (const sync of ['teams', 'events'] as const) {
      if (sync === 'events') unconfirmed = await unconfirmedCreates(world);
      const run = await runHere(world, sync, [], await lastSeq(world), async () => {}, stepTimeoutMs);
      const outcome = run.outcomes?.[0] ?? null;
      log(`  clean ${sync} run → ${outcome?.status ?? run.problem}`);
      if (run.problem) violations.push(`clean ${sync} run: ${run.problem}`);
      if (outcome && (outcome.status === 'error' || outcome.status === 'thrown')) {
        const first = outcome.failures[0];
        violations.push(
          `clean ${sync} run failed: ${outcome.error ?? `${outcome.failures.length} offering(s), e.g. ${first?.offeringKey}: ${first?.message}`}`,
        );
      }
      await closePhase(`clean ${sync} run`, desired);
    }
    const deferred = await deferredByDesign(world, desired, unconfirmed);
    if (deferred.repairs.size + deferred.moves.size > 0) {
      log(
        `  left for the next run by design: ${deferred.repairs.size} meeting repair(s), ${deferred.moves.size} move(s)`,
      );
    }
    violations.push(...checkTenant(await tenant(world), desired, deferred));
    // A second clean pair: nothing left to write but those (one PATCH per repair, one DELETE + one POST per move);
    // after it, nothing is deferred any more.
    const before = await lastSeq(world);
    for (const sync of ['teams', 'events'] as const) {
      await runHere(world, sync, [], before, async () => {}, stepTimeoutMs);
    }
    await closePhase('second clean runs', desired);
    const writes = (await requestsSince(world, before)).filter((r) => isGraph(r) && r.method !== 'GET');
    const count = (method: string) =>
      writes.filter((w) => w.method === method && w.route.startsWith('/v1.0/groups/{groupId}/events')).length;
    const expected = deferred.repairs.size + 2 * deferred.moves.size;
    if (
      count('PATCH') > deferred.repairs.size ||
      count('DELETE') > deferred.moves.size ||
      count('POST') > deferred.moves.size ||
      writes.length > expected
    ) {
      const routes = [...new Set(writes.map((w) => `${w.method} ${w.route}`))].join(', ');
      violations.push(`a second clean run wrote ${writes.length} time(s) (${expected} deferred by design): ${routes}`);
    }
    if (expected > 0) {
      violations.push(
        ...checkTenant(await tenant(world), desired, NOTHING_DEFERRED).map((v) => `after the next run: ${v}`),
      );
    }
    const all = await requestsSince(world, 0);
    stats.removals = all.reduce((sum, entry) => sum + (entry.removed?.userIds.length ?? 0), 0);
    violations.push(...checkRemovals(all, phases, groupOfferings(await tenant(world))));
  } catch (error) {
    violations.push(
      `the chaos driver failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  } finally {
    await world.close();
  }
  if (options.strict) violations.push(...known);
  return { seed, violations, known: options.strict ? [] : known, stats, seconds: (performance.now() - started) / 1000 };
}
