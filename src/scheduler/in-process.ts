// The scheduler inside the web process, for `npm start` when SCHEDULER_IN_PROCESS is on (the embedded default).
// Same loop and leases as `schedule:work`, so it may run beside crontab-driven `schedule:run`s or other instances
// without double runs. It does not handle signals: the server's shutdown calls `stop()`.
import type { Config } from '../config/index.js';
import type { IntegrationDatabase } from '../db/index.js';
import type { JobLogger, JobRegistry } from './job-registry.js';
import { createSchedulerContext } from './scheduler-context.js';
import { startSchedulerLoop } from './scheduler-loop.js';

export interface InProcessSchedulerOptions {
  readonly db: IntegrationDatabase;
  readonly registry: JobRegistry;
  readonly config: Pick<Config, 'DEFAULT_TIMEZONE'>;
  readonly log?: JobLogger;
}

export interface InProcessScheduler {
  /** Aborts the running job, records it, releases its lease; resolves when the loop has ended. */
  stop(): Promise<void>;
}

/**
 * @example
 * const scheduler = config.SCHEDULER_IN_PROCESS ? startInProcessScheduler({ db, registry, config }) : undefined;
 * app.onClose(async () => scheduler?.stop());
 */
export function startInProcessScheduler(options: InProcessSchedulerOptions): InProcessScheduler {
  const context = createSchedulerContext({
    database: options.db,
    registry: options.registry,
    siteZone: options.config.DEFAULT_TIMEZONE,
    log: options.log,
  });
  const loop = startSchedulerLoop(context);
  return { stop: () => loop.stop('the web server is shutting down') };
}
