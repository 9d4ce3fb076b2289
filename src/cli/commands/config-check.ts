// `config:check`: validates the configuration and prints every setting with where it came from; secrets redacted.
// A bad value never gets here: loading fails first with a ConfigError (exit code 2) naming each problem.
import type { Command } from 'commander';
import { describeConfig } from '../../config/index.js';
import { formatTable } from '../../lib/format-table.js';
import type { CliApp } from '../cli-app.js';

export function registerConfigCommands(program: Command, app: CliApp): void {
  program
    .command('config:check')
    .description('Validate the configuration and print it (secrets redacted); exit code 2 names any bad value')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const config = app.config();
      const rows = describeConfig(config);
      if (options.json) {
        app.io.out(JSON.stringify({ ok: true, settingsFile: config.settingsFile, settings: rows }, null, 2));
        return;
      }
      app.io.out(
        formatTable(
          ['Setting', 'Value', 'Source'],
          rows.map((row) => [row.name, row.value, row.source]),
        ),
      );
      app.io.out(
        `\nThe configuration is valid${config.settingsFile ? ` (settings file: ${config.settingsFile})` : ''}.`,
      );
    });
}
