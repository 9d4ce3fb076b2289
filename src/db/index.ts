// Storage: the one door to the integration's database (SQLite, MariaDB/MySQL or PostgreSQL). Open it, migrate it,
// query it with Kysely using the row types of ./tables.ts; what differs between engines is in ./capabilities.ts.

import { type DatabaseHandle, openDatabase } from './open-database.js';
import type { IntegrationTables } from './tables.js';

export { type AuditEntry, recordAudit } from './audit-log.js';
export type { Capabilities, ColumnTypes, IndexDefinition, SchemaConnection } from './capabilities.js';
export { capabilitiesFor } from './capabilities.js';
export { MigrationError, type MigrationOutcome, migrateToLatest } from './migrate.js';
export type { CrossEngineMigration, MigrationSet } from './migrations/cross-engine-migration.js';
export { INTEGRATION_MIGRATIONS } from './migrations/index.js';
export { type DatabaseHandle, type DialectName, dialectOf, openDatabase, redactUrl } from './open-database.js';
export * from './tables.js';

/** The integration's database, typed with its tables. */
export type IntegrationDatabase = DatabaseHandle<IntegrationTables>;

/** Opens the integration's database at DATABASE_URL (not migrated: see `migrateToLatest`). */
export function openIntegrationDatabase(url: string): Promise<IntegrationDatabase> {
  return openDatabase<IntegrationTables>(url);
}
