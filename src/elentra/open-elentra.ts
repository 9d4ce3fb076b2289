// Opens the Elentra database (ELENTRA_DATABASE_URL) as a typed, read-model handle. Read-only by convention: the only
// writes the product makes are the two guide settings (settings.ts); the demo seed and the embedded schema write only
// in the embedded SQLite mode. `authDatabase` (ELENTRA_AUTH_DATABASE) names the second database that holds the user
// tables; null means they sit in the same database (the embedded mode, and some hosted installs).
// Next: read-roster.ts (the Roster), settings.ts, schema/migrate-demo-schema.ts.
import { type Kysely, sql } from 'kysely';
import { type DatabaseHandle, type DialectName, openDatabase } from '../db/open-database.js';
import { AppError, UsageError } from '../lib/errors.js';
import { AuthDatabasePlugin } from './auth-database-plugin.js';
import type { ElentraTables } from './tables.js';

export interface ElentraHandle {
  db: Kysely<ElentraTables>;
  dialect: DialectName;
  /** The database or schema that holds user_data / user_access / organisations; null = the same database. */
  authDatabase: string | null;
  safeUrl: string;
  close(): Promise<void>;
}

export interface OpenElentraOptions {
  authDatabase?: string | null;
}

// MySQL database and PostgreSQL schema names that need no quoting tricks; anything else is more likely a typo.
const DATABASE_NAME = /^[A-Za-z0-9_$]{1,64}$/;

export async function openElentra(url: string, options: OpenElentraOptions = {}): Promise<ElentraHandle> {
  const authDatabase = options.authDatabase?.trim() || null;
  if (authDatabase !== null && !DATABASE_NAME.test(authDatabase)) {
    throw new UsageError(
      `ELENTRA_AUTH_DATABASE "${authDatabase}" is not a database name. Use letters, digits and _ only, e.g. entrada_auth.`,
      { code: 'config.elentra_auth_database' },
    );
  }
  const handle = await openDatabase<ElentraTables>(url);
  if (authDatabase !== null && handle.dialect === 'sqlite') {
    await handle.close();
    throw new UsageError(
      'ELENTRA_AUTH_DATABASE applies to MySQL/MariaDB (a second database on the same server) and PostgreSQL ' +
        '(a schema). With SQLite the user tables are in the same file: leave ELENTRA_AUTH_DATABASE empty.',
      { code: 'config.elentra_auth_database' },
    );
  }
  const db = authDatabase === null ? handle.db : handle.db.withPlugin(new AuthDatabasePlugin(authDatabase));
  await checkConnection(handle);
  return { db, dialect: handle.dialect, authDatabase, safeUrl: handle.safeUrl, close: handle.close };
}

/** Fails at open, in words, when the server, user, password or database name is wrong (pools connect lazily). */
async function checkConnection(handle: DatabaseHandle<ElentraTables>): Promise<void> {
  try {
    await sql`select 1`.execute(handle.db);
  } catch (error) {
    await handle.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError(
      `Cannot connect to the Elentra database at ${handle.safeUrl}: ${reason}. Check ELENTRA_DATABASE_URL (server, ` +
        'port, user, password and database name) and that this user may read the Elentra tables.',
      { code: 'elentra.connection', docs: 'elentra-database', cause: error },
    );
  }
}

/**
 * The Elentra tables on a connection that is already open: the embedded default keeps them in the integration's own
 * SQLite file, and two better-sqlite3 connections to one file in one process block each other's writes (the driver
 * waits synchronously, so the other connection can never finish). Closing the returned handle leaves the
 * connection to its owner.
 */
export function elentraOnConnection<Tables>(handle: DatabaseHandle<Tables>): ElentraHandle {
  // The same Kysely instance, typed with the Elentra tables: types only, the connection is shared.
  const db = handle.db as unknown as Kysely<ElentraTables>;
  return { db, dialect: handle.dialect, authDatabase: null, safeUrl: handle.safeUrl, close: async () => {} };
}
