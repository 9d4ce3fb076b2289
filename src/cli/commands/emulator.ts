// `emulator [--port N] [--seed FILE] [--auto-consent] [--tls-cert F --tls-key F]`: the Microsoft 365 emulator on its
// own, for trying the product against a local tenant. Present when the program ships the emulator (bin/).
import type { Command } from 'commander';
import type { CliApp } from '../cli-app.js';

export function registerEmulatorCommand(program: Command, app: CliApp): void {
  const run = app.extensions.runEmulatorCli;
  if (!run) return;
  program
    .command('emulator')
    .description('Run the Microsoft 365 emulator (identity platform + Graph) on its own; --help for its options')
    .helpOption(false)
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .argument('[options...]', "the emulator's options, e.g. --port 8081 --seed tenant.json --auto-consent")
    .action(async (args: string[]) => {
      app.exitCode = await run(args);
    });
}
