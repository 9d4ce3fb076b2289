// Check: how the latest runs went — each `microsoft:` job's last run (the `cron` row, as `cron_runs` recorded it)
// and the latest real (not dry) run of each sync (`sync_runs`, with its failed offerings from
// `sync_offering_results`). An error fails the check, a warning warns; the errors are quoted in words. Pure.
import { type CheckResult, fail, pass, warn } from '../check-result.js';
import { LAST_RUNS } from '../check-specs.js';

export interface LastJobRun {
  readonly name: string;
  /** `ok`, `warning`, `error`, `running`, or null before the first run. */
  readonly status: string | null;
  readonly error: string | null;
}

export interface FailedOffering {
  readonly offeringKey: string;
  readonly message: string | null;
  /** The troubleshooting section of the offering's last error, when the sync recorded one. */
  readonly docs: string | null;
}

export interface LastSyncRun {
  readonly kind: string;
  readonly status: string;
  readonly error: string | null;
  readonly failedOfferings: readonly FailedOffering[];
}

/** At most this many offerings are quoted; the rest are counted. */
const QUOTED_OFFERINGS = 3;

function syncWords(run: LastSyncRun): string {
  const parts = [`the last ${run.kind} sync ended with ${run.status}`];
  if (run.error) parts.push(run.error);
  const quoted = run.failedOfferings.slice(0, QUOTED_OFFERINGS).map((offering) => {
    const see = offering.docs ? ` (see docs/troubleshooting.md#${offering.docs})` : '';
    return `${offering.offeringKey}: ${offering.message ?? 'failed'}${see}`;
  });
  parts.push(...quoted);
  const more = run.failedOfferings.length - quoted.length;
  if (more > 0) parts.push(`and ${more} more offering${more === 1 ? '' : 's'}`);
  return parts.join('; ');
}

export function checkLastRuns(jobs: readonly LastJobRun[], syncs: readonly LastSyncRun[]): CheckResult {
  const jobProblems = jobs.filter((job) => job.status === 'error' || job.status === 'warning');
  const syncProblems = syncs.filter((run) => run.status === 'error' || run.status === 'warning');
  const words = [
    ...jobProblems.map((job) => `${job.name} last ended with ${job.status}${job.error ? `: ${job.error}` : ''}`),
    ...syncProblems.map(syncWords),
  ];
  const fix =
    'Read each error: it names the fix and, where there is one, its section of this guide. Fix that, then run the ' +
    'job again with elentra-teams schedule:run-job NAME (or Run now on the Scheduled jobs page).';
  if (jobProblems.some((job) => job.status === 'error') || syncProblems.some((run) => run.status === 'error')) {
    return fail(LAST_RUNS, `${words.join('. ')}.`, fix);
  }
  if (words.length > 0) return warn(LAST_RUNS, `${words.join('. ')}.`, fix);
  const ran = jobs.filter((job) => job.status !== null).length + syncs.length;
  return pass(
    LAST_RUNS,
    ran === 0 ? 'No job or sync has run yet.' : 'The latest job and sync runs ended without errors.',
  );
}
