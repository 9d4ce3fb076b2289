// `--course ID…`: course ids given as separate values or comma-separated, refused in words unless whole numbers.
import { UsageError } from '../lib/errors.js';

/** null when the option was not given (every course). */
export function courseIdsOf(values: readonly string[] | undefined): number[] | null {
  if (values === undefined) return null;
  const ids = values.flatMap((value) => value.split(',')).map((value) => value.trim());
  const bad = ids.filter((value) => !/^[1-9][0-9]*$/.test(value));
  if (bad.length > 0) throw new UsageError(`--course takes course ids (whole numbers), not: ${bad.join(', ')}.`);
  return ids.map(Number);
}
