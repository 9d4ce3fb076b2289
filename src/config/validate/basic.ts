// Checks for the plain values: port, enumerations, on/off flags, identifiers.
import { type Check, fail, ok } from './check.js';

export function checkPort(value: string): Check<number> {
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (port >= 1 && port <= 65_535) return ok(port);
  return fail(`"${value}" is not a TCP port`, 'use a whole number from 1 to 65535, e.g. 8080');
}

/** Case-insensitive choice among `choices`; answers in the listed spelling (`educationclass` → `educationClass`). */
export function checkOneOf<T extends string>(choices: readonly T[]): (value: string) => Check<T> {
  return (value) => {
    const choice = choices.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
    if (choice !== undefined) return ok(choice);
    return fail(`"${value}" is not one of ${choices.join(', ')}`, `set it to one of: ${choices.join(', ')}`);
  };
}

const FLAG_VALUES: Readonly<Record<string, boolean>> = {
  '1': true,
  true: true,
  yes: true,
  '0': false,
  false: false,
  no: false,
};

export function checkFlag(value: string): Check<boolean> {
  const flag = FLAG_VALUES[value.toLowerCase()];
  if (flag !== undefined) return ok(flag);
  return fail(`"${value}" is not 1 or 0`, 'set it to 1 (on) or 0 (off)');
}

/** A database name used unquoted in SQL (`entrada_auth.user_data`), so only plain identifiers. */
export function checkDatabaseName(value: string): Check<string> {
  if (/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(value)) return ok(value);
  return fail(
    `"${value}" is not a plain database name`,
    'give only the name of the database that holds user_data and user_access, e.g. entrada_auth (letters, digits, _)',
  );
}

/** The key of the service-token row; Elentra's guide uses "microsoft_graph". */
export function checkTokenId(value: string): Check<string> {
  if (/^[A-Za-z0-9_.:-]{1,64}$/.test(value)) return ok(value);
  return fail(
    'is not a short name (letters, digits, _ . : -, at most 64 characters)',
    'set it to microsoft_graph, as in the guide, or remove it to use that default',
  );
}
