// `microsoft:sync-events [--course ID...] [--dry-run] [--json]`: learning events → Teams meetings in each course
// team's calendar (src/sync/events/io/run-events-sync.ts). `--dry-run` plans and changes nothing in Microsoft;
// `--json` prints the report as JSON. On a terminal a progress bar line is printed as each event is written.
// Results are listed per offering and per event, with the Teams join links. Exit codes: 0 done (warnings included),
// 1 an event or offering failed or the Microsoft account is not authorized (the message says what to do), 2 bad
// usage. Also the scheduler's handler for the `microsoft:sync-events` cron row (`syncEventsJob`). Both take the window,
// Teams meetings on/off and the audience filter from the configuration (EVENTS_*; docs/configuration.md).
import type { Command } from 'commander';
import type { JobHandler } from '../../scheduler/index.js';
import type { CliApp } from '../cli-app.js';
import { courseIdsOf } from '../course-ids.js';
import { EXIT_FAILURE } from '../exit-codes.js';

interface SyncEventsFlags {
  course?: string[];
  dryRun?: boolean;
  json?: boolean;
}

async function wire(app: CliApp, triggeredBy: 'cli' | 'schedule') {
  // Loaded when the command runs, so that registering it costs nothing.
  const io = await import('../../sync/events/io/index.js');
  const config = app.config();
  const deps = await io.wireEventsSync({
    config,
    database: await app.database(),
    elentra: await app.elentra(),
    triggeredBy,
    // The administrator's EVENTS_* settings (docs/configuration.md): window, Teams meetings, audience filter.
    settings: io.eventOptionsOf(config),
  });
  return { io, deps };
}

export function registerSyncEventsCommand(program: Command, app: CliApp): void {
  program
    .command('microsoft:sync-events')
    .description("Create, update and cancel Teams meetings for learning events in each course team's calendar")
    .option('--course <id...>', 'only these course ids')
    .option('--dry-run', 'print what would change and change nothing')
    .option('--json', 'print the results as JSON')
    .action(async (flags: SyncEventsFlags) => {
      const courseIds = courseIdsOf(flags.course);
      const { io: events, deps } = await wire(app, 'cli');
      const { io } = app;
      const report = await events.runEventsSync(deps, {
        courseIds,
        dryRun: flags.dryRun === true,
        ...(io.isTty && !flags.json ? { onProgress: (progress) => io.out(events.progressLine(progress)) } : {}),
      });
      io.out(flags.json ? JSON.stringify(report, null, 2) : events.formatEventsReport(report));
      if (report.status === 'error') app.exitCode = EXIT_FAILURE;
    });
}

/**
 * The scheduler's `microsoft:sync-events` job: a full run; a failed offering fails the job, warnings warn. Started
 * with the teams sync (both due in the same tick), it plans in rounds as that run's teams appear.
 */
export function syncEventsJob(app: CliApp): JobHandler {
  return async (context) => {
    const { io: events, deps } = await wire(app, 'schedule');
    const report = await events.runEventsSync(deps, {
      dryRun: false,
      signal: context.signal,
      ...(context.alongside ? { alongside: events.teamsAlongside(context.alongside) } : {}),
    });
    if (report.status === 'error') {
      throw new Error(report.error ?? 'One or more events failed: see the event sync results.');
    }
    const summary = { runId: report.runId, requests: report.requests, ...report.counts };
    return report.status === 'warning'
      ? { summary, warning: report.warnings[0] ?? 'Some offerings need attention: see the event sync results.' }
      : { summary };
  };
}
