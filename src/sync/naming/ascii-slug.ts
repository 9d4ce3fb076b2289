// Course codes as mailNickname-safe ASCII: accents transliterated (NFKD, then the combining marks dropped: é → e,
// full-width Ｍ → M), the letters NFKD leaves alone mapped by a small table (ß → ss, Ø → O), and anything else —
// emoji, other scripts, punctuation Microsoft forbids (naming/limits.ts) — turned into single hyphens.

/** Latin letters with no decomposition, as German, Scandinavian, Polish, Icelandic and Turkish write them. */
const LETTERS_WITHOUT_DECOMPOSITION: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
};

const COMBINING_MARK = /\p{M}/gu;

/** The ASCII letters and digits a reader would type for `text`; everything else dropped or replaced by '-'. */
export function toAscii(text: string): string {
  let out = '';
  for (const char of text.normalize('NFKD').replace(COMBINING_MARK, '')) {
    const mapped = LETTERS_WITHOUT_DECOMPOSITION[char];
    if (mapped !== undefined) out += mapped;
    else out += char.charCodeAt(0) < 0x80 ? char : '-';
  }
  return out;
}

/**
 * Lower-case `a-z0-9` words joined by single hyphens, at most `maxLength` long (cut at a hyphen when possible).
 *
 * @example asciiSlug('MÉD 101 — Anatomie 🫀') // 'med-101-anatomie'
 */
export function asciiSlug(text: string, maxLength = Number.POSITIVE_INFINITY): string {
  const slug = toAscii(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 0 && slug[maxLength] !== '-' ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}
