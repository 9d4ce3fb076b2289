// What a command needs, opened lazily and closed once: the validated configuration, the integration's database and
// the Elentra database. A command that needs none of them (e.g. `--help`) opens nothing.

import { userInfo } from 'node:os';
import { type Config, loadConfig } from '../config/index.js';
import { type IntegrationDatabase, migrateToLatest, openIntegrationDatabase, recordAudit } from '../db/index.js';
import { type ElentraHandle, elentraOnConnection, openElentra } from '../elentra/index.js';
import type { CliExtensions } from './extensions.js';
import type { CliIo } from './io.js';

export class CliApp {
  exitCode: number | undefined;
  private configValue: Config | undefined;
  private integrationDb: Promise<IntegrationDatabase> | undefined;
  private migratedDb: Promise<IntegrationDatabase> | undefined;
  private elentraDb: Promise<ElentraHandle> | undefined;
  private readonly closers: Array<() => Promise<void>> = [];

  constructor(
    readonly io: CliIo,
    readonly extensions: CliExtensions = {},
  ) {}

  /** Loads and validates the configuration once; a bad value throws a ConfigError (exit code 2). */
  config(): Config {
    this.configValue ??= loadConfig({ env: this.io.env, cwd: this.io.cwd });
    return this.configValue;
  }

  /** Forgets the loaded configuration (after `start` writes the demo settings file). */
  reloadConfig(): Config {
    this.configValue = undefined;
    return this.config();
  }

  /**
   * The integration's database, migrated to the latest version (a single query when it already is), so that no
   * command meets a missing table on a fresh install or after an upgrade.
   */
  database(): Promise<IntegrationDatabase> {
    this.migratedDb ??= this.unmigratedDatabase().then(async (handle) => {
      await migrateToLatest(handle);
      return handle;
    });
    return this.migratedDb;
  }

  /** The integration's database as it is (for `migrate` itself, which reports what it applied). */
  unmigratedDatabase(): Promise<IntegrationDatabase> {
    this.integrationDb ??= openIntegrationDatabase(this.config().DATABASE_URL).then((handle) => {
      this.closers.push(() => handle.close());
      return handle;
    });
    return this.integrationDb;
  }

  /** Records a change made from the command line in the audit log, as `cli:<operating-system user>`. */
  async audit(action: string, target: string, detail: Record<string, unknown>): Promise<void> {
    const database = await this.database();
    await recordAudit(database.db, { actor: `cli:${osUser()}`, action, target, detail });
  }

  /**
   * The Elentra database. When it is the integration's own SQLite file (the embedded default), the same connection
   * serves both: two connections to one SQLite file in one process block each other's writes.
   */
  elentra(): Promise<ElentraHandle> {
    const config = this.config();
    if (config.ELENTRA_DATABASE_URL === config.DATABASE_URL && config.DATABASE_URL.startsWith('sqlite:')) {
      this.elentraDb ??= this.unmigratedDatabase().then((handle) => elentraOnConnection(handle));
      return this.elentraDb;
    }
    this.elentraDb ??= openElentra(config.ELENTRA_DATABASE_URL, { authDatabase: config.ELENTRA_AUTH_DATABASE }).then(
      (handle) => {
        this.closers.push(() => handle.close());
        return handle;
      },
    );
    return this.elentraDb;
  }

  /** Registers something to close when the program ends (a server, an emulator). */
  onClose(closer: () => Promise<void>): void {
    this.closers.push(closer);
  }

  async close(): Promise<void> {
    for (const closer of this.closers.splice(0).reverse()) await closer();
  }
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
