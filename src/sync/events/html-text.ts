// Elentra's rich text → plain text, and plain text → safe HTML. Why text and not sanitized HTML: Elentra's event
// descriptions come from a WYSIWYG editor and may hold any markup (scripts, styles, iframes, pasted Word HTML);
// a correct HTML sanitizer is a dependency we do not have, and Outlook renders the result in every attendee's
// client. Entrada itself does the same for its calendar feeds (`strip_tags($event["event_message"])` in
// www-root/api/calendar.api.php). Structure survives as line breaks and bullets, links as "text (url)", and
// http(s) URLs become links again when the text is turned back into HTML (textToHtml).
// One pass over the markup (a tokenizer, not a chain of replaces): planning converts up to 200,000 descriptions.
import { decodeHtmlEntities } from './html-entities.js';

const LOOKS_LIKE_HTML = /<\/?[A-Za-z][^>]*>|<!--|&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]+);/i;
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(\/?)([A-Za-z][A-Za-z0-9]*)\b([^>]*)>|[^<]+|</g;
const DROPPED_WITH_CONTENT = new Set(['script', 'style', 'head', 'title', 'template', 'iframe', 'object']);
const BLOCKS = new Set(
  'p div h1 h2 h3 h4 h5 h6 ul ol li tr table thead tbody blockquote pre hr section article header footer dl dt dd'.split(
    ' ',
  ),
);
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;
// Mark a block edge and a <br> while converting: private-use characters (any in the input are removed first).
const BLOCK = '\uE000';
const LINE = '\uE001';
const MARKS = /[\uE000\uE001]/g;
const BLOCK_RUN = /[ \uE000]*\uE000[ \uE000]*/g;

/**
 * Plain text of an Elentra field that may hold HTML. Without markup the text is only trimmed (its own line breaks
 * kept); with markup, source line breaks are spaces as in a browser, and block elements make the lines.
 */
export function htmlToText(input: string | null | undefined): string {
  if (!input) return '';
  if (!LOOKS_LIKE_HTML.test(input)) return tidyLines(input.replace(/\r\n?/g, '\n'));
  const html = input.replace(MARKS, '');
  const parts: string[] = [];
  let link: { href: string; from: number } | null = null;
  let lowerCase: string | null = null;
  TOKEN.lastIndex = 0;
  for (let token = TOKEN.exec(html); token !== null; token = TOKEN.exec(html)) {
    const [whole, closing, rawName, attributes = ''] = token;
    if (rawName === undefined) {
      if (!whole.startsWith('<!--')) parts.push(whole);
      continue;
    }
    const name = rawName.toLowerCase();
    if (DROPPED_WITH_CONTENT.has(name) && !closing) {
      lowerCase ??= html.toLowerCase();
      const end = lowerCase.indexOf(`</${name}`, TOKEN.lastIndex);
      const close = end < 0 ? -1 : html.indexOf('>', end);
      TOKEN.lastIndex = close < 0 ? html.length : close + 1;
      parts.push(' ');
    } else if (name === 'br') parts.push(LINE);
    else if (name === 'li' && !closing) parts.push(`${BLOCK}• `);
    else if (BLOCKS.has(name)) parts.push(BLOCK);
    else if ((name === 'td' || name === 'th') && closing) parts.push(' ');
    else if (name === 'a' && !closing) {
      const href = HREF.exec(attributes);
      link = { href: (href?.[1] ?? href?.[2] ?? href?.[3] ?? '').trim(), from: parts.length };
    } else if (name === 'a' && link !== null) {
      const label = parts.splice(link.from).join('').trim();
      parts.push(linkText(label, link.href));
      link = null;
    }
  }
  // Source line breaks are spaces in HTML; only <br> and block edges make lines.
  const text = parts
    .join('')
    .replace(/[\r\n\t]+/g, ' ')
    .replace(BLOCK_RUN, '\n')
    .replaceAll(LINE, '\n');
  return tidyLines(decodeHtmlEntities(text));
}

/** "label (address)" for http(s) and mailto links whose label is not the address itself; otherwise the label. */
function linkText(label: string, href: string): string {
  // Both still encoded here: the whole text is decoded once, at the end.
  if (!/^(?:https?:|mailto:)/i.test(href) || decodeHtmlEntities(label) === decodeHtmlEntities(href)) {
    return label || href;
  }
  return label ? `${label} (${href})` : href;
}

/** Spaces collapsed within lines, lines trimmed, at most one blank line in a row, no blank edges. */
function tidyLines(text: string): string {
  return text
    .replace(/[ \t\u00a0\f\v]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** One line: every run of whitespace, line breaks included, becomes one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const SPECIAL = /[&<>"]/;
const SPECIALS = /[&<>"]/g;
const ESCAPED: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function escapeHtml(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIALS, (character) => ESCAPED[character] ?? character) : text;
}

/** Text → HTML: escaped, line breaks as `<br>`, http(s) URLs as links. Nothing else of the input becomes markup. */
export function textToHtml(text: string): string {
  const parts: string[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const url = match[0];
    parts.push(escapeHtml(text.slice(last, match.index)), `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`);
    last = match.index + url.length;
  }
  parts.push(escapeHtml(text.slice(last)));
  return parts.join('').replace(/\n/g, '<br>');
}
