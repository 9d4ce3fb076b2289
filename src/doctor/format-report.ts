// The doctor's report for a terminal: one row per check (status, check, detail) with the fix and the section of
// docs/troubleshooting.md under the detail of each check that did not pass, wrapped to fit; then a summary line.
// And the same as JSON, with the link spelt out. Pure.
import type { CheckResult, CheckStatus } from './check-result.js';

const LABELS: Record<CheckStatus, string> = { pass: 'pass', warn: 'WARN', fail: 'FAIL', skip: 'skip' };
const DETAIL_WIDTH = 72;

/** Where a check's section is: the guide's path, `#`, the anchor. */
export function docsLink(anchor: string): string {
  return `docs/troubleshooting.md#${anchor}`;
}

/** Words wrapped at `width` characters (a longer word stays whole on its own line). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.length > 0 ? lines : [''];
}

function detailLines(result: CheckResult): string[] {
  const lines = wrap(result.detail, DETAIL_WIDTH);
  if (result.status === 'pass' || result.status === 'skip') return lines;
  if (result.fix) lines.push(...wrap(`Fix: ${result.fix}`, DETAIL_WIDTH));
  lines.push(`See ${docsLink(result.docs)}`);
  return lines;
}

export function summaryLine(results: readonly CheckResult[]): string {
  const count = (status: CheckStatus) => results.filter((result) => result.status === status).length;
  const failed = count('fail');
  const parts = [`${count('pass')} passed`, `${count('warn')} warned`, `${failed} failed`, `${count('skip')} skipped`];
  const verdict =
    failed > 0
      ? 'Fix the failed checks (first the first one: later checks may depend on it), then run it again.'
      : 'Nothing is broken.';
  return `${results.length} checks: ${parts.join(', ')}. ${verdict}`;
}

export function formatReport(results: readonly CheckResult[]): string {
  const checkWidth = Math.max(5, ...results.map((result) => result.title.length));
  const row = (status: string, check: string, detail: string) =>
    `${status.padEnd(6)}  ${check.padEnd(checkWidth)}  ${detail}`.trimEnd();
  const lines = [
    row('Status', 'Check', 'Detail'),
    row('-'.repeat(6), '-'.repeat(checkWidth), '-'.repeat(DETAIL_WIDTH)),
  ];
  for (const result of results) {
    detailLines(result).forEach((detail, index) => {
      lines.push(index === 0 ? row(LABELS[result.status], result.title, detail) : row('', '', detail));
    });
  }
  return `${lines.join('\n')}\n\n${summaryLine(results)}`;
}

export function reportJson(results: readonly CheckResult[]): string {
  const ok = !results.some((result) => result.status === 'fail');
  const checks = results.map((result) => ({ ...result, link: docsLink(result.docs) }));
  return JSON.stringify({ ok, checks }, null, 2);
}
