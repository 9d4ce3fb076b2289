// The scheduler's job handlers for this program: what each `microsoft:` row of the cron table runs. Each imports its
// code only when it runs, so a `schedule:run` with nothing due loads none of it.
import type { JobHandlers } from '../scheduler/index.js';
import type { CliApp } from './cli-app.js';

export function jobHandlers(app: CliApp): JobHandlers {
  return {
    'microsoft:refresh-token': async () => {
      const { createIdentity, runRefreshTokenJob } = await import('../microsoft/identity/index.js');
      const identity = createIdentity({ config: app.config(), database: await app.database() });
      const result = await runRefreshTokenJob(identity);
      return result.outcome === 'refreshed'
        ? { summary: { outcome: result.outcome, accessExpiresAt: result.accessExpiresAt } }
        : { summary: { outcome: result.outcome }, warning: result.message };
    },
  };
}
