// runEventsSync(): learning events → Teams meetings (issue 6). Read the roster → which events (select) → plan against
// ms_events → apply in the scheduled order under Outlook's per-mailbox limits → record the run, each offering's
// result and each event's row. Level-triggered: a run that died anywhere is finished by the next (pending rows are
// retried with their transactionId). A dry run plans and records its run, and sends nothing to Microsoft. Run
// alongside the teams sync (`options.alongside`, teams-alongside.ts) it plans in rounds as teams appear: each event is
// handled in the first round that plans it, so the run makes what a run after the teams sync would, only sooner.
import { windowsToIana } from '../../../time/index.js';
import type { EventOperation, EventWriteOperation } from '../event-operations.js';
import { isWrite } from '../event-operations.js';
import type { ObservedEventRow } from '../event-rows.js';
import { eventWindow } from '../event-window.js';
import type { MeetingOptions } from '../meeting-payload.js';
import { resolveOutlookTimeZone } from '../outlook-zone.js';
import { type EventPlan, noOperations, planEvents } from '../plan-events.js';
import { selectEvents } from '../select-events.js';
import type { AppliedEvent } from './apply-event-operation.js';
import { applyEventPlan } from './apply-event-plan.js';
import { errorInWords } from './error-words.js';
import { EventOutcomeBook } from './event-outcome-book.js';
import type { EventsRunDeps, EventsRunOptions, EventsRunReport, OfferingEventsOutcome } from './events-run-types.js';
import { roundPauseMs, TEAMS_HEAD_START_MS, type TeamsAlongside } from './teams-alongside.js';

const STOPPED = 'Stopped before it finished; the next run picks the work up again.';

export async function runEventsSync(deps: EventsRunDeps, options: EventsRunOptions): Promise<EventsRunReport> {
  const now = deps.now();
  const requestsAtStart = deps.graphRequests();
  const window = eventWindow(now, deps.settings.window);
  const planned = {
    windowFrom: window.from.toISOString(),
    windowUntil: window.until.toISOString(),
    onlineMeetings: deps.settings.onlineMeetings,
    onlyOfferingAudience: deps.settings.onlyOfferingAudience,
  };
  const runId = await deps.records.start({
    triggeredBy: deps.triggeredBy,
    startedAtMs: now.getTime(),
    dryRun: options.dryRun,
  });
  const warnings: string[] = [];
  let outlookTimeZone = 'UTC';
  let outcomes: OfferingEventsOutcome[] = [];
  let plan: EventPlan | null = null;
  const finish = async (error: string | null): Promise<EventsRunReport> => {
    const requests = deps.graphRequests() - requestsAtStart;
    for (const outcome of outcomes) {
      const { offeringKey, status, counts, message } = outcome;
      await deps.records.offering(runId, { offeringKey, status, counts, message });
    }
    const status =
      error !== null || outcomes.some((o) => o.status === 'error')
        ? 'error'
        : warnings.length > 0 || outcomes.some((o) => o.status !== 'ok')
          ? 'warning'
          : 'ok';
    const counts: Record<string, number> = { ...(plan?.counts ?? {}) };
    for (const outcome of outcomes) {
      for (const [name, value] of Object.entries(outcome.counts)) counts[name] = (counts[name] ?? 0) + value;
    }
    await deps.records.finish(runId, { finishedAtMs: deps.now().getTime(), status, counts, requests, error });
    return {
      runId,
      dryRun: options.dryRun,
      status,
      outlookTimeZone,
      options: planned,
      warnings,
      counts,
      offerings: outcomes,
      requests,
      error,
    };
  };
  try {
    const stored = await deps.storedOutlookTimeZone();
    outlookTimeZone = resolveOutlookTimeZone(stored, deps.settings.defaultTimeZone);
    const zoneWarning = outlookZoneWarning(stored, outlookTimeZone, deps.settings.defaultTimeZone);
    if (zoneWarning !== null) warnings.push(zoneWarning);
    // Alongside the teams sync, let it read and plan first: the two share one thread, and the teams sync's path to its
    // first write is what the whole run waits on (teams-alongside.ts). It gets a head start, or finishes first.
    if (options.alongside && !options.alongside.finished()) await options.alongside.wait(TEAMS_HEAD_START_MS);
    const roster = await deps.readRoster({ now, courseIds: options.courseIds ?? null });
    options.onProgress?.({ phase: 'plan', message: `Planning the events of ${roster.offerings.length} offering(s)…` });
    const meeting: MeetingOptions = {
      entradaUrl: deps.settings.entradaUrl,
      outlookTimeZone,
      onlineMeetings: deps.settings.onlineMeetings,
    };
    const planRound = async (teams: TeamsNow): Promise<Round> => {
      const started = performance.now();
      const selection = selectEvents({
        offerings: roster.offerings,
        teams: teams.teams,
        deletedTeams: teams.deletedTeams,
        now,
        window,
        onlyOfferingAudience: deps.settings.onlyOfferingAudience,
        people: roster.people,
      });
      // Every row, not only this roster's offerings: an event moved here from an offering outside `--course` has its
      // row (and meeting) there, and must be moved, not created a second time.
      const rows = await deps.store.listRows(null);
      const plan = planEvents({ selection, rows, window, meeting, site: deps.settings.site });
      return { plan, rows, teams, planningMs: performance.now() - started };
    };
    let round = await planRound(await teamsNow(deps));
    plan = round.plan;
    if (options.dryRun) {
      outcomes = new EventOutcomeBook(plan, roster.offerings, round.rows, true).outcomes();
      return await finish(null);
    }
    // Rounds (teams-alongside.ts): one when the teams sync is not running beside this run. An event is handled in
    // the first round that plans it; later rounds only add the events of offerings whose team has appeared since.
    const alongside = options.alongside;
    const handled = new Set<number>();
    const taken: EventOperation[] = [];
    const applied: Array<{ op: EventWriteOperation; result: AppliedEvent }> = [];
    let done = 0;
    let total = 0;
    try {
      for (;;) {
        const teamsFinished = alongside === undefined || alongside.finished();
        const fresh = round.plan.operations.filter((op) => !handled.has(op.eventId));
        // A loop, not push(...fresh): a first run at university scale takes 200,000 operations in one round.
        for (const op of fresh) {
          handled.add(op.eventId);
          taken.push(op);
        }
        total += fresh.filter(isWrite).length;
        await applyEventPlan({
          operations: fresh,
          store: deps.store,
          gateway: deps.gateway,
          meeting,
          nowMs: () => deps.now().getTime(),
          ...(deps.maxInFlight ? { maxInFlight: deps.maxInFlight } : {}),
          ...(deps.limits ? { limits: deps.limits } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
          onApplied: (op, result) => {
            applied.push({ op, result });
            done += 1;
            const { eventId, offeringKey } = op;
            options.onProgress?.({ phase: 'apply', done, total, eventId, offeringKey, outcome: result.outcome });
          },
        });
        if (teamsFinished || alongside === undefined || options.signal?.aborted) break;
        const next = await nextRound(alongside, round, planRound, deps, options.signal);
        if (next === null) break;
        round = next;
      }
    } finally {
      plan = planOfTheRun(round.plan, taken, handled);
      const book = new EventOutcomeBook(plan, roster.offerings, round.rows, false);
      for (const { op, result } of applied) book.applied(op, result);
      outcomes = book.outcomes();
    }
    return await finish(options.signal?.aborted ? STOPPED : null);
  } catch (error) {
    await finish(errorInWords(error));
    throw error;
  }
}

/** Why the meetings are not in a zone an administrator chose, in words; null when they are. */
function outlookZoneWarning(stored: string | null, used: string, defaultZone: string): string | null {
  const fallback =
    `meetings are written in ${used}, the Windows zone of DEFAULT_TIMEZONE (${defaultZone}). Choose the Outlook ` +
    'Time Zone on the Microsoft Account page; see docs/troubleshooting.md#time-zone-mismatch.';
  if (stored === null) return `No Outlook Time Zone is chosen on the Microsoft Account page: ${fallback}`;
  if (windowsToIana(stored) === null) return `The Outlook Time Zone "${stored}" is not a Windows zone: ${fallback}`;
  return null;
}

interface TeamsNow {
  teams: ReadonlyMap<string, string>;
  deletedTeams: ReadonlyMap<string, string>;
}

async function teamsNow(deps: EventsRunDeps): Promise<TeamsNow> {
  return { teams: await deps.teams(), deletedTeams: await deps.deletedTeams() };
}

interface Round {
  plan: EventPlan;
  rows: ObservedEventRow[];
  teams: TeamsNow;
  /** How long reading the rows, selecting and planning took (the next pause grows with it). */
  planningMs: number;
}

/**
 * Waits until teams have appeared or been found deleted (or the teams sync has finished), then plans again. The pause
 * grows with what a round costs (roundPauseMs); the teams are re-read after each pause, and nothing is planned while
 * they are as the last round saw them. Null: the teams sync has finished and left nothing new, or the run was
 * stopped — the run is done.
 */
async function nextRound(
  alongside: TeamsAlongside,
  last: Round,
  planRound: (teams: TeamsNow) => Promise<Round>,
  deps: EventsRunDeps,
  signal: AbortSignal | undefined,
): Promise<Round | null> {
  for (;;) {
    await alongside.wait(roundPauseMs(last.planningMs));
    // Stopped (the scheduler's SIGTERM, a lost lease): no further round; the next run picks the work up.
    if (signal?.aborted) return null;
    const finished = alongside.finished();
    const teams = await teamsNow(deps);
    const changed = differs(teams.teams, last.teams.teams) || differs(teams.deletedTeams, last.teams.deletedTeams);
    if (changed) return planRound(teams);
    if (finished) return null;
  }
}

function differs(now: ReadonlyMap<string, string>, before: ReadonlyMap<string, string>): boolean {
  if (now.size !== before.size) return true;
  for (const [key, teamId] of now) if (before.get(key) !== teamId) return true;
  return false;
}

/**
 * The run's plan over all its rounds: every operation taken (each event's from the round that handled it), and
 * from the last round what is still deferred, skipped or warned about — for the run's records and the outcome book.
 */
function planOfTheRun(last: EventPlan, taken: readonly EventOperation[], handled: ReadonlySet<number>): EventPlan {
  const counts = noOperations();
  for (const op of taken) counts[op.kind] += 1;
  return {
    ...last,
    operations: [...taken],
    deferred: last.deferred.filter((deferred) => !handled.has(deferred.event.eventId)),
    counts,
  };
}
