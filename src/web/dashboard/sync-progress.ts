// The live progress of a "Sync now" run started by this process, in memory: one stage per job it runs — the teams
// sync, then the events sync (or the events sync alone: "Sync events only") — each fed by its runner's onProgress
// (src/sync/run/run-types.ts RunProgress, src/sync/events/io/events-run-types.ts EventsRunProgress) and read by the
// dashboard, which refreshes itself every two seconds while a run is going (no client JavaScript). One run at a time;
// the last finished run stays until the next one starts, so the page can say how it ended. Runs of other processes
// are seen through the database (dashboard-sync.ts).
import type { AppliedOutcome } from '../../sync/events/io/apply-event-operation.js';
import type { EventsRunProgress } from '../../sync/events/io/events-run-types.js';
import type { RunProgress } from '../../sync/run/run-types.js';

export type StageName = 'teams' | 'events';
export type ProgressPhase = 'waiting' | 'starting' | 'observe' | 'plan' | 'apply' | 'record' | 'finished';
export type ItemTone = 'ok' | 'warning' | 'error' | 'muted';

/** An offering (teams) or an event (events) done, as the latest-done list shows it. */
export interface FinishedItem {
  readonly label: string;
  /** What happened, in a word or two (`ok`, `held`, `written`, `meeting missing` …). */
  readonly status: string;
  readonly tone: ItemTone;
}

/** How a stage ended: the scheduler's status, or `skipped` (not run, `error` says why). */
export interface StageOutcome {
  readonly status: 'ok' | 'warning' | 'error' | 'skipped';
  readonly error: string | null;
}

export interface StageProgress {
  readonly stage: StageName;
  /** The `cron_runs` id of the stage's claimed run, once claimed. */
  readonly runId: number | null;
  readonly phase: ProgressPhase;
  readonly message: string;
  readonly done: number;
  /** Offerings (teams) or event changes (events) to apply, once known. */
  readonly total: number | null;
  /** The latest done, newest first (at most RECENT_LENGTH). */
  readonly recent: readonly FinishedItem[];
  readonly outcome: StageOutcome | null;
}

export interface LiveProgress {
  /** The `cron_runs` id of the first stage's claimed run. */
  readonly runId: number;
  readonly requestedBy: string;
  /** Course ids, or null for every offering. */
  readonly courseIds: readonly number[] | null;
  readonly startedAt: number;
  readonly finishedAt: number | null;
  /** In the order they run. */
  readonly stages: readonly StageProgress[];
  /** How the whole run ended, once finished (the worst of its stages). */
  readonly outcome: { readonly status: string; readonly error: string | null } | null;
}

export const RECENT_LENGTH = 6;

const WAITING: Readonly<Record<StageName, string>> = {
  teams: 'Waiting.',
  events: 'Waits for the teams sync to finish.',
};

const STARTING: Readonly<Record<StageName, string>> = {
  teams: 'Starting: reading the Microsoft authorization and the Elentra roster…',
  events: 'Starting: reading the Microsoft authorization, the Outlook Time Zone and the learning events…',
};

const EVENT_OUTCOMES: Readonly<Record<AppliedOutcome, { status: string; tone: ItemTone }>> = {
  written: { status: 'written', tone: 'ok' },
  deleted: { status: 'cancelled', tone: 'ok' },
  gone: { status: 'already gone', tone: 'warning' },
  'meeting-missing': { status: 'meeting missing', tone: 'warning' },
  'team-deleted': { status: 'team deleted', tone: 'warning' },
  'never-made': { status: 'no meeting had been made', tone: 'muted' },
  error: { status: 'error', tone: 'error' },
};

function teamTone(status: string): ItemTone {
  if (status === 'ok') return 'ok';
  if (status === 'error') return 'error';
  return status === 'warning' || status === 'held' ? 'warning' : 'muted';
}

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

  begin(run: {
    runId: number;
    requestedBy: string;
    courseIds: readonly number[] | null;
    stages: readonly StageName[];
  }): void {
    this.#current = {
      runId: run.runId,
      requestedBy: run.requestedBy,
      courseIds: run.courseIds,
      startedAt: this.#clock(),
      finishedAt: null,
      stages: run.stages.map((stage) => ({
        stage,
        runId: null,
        phase: 'waiting',
        message: WAITING[stage],
        done: 0,
        total: null,
        recent: [],
        outcome: null,
      })),
      outcome: null,
    };
  }

  stageStarted(stage: StageName, runId: number): void {
    this.#change(stage, () => ({ runId, phase: 'starting', message: STARTING[stage] }));
  }

  /** The teams sync's onProgress. */
  updateTeams(progress: RunProgress): void {
    if (progress.phase !== 'apply') {
      this.#change('teams', () => ({ phase: progress.phase, message: progress.message }));
      return;
    }
    const item = { label: progress.displayName, status: progress.status, tone: teamTone(progress.status) };
    this.#change('teams', (stage) => ({
      phase: 'apply',
      message: `Applying the plan: ${progress.done} of ${progress.total} offering(s) done.`,
      done: progress.done,
      total: progress.total,
      recent: [item, ...stage.recent].slice(0, RECENT_LENGTH),
    }));
  }

  /** The events sync's onProgress; `offeringName` names an offering key (its team's name, when known). */
  updateEvents(progress: EventsRunProgress, offeringName: (offeringKey: string) => string): void {
    if (progress.phase !== 'apply') {
      this.#change('events', () => ({ phase: progress.phase, message: progress.message }));
      return;
    }
    const outcome = EVENT_OUTCOMES[progress.outcome];
    const item = { label: `Event ${progress.eventId} · ${offeringName(progress.offeringKey)}`, ...outcome };
    this.#change('events', (stage) => ({
      phase: 'apply',
      message: `Writing the meetings: ${progress.done} of ${progress.total} event change(s) done.`,
      done: progress.done,
      total: progress.total,
      recent: [item, ...stage.recent].slice(0, RECENT_LENGTH),
    }));
  }

  stageFinished(stage: StageName, outcome: StageOutcome): void {
    const message = outcome.status === 'skipped' ? 'Not run.' : 'Finished.';
    this.#change(stage, () => ({ phase: 'finished', message, outcome }));
  }

  finish(outcome: { status: string; error: string | null }): void {
    const current = this.#current;
    if (current === null || current.finishedAt !== null) return;
    this.#current = { ...current, finishedAt: this.#clock(), outcome };
  }

  #change(name: StageName, change: (stage: StageProgress) => Partial<StageProgress>): void {
    const current = this.#current;
    if (current === null || current.finishedAt !== null) return;
    const stages = current.stages.map((stage) =>
      stage.stage === name && stage.outcome === null ? { ...stage, ...change(stage) } : stage,
    );
    this.#current = { ...current, stages };
  }
}
