// The integration's migrations, listed in code rather than found on disk: esbuild turns each file into its own
// dist/ module, and a static import list works there, in tests and under any working folder alike.
// To add one: create `NNNN-what-it-does.ts` beside this file and add it below with the next number.
import { integrationTables } from './0001-integration-tables.js';
import { msTeamsObservationColumns } from './0002-ms-teams-observation-columns.js';
import { msTeamsWebUrl } from './0003-ms-teams-web-url.js';
import type { MigrationSet } from './cross-engine-migration.js';

export const INTEGRATION_MIGRATIONS: MigrationSet = {
  // Prefixed names: Elentra and Laravel already own a `migrations` table, possibly in the same database.
  tableName: 'elentra_teams_migrations',
  lockTableName: 'elentra_teams_migrations_lock',
  migrations: {
    '0001_integration_tables': integrationTables,
    '0002_ms_teams_observation_columns': msTeamsObservationColumns,
    '0003_ms_teams_web_url': msTeamsWebUrl,
  },
};
