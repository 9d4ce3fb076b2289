// The documentation's links hold. Every troubleshooting section the code sends an administrator to exists in
// docs/troubleshooting.md, and every relative link in README.md and docs/*.md leads to a file that exists and, with a
// `#fragment`, to a heading (GitHub's slug) or an `<a id>` in it. The convention of docs/troubleshooting.md is checked
// too: each `##` heading is the anchor itself (lower-case words joined by dashes), with Symptom, Cause and Fix.
//
// Anchors are found in src/ by regex rather than by loading the code, so that an anchor in a file no test imports
// still counts: `docs: 'x'` (AppError options, `last_error_docs`), a stable code followed by an anchor as positional
// arguments (`super(graph, 'graph.last_owner', 'team-last-owner', …)`), and literal `troubleshooting.md#x` links.
// Unit tests and test helpers are left out: their anchors are never shown to anyone.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TROUBLESHOOTING = join(ROOT, 'docs', 'troubleshooting.md');
/** The form every anchor takes: lower-case letters and digits, words joined by single dashes. */
const ANCHOR_FORM = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

interface AnchorUse {
  anchor: string;
  /** `src/…/file.ts:line`. */
  where: string;
}

const ANCHOR_PATTERNS: readonly RegExp[] = [
  // `docs: 'expired-client-secret'`, `last_error_docs: "graph-throttled"`.
  /docs\s*:\s*(['"`])([^'"`$\s]+)\1/g,
  // A stable code (with a dot) then an anchor (with a dash): `'graph.last_owner', 'team-last-owner'`.
  /'[a-z]+(?:\.[a-z0-9_]+)+'\s*,\s*()'([a-z0-9]+(?:-[a-z0-9]+)+)'/g,
  // A literal link: `troubleshooting.md#app-key-changed`.
  /troubleshooting(?:\.md)?#()([a-z0-9][a-z0-9_-]*)/g,
];

function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'testing') found.push(...filesUnder(path, keep));
    } else if (keep(path)) {
      found.push(path);
    }
  }
  return found.sort();
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** Every troubleshooting anchor the product's code refers to, with where. */
function anchorsUsedBy(files: readonly string[]): AnchorUse[] {
  const uses: AnchorUse[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of ANCHOR_PATTERNS) {
      for (const match of text.matchAll(pattern)) {
        const anchor = match[2];
        if (anchor === undefined) continue;
        uses.push({ anchor, where: `${relative(ROOT, file)}:${lineAt(text, match.index)}` });
      }
    }
  }
  return uses;
}

/** The text with fenced code blocks and inline code spans blanked out (line breaks kept, so line numbers hold). */
function withoutCode(markdown: string): string {
  const blank = (part: string) => part.replace(/[^\n]/g, ' ');
  let inFence: string | null = null;
  const lines = markdown.split('\n').map((line) => {
    const fence = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (inFence !== null) {
      if (fence !== undefined && fence[0] === inFence[0] && fence.length >= inFence.length) inFence = null;
      return blank(line);
    }
    if (fence !== undefined) {
      inFence = fence;
      return blank(line);
    }
    return line;
  });
  return lines.join('\n').replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, blank);
}

/** GitHub's heading ids: rendered text, lower-cased, punctuation dropped, spaces → dashes, repeats numbered. */
function githubSlug(heading: string, seen: Map<string, number>): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .trim()
    .toLowerCase();
  const base = text.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
  const count = seen.get(base) ?? 0;
  seen.set(base, count + 1);
  return count === 0 ? base : `${base}-${count}`;
}

interface MarkdownFile {
  headings: Array<{ level: number; text: string; line: number }>;
  anchors: Set<string>;
  links: Array<{ target: string; line: number }>;
}

const parsed = new Map<string, MarkdownFile>();

function parseMarkdown(path: string): MarkdownFile {
  const cached = parsed.get(path);
  if (cached !== undefined) return cached;
  const raw = readFileSync(path, 'utf8');
  const prose = withoutCode(raw);
  const headings: MarkdownFile['headings'] = [];
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  prose.split('\n').forEach((line, index) => {
    const heading = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (heading?.[1] === undefined || heading[2] === undefined) return;
    // The heading's own text, code spans included (they were blanked in `prose` only to find links safely).
    const text = (raw.split('\n')[index] ?? '').replace(/^ {0,3}#{1,6}[ \t]+/, '').replace(/(?:[ \t]+#+)?[ \t]*$/, '');
    headings.push({ level: heading[1].length, text, line: index + 1 });
    anchors.add(githubSlug(text.replace(/`/g, ''), seen));
  });
  for (const match of raw.matchAll(/<a\s+(?:id|name)\s*=\s*"([^"]+)"/g)) if (match[1]) anchors.add(match[1]);
  const links: MarkdownFile['links'] = [];
  for (const match of prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    if (match[1]) links.push({ target: match[1], line: lineAt(prose, match.index) });
  }
  for (const match of prose.matchAll(/^ {0,3}\[[^\]]+\]:[ \t]*<?(\S+?)>?(?:[ \t]+.*)?$/gm)) {
    if (match[1]) links.push({ target: match[1], line: lineAt(prose, match.index) });
  }
  const file = { headings, anchors, links };
  parsed.set(path, file);
  return file;
}

/** What is wrong with one relative link, or null when it holds. */
function brokenLink(from: string, target: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) return null;
  const hash = target.indexOf('#');
  const pathPart = hash === -1 ? target : target.slice(0, hash);
  const fragment = hash === -1 ? null : decodeURIComponent(target.slice(hash + 1));
  const path =
    pathPart === ''
      ? from
      : pathPart.startsWith('/')
        ? join(ROOT, decodeURIComponent(pathPart))
        : resolve(dirname(from), decodeURIComponent(pathPart));
  if (!existsSync(path)) return `${relative(ROOT, path)} does not exist`;
  if (fragment === null || fragment === '' || !path.endsWith('.md')) return null;
  if (!parseMarkdown(path).anchors.has(fragment))
    return `${relative(ROOT, path)} has no heading or anchor #${fragment}`;
  return null;
}

const SOURCE_FILES = filesUnder(join(ROOT, 'src'), (path) => path.endsWith('.ts') && !path.endsWith('.test.ts'));
const LINKED_DOCS = [join(ROOT, 'README.md'), ...filesUnder(join(ROOT, 'docs'), (path) => path.endsWith('.md'))];

describe('docs/troubleshooting.md covers every anchor the code links to', () => {
  const uses = anchorsUsedBy(SOURCE_FILES);

  it('finds the anchors in the code (the scan itself works)', () => {
    const anchors = new Set(uses.map((use) => use.anchor));
    // Anchors that have been in the code from the start; if the scan misses them, it misses others too.
    for (const known of [
      'configuration',
      'expired-client-secret',
      'microsoft-mfa-required',
      'database-migration-failed',
    ]) {
      expect(anchors, `the scan of src/ should find "${known}"`).toContain(known);
    }
    expect(anchors.size).toBeGreaterThan(20);
  });

  it('has a section for each one', () => {
    const sections = parseMarkdown(TROUBLESHOOTING).anchors;
    const missing = uses
      .filter((use) => !sections.has(use.anchor))
      .map((use) => `${use.anchor} (used at ${use.where}): add "## ${use.anchor}" to docs/troubleshooting.md`);
    expect(missing).toEqual([]);
  });

  it('uses anchors in lower-case-with-dashes form only', () => {
    const odd = uses.filter((use) => !ANCHOR_FORM.test(use.anchor)).map((use) => `${use.anchor} (${use.where})`);
    expect(odd).toEqual([]);
  });
});

describe('docs/troubleshooting.md lists every AADSTS code the product handles', () => {
  it('names each code of src/microsoft/identity/aadsts-codes.ts', () => {
    const table = readFileSync(join(ROOT, 'src', 'microsoft', 'identity', 'aadsts-codes.ts'), 'utf8');
    const codes = [...table.matchAll(/(?:code:\s*|mfaRequired\()(\d{4,})/g)].map((match) => match[1] ?? '');
    expect(codes.length).toBeGreaterThan(10);
    const guide = readFileSync(TROUBLESHOOTING, 'utf8');
    expect(codes.filter((code) => !new RegExp(`\\b${code}\\b`).test(guide))).toEqual([]);
  });
});

describe('docs/troubleshooting.md keeps its shape', () => {
  const raw = readFileSync(TROUBLESHOOTING, 'utf8');
  const { headings } = parseMarkdown(TROUBLESHOOTING);
  const sections = headings.filter((heading) => heading.level === 2);

  it('names each section by its anchor, once', () => {
    const bad = sections.filter((s) => !ANCHOR_FORM.test(s.text)).map((s) => `line ${s.line}: "## ${s.text}"`);
    expect(bad).toEqual([]);
    const names = sections.map((section) => section.text);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
    expect(sections.length).toBeGreaterThan(20);
  });

  it('gives every section a Symptom, a Cause and a Fix, in that order', () => {
    const lines = raw.split('\n');
    const incomplete: string[] = [];
    sections.forEach((section, index) => {
      const end = sections[index + 1]?.line ?? lines.length + 1;
      const body = lines.slice(section.line, end - 1).join('\n');
      const at = ['**Symptom**', '**Cause**', '**Fix**'].map((label) => body.indexOf(label));
      const ordered = at.every((position, i) => position >= 0 && (i === 0 || position > (at[i - 1] ?? -1)));
      if (!ordered) incomplete.push(section.text);
    });
    expect(incomplete).toEqual([]);
  });
});

describe('relative links in README.md and docs/*.md lead somewhere', () => {
  it.each(LINKED_DOCS.map((path) => [relative(ROOT, path), path]))('%s', (_name, path) => {
    const broken = parseMarkdown(path)
      .links.map((link) => ({ link, problem: brokenLink(path, link.target) }))
      .filter((entry) => entry.problem !== null)
      .map(({ link, problem }) => `line ${link.line}: (${link.target}) — ${problem}`);
    expect(broken).toEqual([]);
  });
});
