// The event sync run alongside the teams sync (the scheduler starts both when both are due, as they are by default):
// a meeting needs only its own team, and a first run's teams sync is bound by Microsoft's 6 team creations a second
// while Outlook waits. The event sync therefore plans in rounds (run-events-sync.ts): a first round with the teams
// that exist when it starts, then another whenever teams have appeared, and a last one once the teams sync has
// finished — so every meeting a sequential run would make is made, most of them while teams are still being created.

/** The teams sync running beside an event sync. */
export interface TeamsAlongside {
  /** True once the teams sync has finished (whatever its outcome). */
  finished(): boolean;
  /** Resolves when the teams sync has finished or `ms` have passed, whichever comes first. */
  wait(ms: number): Promise<void>;
}

/** The teams sync's run as a TeamsAlongside: finished when `run` settles (a failure included). */
export function teamsAlongside(run: Promise<unknown>): TeamsAlongside {
  let settled = false;
  const ended = run.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  return {
    finished: () => settled,
    wait: (ms) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        void ended.then(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}

/**
 * How long to wait before planning another round: at least a second (teams appear at most 6 a second), and twice
 * what the last round's planning took, so that at university scale (200,000 events to select and plan) the rounds
 * take at most a third of one core from the teams sync beside them.
 */
export function roundPauseMs(lastPlanningMs: number): number {
  return Math.max(ROUND_PAUSE_MS, 2 * lastPlanningMs);
}

export const ROUND_PAUSE_MS = 1_000;

/**
 * How long the event sync waits before its first round, unless the teams sync finishes sooner. Both run in one
 * process, on one thread: the teams sync's reading, observing and planning (under a second for a medical school) is
 * what every team creation waits on, while the event sync's first round can as well run while the teams sync waits
 * on Microsoft's limits.
 */
export const TEAMS_HEAD_START_MS = 1_000;
