// Reads the define("NAME", value); lines of an Elentra settings file (settings-production.inc.php), so a school
// can point SETTINGS_FILE at the file it already has. Values may be string or number literals, constants defined
// earlier (true, false, or a define above), joined with `.` — which covers the guide's
//   define("MS_OAUTH_REDIRECT_URL", ENTRADA_URL."/api/ms-graph-oauth.php");
// A define() with anything else in it ($_SERVER, a function call) is skipped; the rest of the file still counts.
import { type PhpToken, tokenizePhp } from './php-tokens.js';

const BUILT_IN_CONSTANTS: Readonly<Record<string, string>> = { true: '1', false: '' };

interface Cursor {
  tokens: PhpToken[];
  index: number;
}

function take(cursor: Cursor): PhpToken | undefined {
  const token = cursor.tokens[cursor.index];
  cursor.index += 1;
  return token;
}

function isPunct(token: PhpToken | undefined, value: string): boolean {
  return token?.kind === 'punct' && token.value === value;
}

/** One operand of a `.` chain; null when its value cannot be known without running PHP. */
function readTerm(cursor: Cursor, constants: ReadonlyMap<string, string>): string | null {
  const token = take(cursor);
  if (token?.kind === 'string') return token.value;
  if (token?.kind === 'number') return token.value;
  if (token?.kind !== 'name' || isPunct(cursor.tokens[cursor.index], '(')) return null;
  return constants.get(token.value) ?? BUILT_IN_CONSTANTS[token.value.toLowerCase()] ?? null;
}

function readExpression(cursor: Cursor, constants: ReadonlyMap<string, string>): string | null {
  let value = readTerm(cursor, constants);
  while (value !== null && isPunct(cursor.tokens[cursor.index], '.')) {
    cursor.index += 1;
    const next = readTerm(cursor, constants);
    value = next === null ? null : value + next;
  }
  return value;
}

/** Reads the arguments after `define`; returns [name, value] or null when the call is not one we can evaluate. */
function readDefine(cursor: Cursor, constants: ReadonlyMap<string, string>): [string, string] | null {
  if (!isPunct(take(cursor), '(')) return null;
  const name = take(cursor);
  if (name?.kind !== 'string' || name.value === null || !isPunct(take(cursor), ',')) return null;
  const value = readExpression(cursor, constants);
  if (value === null) return null;
  // define()'s old third argument (case-insensitive) changes nothing we read.
  if (isPunct(cursor.tokens[cursor.index], ',')) {
    cursor.index += 1;
    if (readTerm(cursor, constants) === null) return null;
  }
  return isPunct(take(cursor), ')') ? [name.value, value] : null;
}

/** PHP text → the constants its define() calls set, in order. As in PHP, the first define of a name wins. */
export function parsePhpDefines(text: string): Map<string, string> {
  const constants = new Map<string, string>();
  const cursor: Cursor = { tokens: tokenizePhp(text), index: 0 };
  while (cursor.index < cursor.tokens.length) {
    const token = take(cursor);
    if (token?.kind !== 'name' || !/^\\?define$/i.test(token.value)) continue;
    const start = cursor.index;
    const defined = readDefine(cursor, constants);
    if (defined === null) {
      cursor.index = start;
      continue;
    }
    if (!constants.has(defined[0])) constants.set(defined[0], defined[1]);
  }
  return constants;
}
