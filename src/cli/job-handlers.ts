// The scheduler's job handlers for this program: what each `microsoft:` row of the cron table runs. Each imports its
// code only when it runs, so a `schedule:run` with nothing due loads none of it.
import { AppError } from '../lib/errors.js';
import type { JobHandlers } from '../scheduler/index.js';
import type { CliApp } from './cli-app.js';
import { syncEventsJob } from './commands/sync-events.js';

export function jobHandlers(app: CliApp): JobHandlers {
  return {
    'microsoft:sync-events': syncEventsJob(app),
    'microsoft:refresh-token': async () => {
      const { createIdentity, runRefreshTokenJob } = await import('../microsoft/identity/index.js');
      const identity = createIdentity({ config: app.config(), database: await app.database() });
      const result = await runRefreshTokenJob(identity);
      return result.outcome === 'refreshed'
        ? { summary: { outcome: result.outcome, accessExpiresAt: result.accessExpiresAt } }
        : { summary: { outcome: result.outcome }, warning: result.message };
    },
    'microsoft:sync-teams': async (context) => {
      const { runTeamsSync, wireTeamsSync } = await import('../sync/run/cli-exports.js');
      const deps = await wireTeamsSync({
        config: app.config(),
        database: await app.database(),
        elentra: await app.elentra(),
        triggeredBy: 'schedule',
      });
      const report = await runTeamsSync(deps, {
        dryRun: false,
        force: false,
        signal: context.signal,
        onProgress: (progress) => {
          if (progress.phase === 'apply') context.log.info(`${progress.offeringKey}: ${progress.status}`);
        },
      });
      if (report.status === 'error') {
        throw new AppError(report.error ?? 'One or more offerings failed: see the results of the last sync.', {
          code: 'sync.offerings_failed',
        });
      }
      const summary = { runId: report.runId, requests: report.requests, ...report.planCounts };
      return report.status === 'warning'
        ? { summary, warning: 'Some offerings need attention (warnings or held removals): see the sync results.' }
        : { summary };
    },
  };
}
