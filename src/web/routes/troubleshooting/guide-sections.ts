// The Troubleshooting Guide's words beside each check: the first paragraph of each section's **Fix** in
// docs/troubleshooting.md (with the list or line that a paragraph ending in ":" leads to), read once from the
// repository the program runs from. Markdown is reduced to plain text and code spans, which the view escapes. When the
// file is not there (an install without docs/), the page shows the section names only.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A piece of a quoted paragraph: plain words, or a code span. */
export interface GuideSegment {
  code: boolean;
  text: string;
}

export type GuideFixes = ReadonlyMap<string, GuideSegment[][]>;

/** At most this many characters are quoted per section. */
const MAX_QUOTE = 900;

/** docs/troubleshooting.md, looked for upwards from this file (src/… under vitest, dist/src/… when built). */
export function findGuide(from = fileURLToPath(import.meta.url)): string | null {
  let dir = dirname(from);
  for (let depth = 0; depth < 8; depth += 1) {
    const candidate = join(dir, 'docs', 'troubleshooting.md');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
}

/** `[text](link)` → text, `**bold**` → bold; code spans kept as segments. */
export function segmentsOf(markdown: string): GuideSegment[] {
  if (markdown.startsWith('```')) return [{ code: true, text: markdown.slice(3, -3) }];
  const segments: GuideSegment[] = [];
  markdown.split(/(`[^`]+`)/).forEach((part) => {
    if (part === '') return;
    if (part.startsWith('`') && part.endsWith('`') && part.length > 1) {
      segments.push({ code: true, text: part.slice(1, -1) });
      return;
    }
    const text = part.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\*\*([^*]+)\*\*/g, '$1');
    segments.push({ code: false, text });
  });
  return segments;
}

/** The quote as a sentence: a capital first letter, and no lead-in left dangling. */
function finish(quoted: string[]): string[] {
  // The guide writes "**Fix**: check the values …": the quote starts a sentence.
  if (quoted[0] !== undefined) quoted[0] = `${quoted[0].charAt(0).toUpperCase()}${quoted[0].slice(1)}`;
  // A lead-in whose list or table was not quoted points at the guide instead.
  const last = quoted.length - 1;
  if (quoted[last]?.endsWith(':')) quoted[last] = `${quoted[last]?.slice(0, -1)} (see the guide).`;
  return quoted;
}

/** The blocks (paragraphs, list items) of a section's Fix that are quoted. */
function fixBlocks(body: string): string[] {
  const start = body.indexOf('**Fix**');
  if (start === -1) return [];
  const text = body.slice(start).replace(/^\*\*Fix\*\*:?\s*/, '');
  const paragraphs = text.split(/\n\s*\n/);
  const quoted: string[] = [];
  let length = 0;
  for (const paragraph of paragraphs) {
    const fence = /^\s*(```|~~~)[^\n]*\n([\s\S]*?)\n\s*\1/.exec(paragraph);
    if (fence?.[2] !== undefined && fence[2].length <= MAX_QUOTE - length) {
      // The commands a lead-in ("…, then run:") announces: kept whole, as one code block.
      quoted.push(`\`\`\`${fence[2].replace(/^\s+/gm, '')}\`\`\``);
      return finish(quoted);
    }
    if (/^\s*(```|~~~|\|)/.test(paragraph)) break;
    const items = paragraph.split(/\n(?=\s*(?:\d+\.|-)\s)/).map((item) => item.replace(/\s*\n\s*/g, ' ').trim());
    for (const item of items) {
      if (length + item.length > MAX_QUOTE && quoted.length > 0) return finish(quoted);
      quoted.push(item);
      length += item.length;
    }
    if (!paragraph.trimEnd().endsWith(':')) break;
  }
  return finish(quoted);
}

/** Each `## anchor` section's quoted Fix, by anchor. */
export function parseGuideFixes(markdown: string): GuideFixes {
  const fixes = new Map<string, GuideSegment[][]>();
  const sections = markdown.split(/^## /m).slice(1);
  for (const section of sections) {
    const newline = section.indexOf('\n');
    const anchor = section.slice(0, newline).trim();
    const blocks = fixBlocks(section.slice(newline + 1));
    if (blocks.length > 0) fixes.set(anchor, blocks.map(segmentsOf));
  }
  return fixes;
}

let cached: GuideFixes | undefined;

/** The guide's fixes, read on first use; empty when docs/troubleshooting.md cannot be found. */
export function guideFixes(): GuideFixes {
  if (cached === undefined) {
    const path = findGuide();
    cached = path === null ? new Map() : parseGuideFixes(readFileSync(path, 'utf8'));
  }
  return cached;
}
