// "Sync now" on the dashboard: the teams sync then the events sync, started in the background for every offering or
// one course, never two at once; or the events sync alone ("Sync events only"). Each runs as its scheduled job under
// that job's lease — `microsoft:sync-teams`, then `microsoft:sync-events` claimed once the teams run has finished —
// (claimManualRun → executeJob, as "Run now" on Scheduled jobs does), so neither can overlap the crontab's run,
// another server's Sync now or a Run now of the same job: the database decides, whichever process asks. Unlike Run
// now it passes the dashboard's own options to the runners (course ids, `triggered_by` = web) and feeds their
// onProgress into the in-memory progress board, one stage per job. A sync started from the command line takes no
// lease; its `sync_runs` row (no finished_at yet) is seen instead, and a Sync now is refused while such a row of the
// first job's kind is younger than STALE_RUN_MS (a killed command leaves its row unfinished). When the events part
// cannot start after the teams part (its lease held, or a command-line events run unfinished) it is not run and the
// board says why; an events failure is recorded in words (the job's run history, the run's `sync_runs` row, the
// board). The events part runs whatever the teams part's outcome (a failed offering does not stop the others'
// meetings), but not once the server is stopping. Stopping the server stops the run (recorded, lease released), as
// for Run now.
import { type IntegrationDatabase, recordAudit } from '../../db/index.js';
import { AppError } from '../../lib/errors.js';
import {
  type AuditActor,
  type ClaimedRun,
  claimManualRun,
  createJobRegistry,
  createSchedulerContext,
  ensureCronRows,
  errorInWords,
  executeJob,
  finishRun,
  type JobHandler,
  type JobLogger,
  type JobResult,
  type SchedulerContext,
  SchedulerStoppedError,
} from '../../scheduler/index.js';
import type { EventsRunDeps, EventsRunReport } from '../../sync/events/io/events-run-types.js';
import type { RunDeps } from '../../sync/run/run-types.js';
import { type StageName, type StageOutcome, SyncProgressBoard } from './sync-progress.js';

export const SYNC_TEAMS_JOB = 'microsoft:sync-teams';
export const SYNC_EVENTS_JOB = 'microsoft:sync-events';
/** An unfinished `sync_runs` row older than this is taken for a run that was killed, not one still going. */
export const STALE_RUN_MS = 15 * 60_000;

/** What Sync now runs: the teams sync then the events sync, or the events sync only. */
export type SyncScope = 'teams-and-events' | 'events';
export type SyncKind = 'teams' | 'events';

const JOB_OF: Readonly<Record<SyncKind, string>> = { teams: SYNC_TEAMS_JOB, events: SYNC_EVENTS_JOB };
const KIND_WORDS: Readonly<Record<SyncKind, string>> = { teams: 'A teams sync', events: 'An events sync' };

export type SyncNowResult =
  | { readonly kind: 'started'; readonly runId: number }
  | { readonly kind: 'busy'; readonly reason: string };

export interface UnfinishedRun {
  readonly id: number;
  readonly kind: SyncKind;
  readonly triggeredBy: string;
  readonly startedAt: number;
}

export interface DashboardSyncOptions {
  readonly database: IntegrationDatabase;
  /** The teams sync's production wiring (src/sync/run/wire-sync.ts) with the web's identity; tests pass their own. */
  readonly wire: () => Promise<RunDeps>;
  /** The events sync's (src/sync/events/io/wire-events-sync.ts, EVENTS_* settings); tests pass their own. */
  readonly wireEvents: () => Promise<EventsRunDeps>;
  readonly siteZone: string;
  readonly clock: () => number;
  readonly log: JobLogger;
  /** Tests: a short lease. */
  readonly leaseMs?: number;
}

/** The newest sync of `kind` (dry runs included) with no end recorded that started less than STALE_RUN_MS ago. */
export async function unfinishedRun(
  database: IntegrationDatabase,
  nowMs: number,
  kind: SyncKind = 'teams',
): Promise<UnfinishedRun | null> {
  const row = await database.db
    .selectFrom('sync_runs')
    .select(['id', 'triggered_by', 'started_at'])
    .where('kind', '=', kind)
    .where('finished_at', 'is', null)
    .where('started_at', '>', nowMs - STALE_RUN_MS)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? { id: row.id, kind, triggeredBy: row.triggered_by, startedAt: row.started_at } : null;
}

/** The first failure of an events run, in words: the run's own error, else the first offering that failed. */
export function eventsFailureInWords(report: EventsRunReport): string {
  if (report.error !== null) return report.error;
  const failed = report.offerings.filter((offering) => offering.status === 'error');
  const first = failed[0];
  if (first === undefined) return 'One or more events failed: see the offering pages.';
  const more = failed.length > 1 ? ` (and ${failed.length - 1} other offering(s): see the offering pages)` : '';
  return `The events of ${first.displayName} failed: ${first.message ?? 'see its offering page.'}${more}`;
}

const SEVERITY: Readonly<Record<StageOutcome['status'], number>> = { ok: 0, skipped: 1, warning: 1, error: 2 };

/** The whole run: its worst stage (a stage not run makes a warning), with the stages' words. */
function overallOutcome(stages: ReadonlyArray<[StageName, StageOutcome]>): { status: string; error: string | null } {
  const worst = Math.max(0, ...stages.map(([, outcome]) => SEVERITY[outcome.status]));
  const words = stages
    .filter(([, outcome]) => outcome.status !== 'ok' && outcome.error !== null)
    .map(([stage, outcome]) => `${stage === 'teams' ? 'Teams' : 'Events'}: ${outcome.error}`);
  return { status: ['ok', 'warning', 'error'][worst] ?? 'error', error: words.length > 0 ? words.join(' ') : null };
}

export class DashboardSync {
  readonly progress: SyncProgressBoard;
  readonly #options: DashboardSyncOptions;
  readonly #stop = new AbortController();
  #running: Promise<void> | null = null;

  constructor(options: DashboardSyncOptions) {
    this.#options = options;
    this.progress = new SyncProgressBoard(options.clock);
  }

  /** A run started here is going (claimed, not yet recorded as finished). */
  isRunningHere(): boolean {
    return this.#running !== null;
  }

  /** Claims the first job's lease and audits `sync.run_now`, then runs in the background. */
  async start(
    courseIds: readonly number[] | null,
    who: AuditActor,
    scope: SyncScope = 'teams-and-events',
  ): Promise<SyncNowResult> {
    const { database, clock } = this.#options;
    if (this.#running !== null) return { kind: 'busy', reason: 'A sync started from this dashboard is running.' };
    const first: SyncKind = scope === 'events' ? 'events' : 'teams';
    const firstJob = JOB_OF[first];
    const nowMs = clock();
    const elsewhere = await unfinishedRun(database, nowMs, first);
    if (elsewhere !== null) {
      return {
        kind: 'busy',
        reason: `${KIND_WORDS[first]} (started by ${elsewhere.triggeredBy}) has not finished yet.`,
      };
    }
    const context = createSchedulerContext({
      database,
      registry: createJobRegistry({
        [SYNC_TEAMS_JOB]: this.#teamsHandler(courseIds),
        [SYNC_EVENTS_JOB]: this.#eventsHandler(courseIds),
      }),
      siteZone: this.#options.siteZone,
      clock,
      log: this.#options.log,
      ...(this.#options.leaseMs ? { leaseMs: this.#options.leaseMs } : {}),
    });
    await ensureCronRows(database, context.registry, nowMs);
    const claim = await claimManualRun(context, { jobName: firstJob, nowMs, requestedBy: who.actor });
    if (claim === undefined) {
      return { kind: 'busy', reason: `${firstJob} is running (its lease is held by another run).` };
    }
    const jobs = scope === 'events' ? [SYNC_EVENTS_JOB] : [SYNC_TEAMS_JOB, SYNC_EVENTS_JOB];
    const detail = { runId: claim.runId, courseIds: courseIds === null ? 'all' : [...courseIds], jobs };
    try {
      await recordAudit(database.db, { ...who, action: 'sync.run_now', target: firstJob, detail }, nowMs);
    } catch (error) {
      const why = `Not run: the audit log could not be written (${errorInWords(error)}).`;
      await finishRun(context, claim, { status: 'error', error: why, summary: null });
      throw error;
    }
    const stages: StageName[] = scope === 'events' ? ['events'] : ['teams', 'events'];
    this.progress.begin({ runId: claim.runId, requestedBy: who.actor, courseIds, stages });
    const run = this.#runStages(context, claim, who, first)
      .then(
        (outcome) => {
          this.progress.finish(outcome);
          context.log.info(`Sync now (${who.actor}) finished: ${outcome.status}`);
        },
        (error: unknown) => {
          this.progress.finish({ status: 'error', error: errorInWords(error) });
          context.log.error(`Sync now (${who.actor}) failed: ${errorInWords(error)}`);
        },
      )
      .finally(() => {
        this.#running = null;
      });
    this.#running = run;
    return { kind: 'started', runId: claim.runId };
  }

  async #runStages(
    context: SchedulerContext,
    claim: ClaimedRun,
    who: AuditActor,
    first: SyncKind,
  ): Promise<{ status: string; error: string | null }> {
    const done: Array<[StageName, StageOutcome]> = [[first, await this.#execute(context, claim, first)]];
    if (first === 'teams') {
      const next = await this.#claimEvents(context, who);
      if (next.kind === 'claimed') done.push(['events', await this.#execute(context, next.claim, 'events')]);
      else {
        const skipped: StageOutcome = { status: 'skipped', error: next.reason };
        this.progress.stageFinished('events', skipped);
        done.push(['events', skipped]);
      }
    }
    return overallOutcome(done);
  }

  /** Runs one claimed job as a stage of the board; never throws (a failure is the stage's outcome, in words). */
  async #execute(context: SchedulerContext, claim: ClaimedRun, stage: StageName): Promise<StageOutcome> {
    this.progress.stageStarted(stage, claim.runId);
    let outcome: StageOutcome;
    try {
      const finished = await executeJob(context, claim, this.#stop.signal);
      outcome = { status: finished.status, error: finished.error };
    } catch (error) {
      outcome = { status: 'error', error: errorInWords(error) };
    }
    this.progress.stageFinished(stage, outcome);
    return outcome;
  }

  /** The events job's lease, once the teams run has finished; or why the events part is not run, in words. */
  async #claimEvents(
    context: SchedulerContext,
    who: AuditActor,
  ): Promise<{ kind: 'claimed'; claim: ClaimedRun } | { kind: 'skipped'; reason: string }> {
    const later = 'Use Sync events only once it has finished; the scheduled events sync also catches up.';
    if (this.#stop.signal.aborted) {
      return { kind: 'skipped', reason: 'Not run: the web server is shutting down. The next run picks the events up.' };
    }
    try {
      const nowMs = this.#options.clock();
      const elsewhere = await unfinishedRun(this.#options.database, nowMs, 'events');
      if (elsewhere !== null) {
        return {
          kind: 'skipped',
          reason: `Not run: an events sync (started by ${elsewhere.triggeredBy}) has not finished yet. ${later}`,
        };
      }
      const claim = await claimManualRun(context, { jobName: SYNC_EVENTS_JOB, nowMs, requestedBy: who.actor });
      return claim === undefined
        ? {
            kind: 'skipped',
            reason: `Not run: ${SYNC_EVENTS_JOB} is running (its lease is held by another run). ${later}`,
          }
        : { kind: 'claimed', claim };
    } catch (error) {
      return { kind: 'skipped', reason: `Not run: the events sync could not be started (${errorInWords(error)}).` };
    }
  }

  #teamsHandler(courseIds: readonly number[] | null): JobHandler {
    return async (job): Promise<JobResult> => {
      const { runTeamsSync } = await import('../../sync/run/run-teams-sync.js');
      const deps = await this.#options.wire();
      const report = await runTeamsSync(
        { ...deps, triggeredBy: 'web' },
        {
          courseIds,
          dryRun: false,
          force: false,
          signal: job.signal,
          onProgress: (p) => this.progress.updateTeams(p),
        },
      );
      if (report.status === 'error') {
        throw new AppError(report.error ?? 'One or more offerings failed: see the dashboard.', {
          code: 'sync.offerings_failed',
        });
      }
      const summary = { syncRunId: report.runId, requests: report.requests, ...report.planCounts };
      return report.status === 'warning'
        ? { summary, warning: 'Some offerings need attention (warnings or held removals): see the dashboard.' }
        : { summary };
    };
  }

  #eventsHandler(courseIds: readonly number[] | null): JobHandler {
    return async (job): Promise<JobResult> => {
      const { runEventsSync } = await import('../../sync/events/io/run-events-sync.js');
      const deps = await this.#options.wireEvents();
      const names = await this.#teamNames();
      const report = await runEventsSync(
        { ...deps, triggeredBy: 'web' },
        {
          courseIds,
          dryRun: false,
          signal: job.signal,
          onProgress: (p) => this.progress.updateEvents(p, (key) => names.get(key) ?? key),
        },
      );
      if (report.status === 'error') {
        throw new AppError(eventsFailureInWords(report), { code: 'sync.events_failed' });
      }
      const summary = { syncRunId: report.runId, requests: report.requests, ...report.counts };
      return report.status === 'warning'
        ? { summary, warning: report.warnings[0] ?? 'Some events need attention: see the offering pages.' }
        : { summary };
    };
  }

  /** Offering key → its team's name, for the progress board's list of events done. */
  async #teamNames(): Promise<Map<string, string>> {
    const rows = await this.#options.database.db
      .selectFrom('ms_teams')
      .select(['offering_key', 'display_name'])
      .execute();
    return new Map(rows.map((row) => [row.offering_key, row.display_name]));
  }

  /** Resolves once the run started here (if any) has been recorded. */
  async idle(): Promise<void> {
    await this.#running;
  }

  async close(): Promise<void> {
    if (!this.#stop.signal.aborted) this.#stop.abort(new SchedulerStoppedError('the web server is shutting down'));
    await this.idle();
  }
}
