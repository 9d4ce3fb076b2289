// `microsoft:doctor [--json] [--organisation ID]`: every check of the Troubleshooting page (src/doctor/), printed as a
// table with the fix and the docs/troubleshooting.md section of each check that did not pass. It makes one real token
// refresh (as the weekly job does) and one `GET /me`; it changes nothing else. An invalid configuration is reported
// as the first check failing, not as a usage error. Exit codes: 0 nothing failed (warnings included), 1 a check
// failed, 2 bad usage.
import type { Command } from 'commander';
import { ConfigError } from '../../config/index.js';
import type { ConfigOutcome } from '../../doctor/index.js';
import { UsageError } from '../../lib/errors.js';
import type { CliApp } from '../cli-app.js';
import { EXIT_FAILURE } from '../exit-codes.js';

interface DoctorFlags {
  json?: boolean;
  organisation: string;
}

function loadConfigOutcome(app: CliApp): ConfigOutcome {
  try {
    return { ok: true, config: app.config() };
  } catch (error) {
    if (error instanceof ConfigError) return { ok: false, error };
    throw error;
  }
}

export function registerDoctorCommand(program: Command, app: CliApp): void {
  program
    .command('microsoft:doctor')
    .description('Check the whole setup (settings, Azure app, secret, token, time zone, jobs, Graph) and say the fix')
    .option('--json', 'print JSON')
    .option('--organisation <id>', 'whose Elentra settings to check', '1')
    .action(async (flags: DoctorFlags) => {
      if (!/^[1-9][0-9]*$/.test(flags.organisation)) {
        throw new UsageError(`--organisation takes an organisation id (a whole number), not: ${flags.organisation}.`);
      }
      const { runDoctor, wireDoctorIo, anyFailed, formatReport, reportJson } = await import('../../doctor/index.js');
      const config = loadConfigOutcome(app);
      const io = config.ok
        ? wireDoctorIo({
            config: config.config,
            database: await app.database(),
            elentra: () => app.elentra(),
            organisationId: Number(flags.organisation),
          })
        : undefined;
      const results = await runDoctor({ config, ...(io ? { io } : {}) });
      app.io.out(flags.json ? reportJson(results) : formatReport(results));
      if (anyFailed(results)) app.exitCode = EXIT_FAILURE;
    });
}
