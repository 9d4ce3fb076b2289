// The `elentra-teams` command-line program (artisan-style names: `migrate`, `demo:seed`, `microsoft:sync-teams`…).
// Each command lives in ./commands/ and registers itself here. `main` never calls process.exit: it returns the code,
// so that tests run it in-process.
import { Command, CommanderError } from 'commander';
import { CliApp } from './cli-app.js';
import { registerCommands } from './commands/index.js';
import { EXIT_OK, EXIT_USAGE, reportError } from './exit-codes.js';
import type { CliExtensions } from './extensions.js';
import { type CliIo, processIo } from './io.js';

export async function main(argv: string[], io: CliIo = processIo(), extensions: CliExtensions = {}): Promise<number> {
  const app = new CliApp(io, extensions);
  const program = new Command('elentra-teams')
    .description('Keeps Microsoft Teams in step with Elentra ME: teams, owners, members and class meetings.')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (text) => io.out(text), writeErr: (text) => io.err(text) });
  registerCommands(program, app);
  try {
    await program.parseAsync(argv);
    return app.exitCode ?? EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version arrive here as "errors" with exit code 0.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    return reportError(error, io);
  } finally {
    await app.close();
  }
}
