// A tokenizer for the small part of PHP that settings files use: string and number literals, names, ( ) , . ;
// Comments are skipped, so a commented-out define() is not read. Anything else becomes an `other` token, which
// makes the define() around it unreadable (and skipped) rather than crashing the program.

export type PhpToken =
  /** `value` is null when a double-quoted string interpolates a variable ("$host"): its value is unknowable here. */
  | { kind: 'string'; value: string | null }
  | { kind: 'number'; value: string }
  | { kind: 'name'; value: string }
  | { kind: 'punct'; value: '(' | ')' | ',' | '.' | ';' }
  | { kind: 'other'; value: string };

const DOUBLE_QUOTED_ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  f: '\f',
  e: '\x1b',
  '\\': '\\',
  $: '$',
  '"': '"',
};
const STICKY = {
  whitespace: /\s+/y,
  lineComment: /(?:\/\/|#)[^\n]*/y,
  blockComment: /\/\*[\s\S]*?(?:\*\/|$)/y,
  doubleQuoted: /"((?:[^"\\]|\\[\s\S])*)(?:"|$)/y,
  singleQuoted: /'((?:[^'\\]|\\[\s\S])*)(?:'|$)/y,
  number: /\d+(?:\.\d+)?/y,
  name: /\\?[A-Za-z_][A-Za-z0-9_]*(?:\\[A-Za-z_][A-Za-z0-9_]*)*/y,
};

function matchAt(pattern: RegExp, text: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return pattern.exec(text);
}

function doubleQuotedValue(body: string): string | null {
  // An unescaped $ before a name or { is interpolation ("$x", "{$x}").
  if (/(?:^|[^\\])(?:\\\\)*\$[A-Za-z_{]/.test(body)) return null;
  return body.replace(/\\([\s\S])/g, (sequence, c: string) => DOUBLE_QUOTED_ESCAPES[c] ?? sequence);
}

function singleQuotedValue(body: string): string {
  return body.replace(/\\(['\\])/g, '$1');
}

export function tokenizePhp(text: string): PhpToken[] {
  const tokens: PhpToken[] = [];
  let index = 0;
  while (index < text.length) {
    const skipped =
      matchAt(STICKY.whitespace, text, index) ??
      matchAt(STICKY.lineComment, text, index) ??
      matchAt(STICKY.blockComment, text, index);
    if (skipped) {
      index += skipped[0].length;
      continue;
    }
    const double = matchAt(STICKY.doubleQuoted, text, index);
    const single = double ? null : matchAt(STICKY.singleQuoted, text, index);
    const number = double || single ? null : matchAt(STICKY.number, text, index);
    const name = double || single || number ? null : matchAt(STICKY.name, text, index);
    const char = text.charAt(index);
    if (double) tokens.push({ kind: 'string', value: doubleQuotedValue(double[1] ?? '') });
    else if (single) tokens.push({ kind: 'string', value: singleQuotedValue(single[1] ?? '') });
    else if (number) tokens.push({ kind: 'number', value: number[0] });
    else if (name) tokens.push({ kind: 'name', value: name[0] });
    else if (char === '(' || char === ')' || char === ',' || char === '.' || char === ';') {
      tokens.push({ kind: 'punct', value: char });
    } else tokens.push({ kind: 'other', value: char });
    index += (double ?? single ?? number ?? name)?.[0].length ?? 1;
  }
  return tokens;
}
