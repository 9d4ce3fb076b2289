// Reads `KEY=value` settings files (settings-production.env, data/demo-settings.env). Same rules as dotenv:
// `#` comments, optional `export `, values optionally quoted ("…" understands \n, '…' is literal), an unquoted value
// ends at ` #`. Lines that are none of these are skipped: a settings file is not a program.

const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/;

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t' };
const DOUBLE_QUOTED = /^"((?:[^"\\]|\\.)*)"/;
const SINGLE_QUOTED = /^'([^']*)'/;

function unquote(raw: string): string {
  const double = DOUBLE_QUOTED.exec(raw);
  if (double) return (double[1] ?? '').replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? c);
  const single = SINGLE_QUOTED.exec(raw);
  if (single) return single[1] ?? '';
  return raw.replace(/(^|\s+)#.*$/, '');
}

/** `KEY=value` text → its pairs; a later line for the same key wins, as in a shell. */
export function parseDotenv(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(#|$)/.test(line)) continue;
    const match = LINE.exec(line);
    if (!match?.[1]) continue;
    values.set(match[1], unquote(match[2] ?? ''));
  }
  return values;
}
