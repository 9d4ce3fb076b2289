// Checks: the `microsoft:` rows of the `cron` table are switched on (as the guide says: they are created off), and
// something runs the scheduler: a `scheduler_heartbeats` beat within the last few minutes. Every `schedule:run`
// (the crontab), every `schedule:work` tick and the in-process scheduler of `npm start` stamp one each minute. Pure.
import { type CheckResult, fail, pass, skip } from '../check-result.js';
import { CRONTAB, JOBS_ACTIVE } from '../check-specs.js';

export interface JobState {
  readonly name: string;
  readonly active: boolean;
  /** Why the row cannot be evaluated (edited by hand), or null. */
  readonly problem: string | null;
}

export interface Heartbeat {
  readonly host: string;
  readonly lastBeatAt: number;
}

/** A crontab fires every minute; three minutes without a beat means nothing is firing. */
export const HEARTBEAT_MAX_AGE_MS = 3 * 60_000;

export function checkJobsActive(jobs: readonly JobState[]): CheckResult {
  const microsoft = jobs.filter((job) => job.name.startsWith('microsoft:'));
  const broken = microsoft.filter((job) => job.problem !== null);
  if (broken.length > 0) {
    return fail(
      JOBS_ACTIVE,
      broken.map((job) => `${job.name}: ${job.problem}`).join(' '),
      broken.map((job) => `elentra-teams schedule:set ${job.name} --schedule "<a valid cron expression>"`).join('; '),
    );
  }
  const off = microsoft.filter((job) => !job.active);
  if (microsoft.length === 0 || off.length > 0) {
    const names = off.map((job) => job.name);
    return fail(
      JOBS_ACTIVE,
      microsoft.length === 0 ? 'The cron table has no microsoft: jobs.' : `Switched off: ${names.join(', ')}.`,
      `${names.map((name) => `elentra-teams schedule:set ${name} --active 1`).join('; ')} (or Switch on, on the ` +
        'Scheduled jobs page).',
    );
  }
  return pass(JOBS_ACTIVE, `Switched on: ${microsoft.map((job) => job.name).join(', ')}.`);
}

function ago(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 120) return `${seconds} s ago`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`;
}

export function checkCrontab(jobs: readonly JobState[], heartbeats: readonly Heartbeat[], nowMs: number): CheckResult {
  const latest = [...heartbeats].sort((a, b) => b.lastBeatAt - a.lastBeatAt)[0];
  const last = latest === undefined ? 'never' : `${ago(nowMs - latest.lastBeatAt)} on ${latest.host}`;
  if (!jobs.some((job) => job.name.startsWith('microsoft:') && job.active)) {
    return skip(CRONTAB, `no microsoft: job is switched on, so nothing needs to fire yet (last heartbeat: ${last}).`);
  }
  if (latest !== undefined && nowMs - latest.lastBeatAt <= HEARTBEAT_MAX_AGE_MS) {
    return pass(CRONTAB, `The scheduler last ran ${last}.`);
  }
  return fail(
    CRONTAB,
    `No scheduler has run in the last ${HEARTBEAT_MAX_AGE_MS / 60_000} minutes (last heartbeat: ${last}): the ` +
      'crontab is not firing, and no schedule:work service or in-process scheduler is running.',
    'Add the crontab line of docs/scheduling.md for the service user (absolute paths, cd to the install folder, ' +
      'ELENTRA_ENV set), or run elentra-teams schedule:work as a service; test it with ' +
      'elentra-teams schedule:run --verbose.',
  );
}
