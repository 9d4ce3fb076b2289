// How many rows one statement may carry. SQLite's historic limit of 999 bound parameters is the lowest of the three
// engines (MySQL and PostgreSQL allow 65,535), so rows per INSERT and keys per `IN (…)` are sized to stay under it:
// a 500-member snapshot is written in 3 INSERTs of 4 columns, on every engine.
export const MAX_PARAMETERS_PER_STATEMENT = 999;

/** Rows of `columns` values that fit in one statement (with room for a few other parameters). */
export function rowsPerStatement(columns: number): number {
  return Math.max(1, Math.floor((MAX_PARAMETERS_PER_STATEMENT - 10) / columns));
}

/** Keys per `IN (…)` list. */
export const KEYS_PER_STATEMENT = MAX_PARAMETERS_PER_STATEMENT - 10;

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
