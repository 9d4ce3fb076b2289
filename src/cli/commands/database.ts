// `migrate`: creates or updates the integration's tables (and, on the embedded SQLite default, the Elentra-shaped
// demo tables). Running it twice is a no-op that says so.
import type { Command } from 'commander';
import { migrateToLatest } from '../../db/index.js';
import { migrateElentraDemoSchema } from '../../elentra/index.js';
import type { CliApp } from '../cli-app.js';
import { isEmbeddedElentra } from '../embedded.js';

export function registerDatabaseCommands(program: Command, app: CliApp): void {
  program
    .command('migrate')
    .description("Create or update the integration's tables (a no-op when they are up to date)")
    .action(async () => {
      const database = await app.unmigratedDatabase();
      const result = await migrateToLatest(database);
      app.io.out(
        result.alreadyUpToDate
          ? `Nothing to migrate: ${database.safeUrl} is up to date.`
          : `Migrated ${database.safeUrl}: ${result.applied.join(', ')}.`,
      );
      if (isEmbeddedElentra(app.config())) {
        const elentra = await app.elentra();
        const demo = await migrateElentraDemoSchema(elentra);
        if (demo.applied.length > 0) app.io.out(`Created the embedded Elentra tables: ${demo.applied.join(', ')}.`);
      }
    });
}
