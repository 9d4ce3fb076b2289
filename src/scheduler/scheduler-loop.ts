// The long-running scheduler (`schedule:work`, and `npm start` in-process): a tick at start, then one just after
// every minute boundary, until stopped. Ticks never overlap: a job that runs past the minute delays the next tick,
// and what fell due meanwhile runs once after it (the catch-up rule). Stopping aborts the running job's signal and
// resolves once it has been recorded and its lease released (or abandoned after the grace period).
import { setTimeout as sleep } from 'node:timers/promises';
import { errorInWords, SchedulerStoppedError } from './execute-job.js';
import { runDueJobs, type TickReport } from './run-due-jobs.js';
import type { SchedulerContext } from './scheduler-context.js';

/** Crontab fires at second 0; ticking a little after it makes sure the minute's due time has passed. */
const TICK_OFFSET_MS = 500;
const MINUTE_MS = 60_000;

export interface SchedulerLoop {
  /** Stops after the current job (aborted) is recorded. `why` ends up in that run's error text. */
  stop(why?: string): Promise<void>;
  /** Resolves when the loop has ended. */
  readonly finished: Promise<void>;
}

export interface SchedulerLoopOptions {
  onTick?(report: TickReport): void;
  /** A tick failed (database unreachable…): the loop carries on at the next minute. */
  onError?(error: unknown): void;
}

export function msUntilNextTick(nowMs: number): number {
  return MINUTE_MS - (nowMs % MINUTE_MS) + TICK_OFFSET_MS;
}

export function startSchedulerLoop(context: SchedulerContext, options: SchedulerLoopOptions = {}): SchedulerLoop {
  const controller = new AbortController();
  const { signal } = controller;
  const onError = options.onError ?? ((error) => context.log.error(`Scheduler tick failed: ${errorInWords(error)}`));
  const finished = (async () => {
    while (!signal.aborted) {
      try {
        // Not `onTick?.(await runDueJobs(…))`: an optional call skips evaluating its arguments when onTick is absent.
        const report = await runDueJobs(context, { signal });
        options.onTick?.(report);
      } catch (error) {
        onError(error);
      }
      if (signal.aborted) break;
      await sleep(msUntilNextTick(Date.now()), undefined, { signal }).catch(() => undefined);
    }
  })();
  return {
    finished,
    stop(why = 'the scheduler was asked to stop') {
      if (!signal.aborted) controller.abort(new SchedulerStoppedError(why));
      return finished;
    },
  };
}
