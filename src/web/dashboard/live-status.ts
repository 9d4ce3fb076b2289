// The "Sync progress" section: a Sync now run of this process in detail, stage by stage (the teams sync, then the
// events sync: each one's phase, what is done of the total, the latest done with their status, how it ended), a sync
// of another process from the database (its `sync_runs` row without an end — teams first, then events — and for
// teams how many offerings it has recorded so far), or how the last Sync now here ended. `active` makes the page
// refresh itself every REFRESH_SECONDS (a meta refresh: no client JavaScript) until the run is over.
import type { IntegrationDatabase } from '../../db/index.js';
import { formatInstant } from '../render/format.js';
import type { StatusBadge } from '../scheduler/job-views.js';
import { type DashboardSync, type UnfinishedRun, unfinishedRun } from './dashboard-sync.js';
import type { FinishedItem, StageProgress } from './sync-progress.js';

export const REFRESH_SECONDS = 2;

export interface StageLine {
  readonly title: string;
  readonly badge: StatusBadge;
  readonly running: boolean;
  readonly detail: string;
  readonly done: number;
  readonly total: number | null;
  /** What the progress bar counts. */
  readonly unit: string;
  readonly recent: readonly FinishedItem[];
  /** How it ended in words: the failure, the warning, or why it was not run; null when all went well. */
  readonly error: string | null;
  /** `error` is a failure (shown as one), not a warning. */
  readonly failed: boolean;
}

export interface LiveStatus {
  readonly active: boolean;
  readonly headline: string;
  readonly detail: string | null;
  /** A run of this process, stage by stage; empty for a run of another process. */
  readonly stages: readonly StageLine[];
  readonly outcome: StatusBadge | null;
  readonly error: string | null;
}

const OUTCOMES: Readonly<Record<string, StatusBadge>> = {
  ok: { tone: 'ok', label: 'OK' },
  warning: { tone: 'warning', label: 'Warning' },
  error: { tone: 'error', label: 'Error' },
  skipped: { tone: 'warning', label: 'Not run' },
};

const TITLES = { teams: 'Teams', events: 'Events' } as const;
const UNITS = { teams: 'Offerings done', events: 'Event changes done' } as const;

function scopeWords(courseIds: readonly number[] | null): string {
  return courseIds === null ? 'every offering' : `course ${courseIds.join(', ')}`;
}

/** What a finished stage did, in words: `3 of 3 offering(s) applied.`, `5 of 5 event change(s) applied.` */
function doneWords(stage: StageProgress): string {
  if (stage.outcome?.status === 'skipped') return 'Not run.';
  if (stage.total === null) return stage.outcome === null ? stage.message : 'Finished.';
  if (stage.stage === 'events' && stage.total === 0) return 'No event needed a change.';
  const what = stage.stage === 'teams' ? 'offering(s)' : 'event change(s)';
  return `${stage.done} of ${stage.total} ${what} applied.`;
}

export function stageLine(stage: StageProgress): StageLine {
  const running = stage.outcome === null && stage.phase !== 'waiting';
  const badge =
    stage.outcome !== null
      ? (OUTCOMES[stage.outcome.status] ?? { tone: 'muted', label: stage.outcome.status })
      : running
        ? { tone: 'running' as const, label: 'Running' }
        : { tone: 'muted' as const, label: 'Waiting' };
  return {
    title: TITLES[stage.stage],
    badge,
    running,
    detail: stage.outcome === null ? stage.message : doneWords(stage),
    done: stage.done,
    total: stage.total,
    unit: UNITS[stage.stage],
    recent: stage.recent,
    error: stage.outcome?.error ?? null,
    failed: stage.outcome?.status === 'error',
  };
}

const BY = { schedule: 'the schedule', cli: 'the command line', web: 'Sync now' } as const;

async function otherProcess(database: IntegrationDatabase, now: number): Promise<UnfinishedRun | null> {
  return (await unfinishedRun(database, now, 'teams')) ?? (await unfinishedRun(database, now, 'events'));
}

export async function liveStatus(
  sync: DashboardSync,
  database: IntegrationDatabase,
  zone: string,
  now: number,
): Promise<LiveStatus | null> {
  const here = sync.progress.current();
  if (here !== null && here.finishedAt === null) {
    const current = here.stages.find((stage) => stage.outcome === null && stage.phase !== 'waiting');
    return {
      active: true,
      headline: `Sync now (${scopeWords(here.courseIds)}) is running, started ${formatInstant(here.startedAt, zone)} by ${here.requestedBy}.`,
      detail: current ? `${TITLES[current.stage]}: ${current.message}` : null,
      stages: here.stages.map(stageLine),
      outcome: null,
      error: null,
    };
  }
  const elsewhere = await otherProcess(database, now);
  if (elsewhere !== null) {
    const by = BY[elsewhere.triggeredBy as keyof typeof BY] ?? elsewhere.triggeredBy;
    const what = elsewhere.kind === 'teams' ? 'A teams sync' : 'An events sync';
    let detail: string | null = null;
    if (elsewhere.kind === 'teams') {
      const recorded = await database.db
        .selectFrom('sync_offering_results')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('run_id', '=', elsewhere.id)
        .executeTakeFirst();
      detail = `${Number(recorded?.n ?? 0)} offering(s) recorded so far.`;
    }
    return {
      active: true,
      headline: `${what} started by ${by} at ${formatInstant(elsewhere.startedAt, zone)} is running in another process.`,
      detail,
      stages: [],
      outcome: null,
      error: null,
    };
  }
  if (here?.outcome && here.finishedAt !== null) {
    return {
      active: false,
      headline: `The last Sync now (${scopeWords(here.courseIds)}, by ${here.requestedBy}) finished at ${formatInstant(here.finishedAt, zone)}.`,
      detail: null,
      stages: here.stages.map(stageLine),
      outcome: OUTCOMES[here.outcome.status] ?? { tone: 'muted', label: here.outcome.status },
      // The stages carry their own words; this is for a failure outside them.
      error: here.stages.some((stage) => stage.outcome?.error) ? null : here.outcome.error,
    };
  }
  return null;
}
