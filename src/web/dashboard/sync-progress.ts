// The live progress of a "Sync now" run started by this process, in memory: fed by the runner's onProgress
// (src/sync/run/run-types.ts RunProgress) and read by the dashboard, which refreshes itself every two seconds while
// a run is going (no client JavaScript). One run at a time; the last finished run stays until the next one starts,
// so the page can say how it ended. Runs of other processes are seen through the database (dashboard-sync.ts).
import type { RunProgress } from '../../sync/run/run-types.js';

export type ProgressPhase = 'starting' | 'observe' | 'apply' | 'record' | 'finished';

export interface FinishedOffering {
  readonly offeringKey: string;
  readonly displayName: string;
  readonly status: string;
}

export interface LiveProgress {
  /** The `cron_runs` id of the claimed run. */
  readonly runId: number;
  readonly requestedBy: string;
  /** Course ids, or null for every offering. */
  readonly courseIds: readonly number[] | null;
  readonly startedAt: number;
  readonly finishedAt: number | null;
  readonly phase: ProgressPhase;
  readonly message: string;
  readonly done: number;
  /** Offerings to apply, once known. */
  readonly total: number | null;
  /** The latest offerings applied, newest first (at most RECENT_LENGTH). */
  readonly recent: readonly FinishedOffering[];
  /** How the run ended (the scheduler's words), once finished. */
  readonly outcome: { readonly status: string; readonly error: string | null } | null;
}

export const RECENT_LENGTH = 6;

export class SyncProgressBoard {
  #current: LiveProgress | null = null;
  readonly #clock: () => number;

  constructor(clock: () => number) {
    this.#clock = clock;
  }

  /** The running or last finished run; null before any. */
  current(): LiveProgress | null {
    return this.#current;
  }

  isRunning(): boolean {
    return this.#current !== null && this.#current.finishedAt === null;
  }

  begin(run: { runId: number; requestedBy: string; courseIds: readonly number[] | null }): void {
    this.#current = {
      ...run,
      startedAt: this.#clock(),
      finishedAt: null,
      phase: 'starting',
      message: 'Starting: reading the Microsoft authorization and the Elentra roster…',
      done: 0,
      total: null,
      recent: [],
      outcome: null,
    };
  }

  update(progress: RunProgress): void {
    const current = this.#current;
    if (current === null || current.finishedAt !== null) return;
    if (progress.phase !== 'apply') {
      this.#current = { ...current, phase: progress.phase, message: progress.message };
      return;
    }
    const finished = { offeringKey: progress.offeringKey, displayName: progress.displayName, status: progress.status };
    this.#current = {
      ...current,
      phase: 'apply',
      message: `Applying the plan: ${progress.done} of ${progress.total} offering(s) done.`,
      done: progress.done,
      total: progress.total,
      recent: [finished, ...current.recent].slice(0, RECENT_LENGTH),
    };
  }

  finish(outcome: { status: string; error: string | null }): void {
    const current = this.#current;
    if (current === null || current.finishedAt !== null) return;
    this.#current = { ...current, phase: 'finished', message: 'Finished.', finishedAt: this.#clock(), outcome };
  }
}
