// `microsoft:sync-teams [--course ID...] [--dry-run] [--json] [--force]`: the main job by hand. A team for every
// course offering, owners and members kept in step (src/sync/run/run-teams-sync.ts). `--dry-run` prints the plan and
// changes nothing; `--json` prints the plan and the results as JSON; `--force` applies removals the mass-removal
// guard would hold. On a terminal a progress bar line is printed as each offering finishes.
// Exit codes: 0 done (warnings and held removals included), 1 an offering failed or the Microsoft account is not
// authorized (the message says what to do), 2 bad usage.
import type { Command } from 'commander';
import type { CliApp } from '../cli-app.js';
import { courseIdsOf } from '../course-ids.js';
import { EXIT_FAILURE } from '../exit-codes.js';

interface SyncTeamsFlags {
  course?: string[];
  dryRun?: boolean;
  json?: boolean;
  force?: boolean;
}

export function registerSyncTeamsCommand(program: Command, app: CliApp): void {
  program
    .command('microsoft:sync-teams')
    .description('Create and update a Microsoft team for every course offering: owners, members, names, archiving')
    .option('--course <id...>', 'only these course ids')
    .option('--dry-run', 'print the plan and change nothing')
    .option('--json', 'print JSON (the plan with --dry-run, else the results)')
    .option('--force', 'apply removals the mass-removal guard would hold')
    .action(async (flags: SyncTeamsFlags) => {
      const courseIds = courseIdsOf(flags.course);
      const { runTeamsSync, wireTeamsSync, formatReport, progressLine, formatPlanTable, planToJson } = await import(
        '../../sync/run/cli-exports.js'
      );
      const deps = await wireTeamsSync({
        config: app.config(),
        database: await app.database(),
        elentra: await app.elentra(),
        triggeredBy: 'cli',
      });
      const { io } = app;
      const report = await runTeamsSync(deps, {
        courseIds,
        dryRun: flags.dryRun === true,
        force: flags.force === true,
        ...(io.isTty && !flags.json ? { onProgress: (progress) => io.out(progressLine(progress)) } : {}),
      });
      if (flags.json) {
        const plan = flags.dryRun ? planToJson(report.plan) : undefined;
        io.out(JSON.stringify({ ...report, plan }, null, 2));
      } else {
        if (flags.dryRun) io.out(`${formatPlanTable(report.plan)}\n`);
        io.out(formatReport(report));
      }
      if (report.status === 'error') app.exitCode = EXIT_FAILURE;
    });
}
