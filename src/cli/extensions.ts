// What the program's composition root (bin/elentra-teams.js) plugs into the CLI from outside src/: the Microsoft 365
// emulator. The product never imports the emulator (they meet over HTTP only); the bin, which ships both, hands the
// CLI a way to start one for the embedded demo and to run it standalone.

export interface EmbeddedTenantOptions {
  port: number;
  host: string;
  /** A tenant seed in the emulator's format (emulator/tenant-seed.schema.json). */
  seed: unknown;
  /**
   * Where the emulator keeps its tenant's teams, events and tokens across restarts (read at start, saved after
   * changes); absent = memory only.
   */
  statePath?: string;
}

export interface EmbeddedTenant {
  loginUrl: string;
  graphUrl: string;
  viewerUrl: string;
  stop(): Promise<void>;
}

export interface CliExtensions {
  /** Starts the emulator as the embedded demo's Microsoft tenant. */
  startEmbeddedTenant?: (options: EmbeddedTenantOptions) => Promise<EmbeddedTenant>;
  /** Runs the emulator's own command line (`elentra-teams emulator …`); resolves with its exit code. */
  runEmulatorCli?: (args: readonly string[]) => Promise<number>;
}
