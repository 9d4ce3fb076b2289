// The end of a sync in words, for the terminal: one row per offering (status, what was done, the message), the
// totals, and the people who could not be matched, per offering with the reason — never silently dropped. And the
// progress line a terminal shows as each offering finishes.
import { formatTable } from '../../lib/format-table.js';
import { doneTotals } from './run-summary.js';
import type { RunProgress, RunReport } from './run-types.js';

const BAR_WIDTH = 20;

function describeCounts(counts: Readonly<Record<string, number>>): string {
  return Object.entries(counts)
    .filter(([, value]) => value > 0)
    .map(([name, value]) => `${name} ${value}`)
    .join(', ');
}

export function formatReport(report: RunReport): string {
  const rows = report.offerings.map((outcome) => [
    outcome.offeringKey,
    outcome.displayName,
    outcome.status,
    describeCounts(outcome.counts) || '-',
    outcome.message ?? '',
  ]);
  const lines = [formatTable(['Offering', 'Team', 'Status', report.dryRun ? 'Planned' : 'Done', 'Message'], rows)];
  const byStatus = new Map<string, number>();
  for (const outcome of report.offerings) byStatus.set(outcome.status, (byStatus.get(outcome.status) ?? 0) + 1);
  const statuses = [...byStatus].map(([status, n]) => `${n} ${status}`).join(', ') || 'no offerings';
  const done = describeCounts(doneTotals(report.offerings)) || 'nothing to change';
  lines.push('', `${report.dryRun ? 'Dry run (nothing changed)' : 'Totals'}: ${statuses}; ${done}.`);
  lines.push(`Microsoft Graph requests: ${report.requests}.`);
  const unmatched = report.offerings.filter((outcome) => outcome.unmatched.length > 0);
  if (unmatched.length > 0) {
    lines.push('', 'Not matched to a Microsoft user (not added to the team):');
    for (const outcome of unmatched) {
      lines.push(`  ${outcome.offeringKey} (${outcome.displayName}):`);
      for (const person of outcome.unmatched) {
        lines.push(
          `    - ${person.name} (proxy_id ${person.proxyId}, ${person.role}, ${person.status}): ${person.reason}`,
        );
      }
    }
  }
  if (report.error !== null) lines.push('', `Error: ${report.error}`);
  return lines.join('\n');
}

/** `[ 3/12] ██████░░░░░░░░░░░░░░ course:12:period:4 MED101: Anatomy (Fall) — ok`. */
export function progressLine(progress: RunProgress): string {
  if (progress.phase !== 'apply') return progress.message;
  const filled = Math.round((progress.done / Math.max(1, progress.total)) * BAR_WIDTH);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
  const counter = `${String(progress.done).padStart(String(progress.total).length)}/${progress.total}`;
  return `[${counter}] ${bar} ${progress.offeringKey} ${progress.displayName} — ${progress.status}`;
}
