// Text as Teams should show it: one line, no control characters, no runs of spaces, and no longer than Microsoft
// allows (naming/limits.ts). Truncation cuts between grapheme clusters, so an emoji, a flag or an accented letter
// written with a combining mark is never split, and it ends with "…" so that a reader sees the name was shortened.
const CONTROL_OR_SEPARATOR = /[\p{Cc}\p{Zl}\p{Zp}\p{Zs}]+/gu;
const ELLIPSIS = '…';
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Control characters, line breaks and every kind of space become one plain space; trimmed. */
export function oneLine(text: string): string {
  return text.replace(CONTROL_OR_SEPARATOR, ' ').trim();
}

/** `text` if it fits in `maxLength` UTF-16 units; otherwise whole graphemes then "…", together at most `maxLength`. */
export function truncateText(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let kept = '';
  for (const { segment } of graphemes.segment(text)) {
    if (kept.length + segment.length > maxLength - ELLIPSIS.length) break;
    kept += segment;
  }
  return `${kept.trimEnd()}${ELLIPSIS}`;
}

/** Elentra keeps course descriptions as HTML: tags dropped, the common entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0*39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
