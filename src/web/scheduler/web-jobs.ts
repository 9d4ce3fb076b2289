// The scheduler as the "Scheduled jobs" page uses it: the jobs and their run history, changes through setJob
// (validated, audited in one transaction), the preview of the next five runs, and "Run now" started in the
// background so that a long job never holds up the request. A run is claimed (lease taken, `cron_runs` row written)
// and audited before the page answers; the job then runs on, renewing its lease, and records its own outcome. On the
// server's close the running jobs are told to stop and their leases released (executeJob's grace applies).
import { type IntegrationDatabase, recordAudit } from '../../db/index.js';
import {
  type AuditActor,
  claimManualRun,
  createSchedulerContext,
  ensureCronRows,
  errorInWords,
  executeJob,
  finishRun,
  type JobChange,
  type JobListing,
  type JobLogger,
  type JobRegistry,
  listJobs,
  previewSchedule,
  type SchedulePreview,
  type SchedulerContext,
  SchedulerStoppedError,
  type SetJobResult,
  setJob,
} from '../../scheduler/index.js';

export type StartRunResult =
  | { readonly kind: 'started'; readonly runId: number }
  /** Another run of the job holds its lease (here or on another server). */
  | { readonly kind: 'busy'; readonly holder: string | null };

export interface RunHistoryRow {
  readonly id: number;
  readonly jobName: string;
  readonly startedAt: number;
  readonly finishedAt: number | null;
  readonly status: string;
  readonly error: string | null;
  readonly host: string;
  /** The `cron_runs.summary` JSON as stored (trigger, who asked, what the job reported), or null while running. */
  readonly summary: string | null;
}

export interface WebJobsOptions {
  readonly database: IntegrationDatabase;
  readonly registry: JobRegistry;
  /** DEFAULT_TIMEZONE. */
  readonly siteZone: string;
  readonly clock: () => number;
  readonly log: JobLogger;
}

/** How many runs the page lists. */
export const HISTORY_LENGTH = 20;

export class WebJobs {
  readonly #context: SchedulerContext;
  readonly #running = new Set<Promise<void>>();
  readonly #stop = new AbortController();

  constructor(options: WebJobsOptions) {
    this.#context = createSchedulerContext(options);
  }

  get siteZone(): string {
    return this.#context.siteZone;
  }

  isKnown(name: string): boolean {
    return this.#context.registry.definition(name) !== undefined;
  }

  /** The words setJob uses for a name that is not a job. */
  unknownJobMessage(name: string): string {
    const names = this.#context.registry.definitions.map((job) => job.name);
    return `There is no job named "${name}". Jobs: ${names.join(', ')}.`;
  }

  list(): Promise<JobListing[]> {
    return listJobs(this.#context);
  }

  async job(name: string): Promise<JobListing | undefined> {
    return (await this.list()).find((job) => job.name === name);
  }

  /** The latest runs of the registered jobs, newest first. */
  async history(limit = HISTORY_LENGTH): Promise<RunHistoryRow[]> {
    const names = this.#context.registry.definitions.map((job) => job.name);
    const rows = await this.#context.database.db
      .selectFrom('cron_runs')
      .select(['id', 'job_name', 'started_at', 'finished_at', 'status', 'error', 'host', 'summary'])
      .where('job_name', 'in', names)
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      jobName: row.job_name,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      status: row.status,
      error: row.error,
      host: row.host,
      summary: row.summary,
    }));
  }

  /** setJob: throws UsageError (unknown job, invalid expression) before anything is written. */
  set(name: string, change: JobChange, who: AuditActor): Promise<SetJobResult> {
    return setJob(this.#context, name, change, who);
  }

  preview(expression: string, zone: string): SchedulePreview {
    return previewSchedule(expression, zone, this.#context.clock());
  }

  /** "Run now": claims and audits the run, then lets it go on in the background. Call only for a known job. */
  async start(name: string, who: AuditActor): Promise<StartRunResult> {
    const context = this.#context;
    const nowMs = context.clock();
    await ensureCronRows(context.database, context.registry, nowMs);
    const claim = await claimManualRun(context, { jobName: name, nowMs, requestedBy: who.actor });
    if (claim === undefined) {
      const row = await context.database.db
        .selectFrom('cron')
        .select('lease_owner')
        .where('name', '=', name)
        .executeTakeFirst();
      return { kind: 'busy', holder: row?.lease_owner ?? null };
    }
    const audit = { ...who, action: 'schedule.run_now', target: name, detail: { runId: claim.runId } };
    try {
      await recordAudit(context.database.db, audit, nowMs);
    } catch (error) {
      // Nothing runs unaudited: the claimed run is closed at once and its lease released.
      const why = `Not run: the audit log could not be written (${errorInWords(error)}).`;
      await finishRun(context, claim, { status: 'error', error: why, summary: null });
      throw error;
    }
    const run: Promise<void> = executeJob(context, claim, this.#stop.signal)
      .then(
        (finished) => context.log.info(`${name} (run now by ${who.actor}) finished: ${finished.status}`),
        (error: unknown) => context.log.error(`${name} (run now by ${who.actor}) failed: ${errorInWords(error)}`),
      )
      .finally(() => this.#running.delete(run));
    this.#running.add(run);
    return { kind: 'started', runId: claim.runId };
  }

  /** Resolves when every run started so far has finished and been recorded. */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.#running]);
  }

  /** Tells the running jobs to stop, then waits until each has been recorded and its lease released. */
  async close(): Promise<void> {
    if (!this.#stop.signal.aborted) this.#stop.abort(new SchedulerStoppedError('the web server is shutting down'));
    await this.idle();
  }
}
