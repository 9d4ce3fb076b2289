// The guide's Fix quoted on the Troubleshooting page (src/web/routes/troubleshooting/guide-sections.ts): the first
// paragraph of each section's Fix, with the list or the commands a lead-in ending in ":" announces; links and bold
// reduced to words, code spans kept apart (the view escapes both); and every section a doctor check links is found.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECK_SPECS } from '../src/doctor/index.js';
import { findGuide, guideFixes, parseGuideFixes } from '../src/web/routes/troubleshooting/guide-sections.js';

const words = (
  blocks: ReturnType<typeof parseGuideFixes> extends ReadonlyMap<string, infer V> ? V | undefined : never,
) => (blocks ?? []).map((block) => block.map((part) => (part.code ? `<${part.text}>` : part.text)).join(''));

describe('the guide’s Fix paragraphs', () => {
  const guide = [
    '# Guide',
    '## one',
    '**Symptom**: x.',
    '**Cause**: y.',
    '**Fix**: run `a --b` and see [the page](other.md#x), **then** wait.',
    '',
    'Not quoted.',
    '## two',
    '**Fix**: run these:',
    '',
    '```sh',
    'cmd one',
    'cmd two',
    '```',
    '## three',
    '**Fix**:',
    '',
    '1. First step,',
    '   continued.',
    '2. Second `step`.',
    '',
    'Later.',
    '## four',
    '**Fix**: common pairs:',
    '',
    '| a | b |',
  ].join('\n');
  const fixes = parseGuideFixes(guide);

  it('quotes the first paragraph, links and bold as words, code apart', () => {
    expect(words(fixes.get('one'))).toEqual(['Run <a --b> and see the page, then wait.']);
  });
  it('keeps the commands a lead-in announces as one code block', () => {
    expect(words(fixes.get('two'))).toEqual(['Run these:', '<cmd one\ncmd two>']);
  });
  it('quotes a numbered list item by item', () => {
    expect(words(fixes.get('three'))).toEqual(['1. First step, continued.', '2. Second <step>.']);
  });
  it('points at the guide when the lead-in announces a table', () => {
    expect(words(fixes.get('four'))).toEqual(['Common pairs (see the guide).']);
  });
  it('finds docs/troubleshooting.md and has a quote for every section the checks link by default', () => {
    const path = findGuide();
    expect(path).not.toBeNull();
    expect(readFileSync(path ?? '', 'utf8')).toContain('## crontab-not-firing');
    for (const spec of CHECK_SPECS) expect(guideFixes().get(spec.docs), spec.docs).toBeDefined();
  });
});
