// The scheduler's commands: `schedule:run` (from the crontab, every minute), `schedule:work` (foreground loop for
// systemd or containers), `schedule:list`, `schedule:set NAME`, `schedule:run-job NAME` ("Run now"). The scheduler
// is imported lazily inside each action, so registering these costs nothing and a `schedule:run` with nothing due
// loads only what it needs. How it all behaves: docs/scheduling.md.
import type { Command } from 'commander';
import { UsageError } from '../../lib/errors.js';
import { formatTable } from '../../lib/format-table.js';
import type * as Scheduler from '../../scheduler/index.js';
import type { CliApp } from '../cli-app.js';
import { EXIT_FAILURE } from '../exit-codes.js';
import { waitForStopSignal } from '../wait-for-stop.js';

export interface ScheduleCommandOptions {
  /** The jobs' handlers (the sync engine's); jobs without one fail with "not implemented yet". */
  handlers?: Scheduler.JobHandlers | ((app: CliApp) => Scheduler.JobHandlers);
}

type SchedulerModule = typeof Scheduler;

interface Opened {
  readonly scheduler: SchedulerModule;
  readonly context: Scheduler.SchedulerContext;
  readonly zone: string;
}

async function openScheduler(app: CliApp, options: ScheduleCommandOptions): Promise<Opened> {
  const scheduler = await import('../../scheduler/index.js');
  const config = app.config();
  const handlers = typeof options.handlers === 'function' ? options.handlers(app) : options.handlers;
  const context = scheduler.createSchedulerContext({
    database: await app.database(),
    registry: scheduler.createJobRegistry(handlers),
    siteZone: config.DEFAULT_TIMEZONE,
    log: { info: (text) => app.io.out(text), warn: (text) => app.io.err(text), error: (text) => app.io.err(text) },
  });
  return { scheduler, context, zone: config.DEFAULT_TIMEZONE };
}

/** An AbortSignal that SIGINT/SIGTERM abort (the running job is told to stop, recorded, its lease released). */
function abortOnStopSignals(scheduler: SchedulerModule): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const stop = (name: NodeJS.Signals) => controller.abort(new scheduler.SchedulerStoppedError(`received ${name}`));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}

function describeRun({ scheduler, zone }: Opened, run: Scheduler.FinishedRun): string {
  const took = scheduler.formatDuration(run.durationMs);
  const when = run.trigger === 'manual' ? 'run now' : `due ${scheduler.formatInZone(run.dueAt, zone)}`;
  const head = `${run.jobName}: ${run.status} after ${took} (${when})`;
  return run.error === null ? head : `${head}: ${run.error}`;
}

function parseActive(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === '1' || value === '0') return value === '1';
  throw new UsageError(`--active takes 0 (off) or 1 (on), not "${value}".`);
}

export function registerScheduleCommands(program: Command, app: CliApp, options: ScheduleCommandOptions = {}): void {
  program
    .command('schedule:run')
    .description('Run the jobs that are due (once, whatever the number of servers) and exit; crontab: every minute')
    .option('--verbose', 'also report when nothing is due')
    .action(async (flags: { verbose?: boolean }) => {
      const opened = await openScheduler(app, options);
      const stop = abortOnStopSignals(opened.scheduler);
      try {
        const report = await opened.scheduler.runDueJobs(opened.context, { signal: stop.signal });
        for (const run of report.runs) app.io.out(describeRun(opened, run));
        for (const moved of report.rescheduled) if (flags.verbose) app.io.out(`Rescheduled ${moved}`);
        if (flags.verbose && report.runs.length === 0) app.io.out('No job was due.');
        const failed = report.runs.some((run) => run.status === 'error') || report.problems.length > 0;
        if (failed) app.exitCode = EXIT_FAILURE;
      } finally {
        stop.dispose();
      }
    });

  program
    .command('schedule:work')
    .description('Run the scheduler in the foreground (systemd, containers): checks every minute until SIGTERM')
    .action(async () => {
      const opened = await openScheduler(app, options);
      const loop = opened.scheduler.startSchedulerLoop(opened.context, {
        onTick: (report) => {
          for (const run of report.runs) app.io.out(describeRun(opened, run));
        },
        onError: (error) => app.io.err(`Scheduler tick failed: ${opened.scheduler.errorInWords(error)}`),
      });
      app.io.out('Scheduler running: it checks for due jobs every minute. Stop it with Ctrl+C or SIGTERM.');
      const signal = await waitForStopSignal();
      app.io.out(`Stopping (${signal}); a running job is told to stop and its lease released.`);
      await loop.stop(`the scheduler received ${signal}`);
    });

  program
    .command('schedule:list')
    .description('List the jobs: schedule, active, next run in the site time zone, last status')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      const opened = await openScheduler(app, options);
      const jobs = await opened.scheduler.listJobs(opened.context);
      if (flags.json) {
        app.io.out(JSON.stringify({ zone: opened.zone, jobs }, null, 2));
        return;
      }
      const { scheduler, zone } = opened;
      const rows = jobs.map((job) => [
        job.name,
        job.zone === zone ? job.schedule : `${job.schedule} (${job.zone})`,
        job.active ? 'yes' : 'no',
        scheduler.describeNextRun(job, zone),
        scheduler.describeLastRun(job, zone),
      ]);
      app.io.out(formatTable(['Job', 'Schedule', 'Active', `Next run (${zone})`, 'Last run'], rows));
      for (const job of jobs) {
        if (job.problem !== null) app.io.out(`\n${job.problem}`);
        else if (job.lastError !== null) app.io.out(`\n${job.name}, last error: ${job.lastError}`);
      }
    });

  program
    .command('schedule:set')
    .description('Change a job: switch it on or off, or give it a new cron expression (validated, audited)')
    .argument('<name>', 'job name, e.g. microsoft:sync-teams')
    .option('--active <0|1>', '1 switches the job on, 0 off')
    .option('--schedule <expression>', 'five-field cron expression, e.g. "0 0 * * *" (daily at 12:00 AM)')
    .option('--timezone <zone>', 'IANA zone for this job\'s schedule, or "default" for DEFAULT_TIMEZONE')
    .action(async (name: string, flags: { active?: string; schedule?: string; timezone?: string }) => {
      const scheduler = await import('../../scheduler/index.js');
      const active = parseActive(flags.active);
      const timezone = flags.timezone === 'default' ? null : flags.timezone;
      const change = { active, schedule: flags.schedule, timezone };
      // Refuse bad input before opening (and migrating) the database.
      scheduler.validateJobChange({ registry: scheduler.createJobRegistry() }, name, change);
      const opened = await openScheduler(app, options);
      const who = { actor: `cli:${scheduler.operatingSystemUser(app.io.env)}` };
      const result = await scheduler.setJob(opened.context, name, change, who);
      if (!result.changed) {
        app.io.out(`${name} already has these settings; nothing changed.`);
        return;
      }
      const { before, after } = result;
      const state = (settings: Scheduler.JobSettings) =>
        `active ${settings.active ? 1 : 0}, "${settings.schedule}" in ${settings.timezone ?? opened.zone}`;
      app.io.out(`${name}: ${state(before)} → ${state(after)}.`);
      const next =
        result.nextDueAt === null ? 'none (switched off)' : scheduler.formatInZone(result.nextDueAt, opened.zone);
      app.io.out(`Next run: ${next}.`);
    });

  program
    .command('schedule:run-job')
    .description('Run a job now ("Run now"), due or not, on or off; refused while another run of it is in progress')
    .argument('<name>', 'job name, e.g. microsoft:sync-teams')
    .action(async (name: string) => {
      const opened = await openScheduler(app, options);
      const { scheduler } = opened;
      const stop = abortOnStopSignals(scheduler);
      try {
        const who = { actor: `cli:${scheduler.operatingSystemUser(app.io.env)}` };
        const result = await scheduler.runJobNow(opened.context, name, { who, signal: stop.signal });
        if (result.kind === 'busy') {
          const until =
            result.leaseExpiresAt === null
              ? ''
              : ` (lease until ${scheduler.formatInZone(result.leaseExpiresAt, opened.zone)})`;
          app.io.err(
            `${name} is already running on ${result.holder ?? 'another instance'}${until}. Try again when it has finished.`,
          );
          app.exitCode = EXIT_FAILURE;
          return;
        }
        app.io.out(describeRun(opened, result.run));
        if (result.run.status === 'error') app.exitCode = EXIT_FAILURE;
      } finally {
        stop.dispose();
      }
    });
}
