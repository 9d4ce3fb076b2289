// "Sync now" on the dashboard: a teams sync started in the background, for every offering or one course, never two at
// once. It runs as the `microsoft:sync-teams` job under that job's lease (claimManualRun → executeJob, as "Run now"
// on Scheduled jobs does), so it cannot overlap the crontab's run, another server's Sync now or a Run now: the
// database decides, whichever process asks. Unlike Run now it passes the dashboard's own options to the runner
// (course ids, `triggered_by` = web) and feeds its onProgress into the in-memory progress board. A teams sync
// started from the command line takes no lease; its `sync_runs` row (no finished_at yet) is seen instead, and a
// Sync now is refused while such a row is younger than STALE_RUN_MS (a killed command leaves its row unfinished).
// Stopping the server stops the run (recorded, lease released), as for Run now.
import { type IntegrationDatabase, recordAudit } from '../../db/index.js';
import { AppError } from '../../lib/errors.js';
import {
  type AuditActor,
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
  SchedulerStoppedError,
} from '../../scheduler/index.js';
import type { RunDeps } from '../../sync/run/run-types.js';
import { SyncProgressBoard } from './sync-progress.js';

export const SYNC_TEAMS_JOB = 'microsoft:sync-teams';
/** An unfinished `sync_runs` row older than this is taken for a run that was killed, not one still going. */
export const STALE_RUN_MS = 15 * 60_000;

export type SyncNowResult =
  | { readonly kind: 'started'; readonly runId: number }
  | { readonly kind: 'busy'; readonly reason: string };

export interface UnfinishedRun {
  readonly id: number;
  readonly triggeredBy: string;
  readonly startedAt: number;
}

export interface DashboardSyncOptions {
  readonly database: IntegrationDatabase;
  /** The production wiring (src/sync/run/wire-sync.ts) with the web's identity; tests pass their own. */
  readonly wire: () => Promise<RunDeps>;
  readonly siteZone: string;
  readonly clock: () => number;
  readonly log: JobLogger;
  /** Tests: a short lease. */
  readonly leaseMs?: number;
}

/** The newest teams sync (dry runs included) with no end recorded that started less than STALE_RUN_MS ago. */
export async function unfinishedRun(database: IntegrationDatabase, nowMs: number): Promise<UnfinishedRun | null> {
  const row = await database.db
    .selectFrom('sync_runs')
    .select(['id', 'triggered_by', 'started_at'])
    .where('kind', '=', 'teams')
    .where('finished_at', 'is', null)
    .where('started_at', '>', nowMs - STALE_RUN_MS)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? { id: row.id, triggeredBy: row.triggered_by, startedAt: row.started_at } : null;
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

  /** Claims the job's lease and audits `sync.run_now`, then runs in the background. */
  async start(courseIds: readonly number[] | null, who: AuditActor): Promise<SyncNowResult> {
    const { database, clock } = this.#options;
    if (this.#running !== null) return { kind: 'busy', reason: 'A sync started from this dashboard is running.' };
    const nowMs = clock();
    const elsewhere = await unfinishedRun(database, nowMs);
    if (elsewhere !== null) {
      return { kind: 'busy', reason: `A teams sync (started by ${elsewhere.triggeredBy}) has not finished yet.` };
    }
    const context = createSchedulerContext({
      database,
      registry: createJobRegistry({ [SYNC_TEAMS_JOB]: this.#handler(courseIds) }),
      siteZone: this.#options.siteZone,
      clock,
      log: this.#options.log,
      ...(this.#options.leaseMs ? { leaseMs: this.#options.leaseMs } : {}),
    });
    await ensureCronRows(database, context.registry, nowMs);
    const claim = await claimManualRun(context, { jobName: SYNC_TEAMS_JOB, nowMs, requestedBy: who.actor });
    if (claim === undefined) {
      return { kind: 'busy', reason: `${SYNC_TEAMS_JOB} is running (its lease is held by another run).` };
    }
    const detail = { runId: claim.runId, courseIds: courseIds === null ? 'all' : [...courseIds] };
    try {
      await recordAudit(database.db, { ...who, action: 'sync.run_now', target: SYNC_TEAMS_JOB, detail }, nowMs);
    } catch (error) {
      const why = `Not run: the audit log could not be written (${errorInWords(error)}).`;
      await finishRun(context, claim, { status: 'error', error: why, summary: null });
      throw error;
    }
    this.progress.begin({ runId: claim.runId, requestedBy: who.actor, courseIds });
    const run = executeJob(context, claim, this.#stop.signal)
      .then(
        (finished) => {
          this.progress.finish({ status: finished.status, error: finished.error });
          context.log.info(`Sync now (${who.actor}) finished: ${finished.status}`);
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

  #handler(courseIds: readonly number[] | null): JobHandler {
    return async (job): Promise<JobResult> => {
      const { runTeamsSync } = await import('../../sync/run/run-teams-sync.js');
      const deps = await this.#options.wire();
      const report = await runTeamsSync(
        { ...deps, triggeredBy: 'web' },
        { courseIds, dryRun: false, force: false, signal: job.signal, onProgress: (p) => this.progress.update(p) },
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

  /** Resolves once the run started here (if any) has been recorded. */
  async idle(): Promise<void> {
    await this.#running;
  }

  async close(): Promise<void> {
    if (!this.#stop.signal.aborted) this.#stop.abort(new SchedulerStoppedError('the web server is shutting down'));
    await this.idle();
  }
}
