// How the runner tells errors apart: an AuthorizationRequiredError stops the whole run at once (nothing more can be
// done in Microsoft until an administrator re-authorizes, and going on would only fail every offering the same way);
// anything else is the offering's own failure, recorded in words (ARCHITECTURE rule 6: no stack trace on the dashboard).

import { AppError } from '../../lib/errors.js';
import { AuthorizationRequiredError } from '../../microsoft/identity/identity-errors.js';

export function stopsTheRun(error: unknown): error is AuthorizationRequiredError {
  return error instanceof AuthorizationRequiredError;
}

export function errorInWords(error: unknown): string {
  if (error instanceof AppError) return error.publicMessage;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The troubleshooting anchor of an error, when it has one. */
export function errorDocs(error: unknown): string | null {
  return error instanceof AppError ? (error.docs ?? null) : null;
}

/** Runs `work`; an ordinary failure becomes its message, a run-stopping one is rethrown. */
export async function settle<T>(
  work: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (stopsTheRun(error)) throw error;
    return { ok: false, error };
  }
}
