// The program's exit codes: 0 done, 1 the work failed, 2 bad usage or configuration (nothing was attempted).
import { AppError, UsageError } from '../lib/errors.js';
import type { CliIo } from './io.js';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Prints an error for a person (never a stack trace for expected errors) and returns the exit code. */
export function reportError(error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    io.err(`Error: ${error.publicMessage}`);
    if (error.docs) io.err(`See docs/troubleshooting.md#${error.docs}`);
    return EXIT_USAGE;
  }
  if (error instanceof AppError) {
    io.err(`Error: ${error.publicMessage}`);
    if (error.docs) io.err(`See docs/troubleshooting.md#${error.docs}`);
    return EXIT_FAILURE;
  }
  if (isDatabaseDriverError(error)) {
    // A query the database refused (a missing grant or table): the driver's own words say which; no stack trace.
    io.err(`Database error: ${error.message}`);
    io.err('See docs/troubleshooting.md#elentra-database (Elentra tables) or #database-migration-failed (our tables).');
    return EXIT_FAILURE;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.err(`Unexpected error: ${message}`);
  return EXIT_FAILURE;
}

/** mysql2 (`ER_…`), pg (a five-character SQLSTATE) and better-sqlite3 (`SQLITE_…`) errors carry a string code. */
function isDatabaseDriverError(error: unknown): error is Error & { code: string } {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') return false;
  return /^(ER_|SQLITE_)/.test(error.code) || /^[0-9A-Z]{5}$/.test(error.code);
}
