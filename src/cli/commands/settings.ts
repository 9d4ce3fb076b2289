// `settings:get NAME` and `settings:set NAME VALUE`: Elentra's `settings` table, where the guide's two switches live
// (`microsoft_teams_enabled`, `user_menu_ordering`). An organisation's row wins over the global row.
import { type Command, InvalidArgumentError } from 'commander';
import { getSetting, setSetting } from '../../elentra/index.js';
import type { CliApp } from '../cli-app.js';
import { EXIT_FAILURE } from '../exit-codes.js';

function organisationId(value: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id < 1) throw new InvalidArgumentError('must be a positive whole number');
  return id;
}

function validShortname(value: string): string {
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(value)) {
    throw new InvalidArgumentError('a setting name is 1–64 letters, digits, "_", "." or "-"');
  }
  return value;
}

export function registerSettingsCommands(program: Command, app: CliApp): void {
  program
    .command('settings:get')
    .description('Print the value of an Elentra setting (the organisation row wins over the global row)')
    .argument('<name>', 'the setting shortname, e.g. microsoft_teams_enabled', validShortname)
    .option('--organisation <id>', 'read as this organisation', organisationId)
    .action(async (name: string, options: { organisation?: number }) => {
      const value = await getSetting(await app.elentra(), name, options.organisation ?? null);
      if (value === null) {
        app.io.err(
          `The setting "${name}" is not set${options.organisation ? ` for organisation ${options.organisation}` : ''}.`,
        );
        app.exitCode = EXIT_FAILURE;
        return;
      }
      app.io.out(value);
    });

  program
    .command('settings:set')
    .description("Set an Elentra setting (the global row, or an organisation's row with --organisation)")
    .argument('<name>', 'the setting shortname, e.g. microsoft_teams_enabled', validShortname)
    .argument('<value>', 'the new value')
    .option('--organisation <id>', "set this organisation's row", organisationId)
    .action(async (name: string, value: string, options: { organisation?: number }) => {
      const elentra = await app.elentra();
      const result = await setSetting(elentra, name, value, options.organisation ?? null);
      const scope = options.organisation ? `organisation ${options.organisation}` : 'global';
      app.io.out(
        result.action === 'unchanged'
          ? `${name} (${scope}) is already "${value}".`
          : `${name} (${scope}) ${result.action}: ${result.previous === null ? '(none)' : `"${result.previous}"`} → "${value}".`,
      );
      await app.audit('settings.set', `${name}@${scope}`, { previous: result.previous, value });
    });
}
