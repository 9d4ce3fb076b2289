// Instants, durations and job states as the CLI prints them: wall-clock time in the site's zone with its abbreviation.
import { toWallClock } from '../time/index.js';
import type { JobListing } from './list-jobs.js';

const zoneNames = new Map<string, Intl.DateTimeFormat>();

function zoneAbbreviation(epochMs: number, zone: string): string {
  let format = zoneNames.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' });
    zoneNames.set(zone, format);
  }
  return format.formatToParts(epochMs).find((part) => part.type === 'timeZoneName')?.value ?? zone;
}

/** `2026-01-02 00:00 EST`. */
export function formatInZone(epochMs: number, zone: string): string {
  const wall = toWallClock(epochMs / 1000, zone)
    .replace('T', ' ')
    .slice(0, 16);
  return `${wall} ${zoneAbbreviation(epochMs, zone)}`;
}

/** `850 ms`, `12.3 s`, `4 min 5 s`. */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1_000)} s`;
}

/** The "next run" cell of a job: `off`, `due now (was …)`, or the time. */
export function describeNextRun(job: JobListing, zone: string): string {
  if (job.problem !== null) return 'never: invalid schedule';
  if (!job.active) return 'off';
  if (job.nextRunAt === null) return 'never';
  const when = formatInZone(job.nextRunAt, zone);
  return job.dueNow ? `due now (was ${when})` : when;
}

/** The "last run" cell: status, when and how long, or who is running it now. */
export function describeLastRun(job: JobListing, zone: string): string {
  if (job.lease !== null && !job.lease.expired) return `running on ${job.lease.owner}`;
  if (job.lease?.expired) return `${job.lastStatus ?? 'running'}? (its holder stopped renewing its lease)`;
  if (job.lastStatus === null || job.lastStartedAt === null) return 'never run';
  const took = job.lastDurationMs === null ? '' : `, ${formatDuration(job.lastDurationMs)}`;
  return `${job.lastStatus} (${formatInZone(job.lastStartedAt, zone)}${took})`;
}
