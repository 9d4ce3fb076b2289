// HTML character references → characters, for Elentra text that went through a WYSIWYG editor (CKEditor writes
// `&eacute;`, `&nbsp;`, `&rsquo;` …). Numeric references are decoded in full; named ones from the table below, which
// covers what editors emit for English and French text. An unknown name is left as written.

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  sbquo: '\u201a',
  bdquo: '\u201e',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  bull: '\u2022',
  middot: '\u00b7',
  prime: '\u2032',
  laquo: '\u00ab',
  raquo: '\u00bb',
  lsaquo: '\u2039',
  rsaquo: '\u203a',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  deg: '\u00b0',
  plusmn: '\u00b1',
  times: '\u00d7',
  divide: '\u00f7',
  micro: '\u00b5',
  para: '\u00b6',
  sect: '\u00a7',
  frac12: '\u00bd',
  frac14: '\u00bc',
  frac34: '\u00be',
  sup2: '\u00b2',
  sup3: '\u00b3',
  euro: '\u20ac',
  pound: '\u00a3',
  cent: '\u00a2',
  yen: '\u00a5',
  iexcl: '\u00a1',
  iquest: '\u00bf',
  shy: '\u00ad',
  le: '\u2264',
  ge: '\u2265',
  ne: '\u2260',
  larr: '\u2190',
  rarr: '\u2192',
  alpha: '\u03b1',
  beta: '\u03b2',
  gamma: '\u03b3',
  delta: '\u03b4',
  mu: '\u03bc',
  pi: '\u03c0',
  szlig: '\u00df',
};

// Latin-1 letters with accents: &Eacute; &eacute; &ccedil; … generated rather than listed.
const ACCENTS: ReadonlyArray<[string, string, string]> = [
  ['acute', 'AEIOUYaeiouy', '\u00c1\u00c9\u00cd\u00d3\u00da\u00dd\u00e1\u00e9\u00ed\u00f3\u00fa\u00fd'],
  ['grave', 'AEIOUaeiou', '\u00c0\u00c8\u00cc\u00d2\u00d9\u00e0\u00e8\u00ec\u00f2\u00f9'],
  ['circ', 'AEIOUaeiou', '\u00c2\u00ca\u00ce\u00d4\u00db\u00e2\u00ea\u00ee\u00f4\u00fb'],
  ['uml', 'AEIOUaeiouy', '\u00c4\u00cb\u00cf\u00d6\u00dc\u00e4\u00eb\u00ef\u00f6\u00fc\u00ff'],
  ['tilde', 'ANOano', '\u00c3\u00d1\u00d5\u00e3\u00f1\u00f5'],
  ['cedil', 'Cc', '\u00c7\u00e7'],
  ['ring', 'Aa', '\u00c5\u00e5'],
  ['slash', 'Oo', '\u00d8\u00f8'],
];

const table = new Map<string, string>(Object.entries(NAMED));
for (const [suffix, letters, characters] of ACCENTS) {
  for (let i = 0; i < letters.length; i++) table.set(`${letters[i]}${suffix}`, characters[i] ?? '');
}
table.set('AElig', '\u00c6').set('aelig', '\u00e6').set('OElig', '\u0152').set('oelig', '\u0153');

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

function fromCodePoint(code: number, written: string): string {
  // Outside Unicode, surrogates and NUL are not characters: keep the text as written.
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return written;
  return String.fromCodePoint(code);
}

/** `'Caf&eacute; &amp; tea &#8211; 2&#x00BD; h'` → `'Café & tea – 2½ h'`. */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (written, decimal?: string, hex?: string, name?: string) => {
    if (decimal !== undefined) return fromCodePoint(Number.parseInt(decimal, 10), written);
    if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16), written);
    return table.get(name ?? '') ?? written;
  });
}
