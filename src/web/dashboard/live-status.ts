// The "Sync progress" section: a Sync now run of this process in detail (phase, offerings done of the total, the
// latest ones with their status), a teams sync of another process from the database (its `sync_runs` row without an
// end, and how many offerings it has recorded so far), or how the last Sync now here ended. `active` makes the page
// refresh itself every REFRESH_SECONDS (a meta refresh: no client JavaScript) until the run is over.
import type { IntegrationDatabase } from '../../db/index.js';
import { formatInstant } from '../render/format.js';
import type { StatusBadge } from '../scheduler/job-views.js';
import { type DashboardSync, unfinishedRun } from './dashboard-sync.js';
import type { FinishedOffering } from './sync-progress.js';

export const REFRESH_SECONDS = 2;

export interface LiveStatus {
  readonly active: boolean;
  readonly headline: string;
  readonly detail: string | null;
  readonly done: number | null;
  readonly total: number | null;
  readonly recent: readonly FinishedOffering[];
  readonly outcome: StatusBadge | null;
  readonly error: string | null;
}

const OUTCOMES: Readonly<Record<string, StatusBadge>> = {
  ok: { tone: 'ok', label: 'OK' },
  warning: { tone: 'warning', label: 'Warning' },
  error: { tone: 'error', label: 'Error' },
};

function scopeWords(courseIds: readonly number[] | null): string {
  return courseIds === null ? 'every offering' : `course ${courseIds.join(', ')}`;
}

export async function liveStatus(
  sync: DashboardSync,
  database: IntegrationDatabase,
  zone: string,
  now: number,
): Promise<LiveStatus | null> {
  const here = sync.progress.current();
  if (here !== null && here.finishedAt === null) {
    return {
      active: true,
      headline: `Sync now (${scopeWords(here.courseIds)}) is running, started ${formatInstant(here.startedAt, zone)} by ${here.requestedBy}.`,
      detail: here.message,
      done: here.done,
      total: here.total,
      recent: here.recent,
      outcome: null,
      error: null,
    };
  }
  const elsewhere = await unfinishedRun(database, now);
  if (elsewhere !== null) {
    const recorded = await database.db
      .selectFrom('sync_offering_results')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('run_id', '=', elsewhere.id)
      .executeTakeFirst();
    const by =
      { schedule: 'the schedule', cli: 'the command line', web: 'Sync now' }[elsewhere.triggeredBy] ??
      elsewhere.triggeredBy;
    return {
      active: true,
      headline: `A teams sync started by ${by} at ${formatInstant(elsewhere.startedAt, zone)} is running in another process.`,
      detail: `${Number(recorded?.n ?? 0)} offering(s) recorded so far.`,
      done: null,
      total: null,
      recent: [],
      outcome: null,
      error: null,
    };
  }
  if (here?.outcome && here.finishedAt !== null) {
    return {
      active: false,
      headline: `The last Sync now (${scopeWords(here.courseIds)}, by ${here.requestedBy}) finished at ${formatInstant(here.finishedAt, zone)}.`,
      detail: here.total === null ? null : `${here.done} of ${here.total} offering(s) applied.`,
      done: here.done,
      total: here.total,
      recent: here.recent,
      outcome: OUTCOMES[here.outcome.status] ?? { tone: 'muted', label: here.outcome.status },
      error: here.outcome.error,
    };
  }
  return null;
}
