// The background jobs this product schedules, with the defaults their `cron` rows get when first created. All start
// switched off, as in the Elentra guide ("Set the active flag to 1 for the microsoft: jobs in the cron table"), and
// run daily at 12:00 AM in DEFAULT_TIMEZONE, the guide's default; the token refresh runs weekly.

export interface JobDefinition {
  readonly name: string;
  /** Shown by `schedule:list` and stored in `cron.description`. */
  readonly description: string;
  /** Cron expression for a new row; an administrator's later change is never overwritten. */
  readonly defaultSchedule: string;
  /**
   * When this job and the one named here are due in the same tick, both start together and this one's handler gets
   * the other's run (JobContext.alongside); otherwise each runs on its own, one after another.
   */
  readonly runsAlongside?: string;
}

export const BUILT_IN_JOBS: readonly JobDefinition[] = [
  {
    name: 'microsoft:sync-teams',
    description: 'Creates a team per course offering and keeps its owners (teachers) and members (learners) in step.',
    defaultSchedule: '0 0 * * *',
  },
  {
    name: 'microsoft:sync-events',
    description: "Creates, updates and cancels Teams meetings for learning events in each team's calendar.",
    defaultSchedule: '0 0 * * *',
    // A meeting needs only its own team: while the teams sync waits on Microsoft's limits, the event sync makes the
    // meetings of the teams that exist, round after round (src/sync/events/io/teams-alongside.ts).
    runsAlongside: 'microsoft:sync-teams',
  },
  {
    name: 'microsoft:refresh-token',
    // Microsoft expires a refresh token unused for 90 days; using it weekly keeps the authorization alive even
    // while both syncs are switched off.
    description: 'Refreshes the Microsoft service token so the authorization does not lapse between syncs.',
    defaultSchedule: '0 3 * * 0',
  },
];
