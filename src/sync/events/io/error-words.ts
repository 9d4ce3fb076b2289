// Errors in words for the dashboard and the CLI (ARCHITECTURE rule 6): an AppError's public message, else the
// error's own message — never a stack trace.
import { AppError } from '../../../lib/errors.js';

export function errorInWords(error: unknown): string {
  if (error instanceof AppError) return error.publicMessage;
  if (error instanceof Error) return error.message;
  return String(error);
}
