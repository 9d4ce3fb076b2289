// `demo:seed`: fills the embedded SQLite database with the fictional Northfield School of Medicine. It refuses a
// database that already holds courses or people, and a database server unless asked (`--allow-server`): it must
// never write demo rows into a school's real Elentra.
import type { Command } from 'commander';
import { migrateElentraDemoSchema } from '../../elentra/index.js';
import { UsageError } from '../../lib/errors.js';
import type { CliApp } from '../cli-app.js';
import { seedEmbeddedDemo } from '../demo/seed-embedded-demo.js';
import { isEmbeddedElentra } from '../embedded.js';
import { EXIT_FAILURE } from '../exit-codes.js';

export function registerDemoCommands(program: Command, app: CliApp): void {
  program
    .command('demo:seed')
    .description('Fill the embedded SQLite database with the demo medical school (an empty database only)')
    .option('--allow-server', 'also seed a MariaDB/PostgreSQL Elentra database (for trials; never a real Elentra)')
    .action(async (options: { allowServer?: boolean }) => {
      const config = app.config();
      if (!isEmbeddedElentra(config) && !options.allowServer) {
        throw new UsageError(
          'demo:seed fills the embedded SQLite database only, and ELENTRA_DATABASE_URL points at a database server. ' +
            'If this really is a scratch database for a trial, add --allow-server.',
        );
      }
      const elentra = await app.elentra();
      await migrateElentraDemoSchema(elentra);
      const result = await seedEmbeddedDemo(app, elentra, new Date());
      if (!result.seeded) {
        app.io.err(result.message);
        app.exitCode = EXIT_FAILURE;
        return;
      }
      app.io.out(result.message);
    });
}
