// bench/results/latest.md: the results as tables for people — one row per scenario with its targets, the targets
// one by one, requests by route against the minimum, and the anchors' strategies on the same fixture.
import type { BenchResults, ScenarioResult } from './run-bench.js';

const n = (value: number | null | undefined, digits = 2) =>
  value === null || value === undefined || Number.isNaN(value) ? 'n/a' : value.toFixed(digits);
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;

function summaryRow(r: ScenarioResult): string {
  const pass = r.targets.every((t) => t.pass) ? 'pass' : 'MISS';
  return (
    `| ${r.scenario} | ${r.requests} | ${r.minimumRequests} | ${n(r.requestRatio)} | ${r.writes} | ${r.throttled} | ` +
    `${n(r.wallSeconds, 1)} | ${n(r.floorSeconds, 0)} | ${n(r.floorRatio)} | ${r.planSeconds === undefined ? '' : n(r.planSeconds)} | ` +
    `${mb(r.peakRssBytes)} | ${n(r.cpuSeconds, 1)} | ${pass} |`
  );
}

export function formatMarkdown(results: BenchResults): string {
  const lines: string[] = [];
  const m = results.machine;
  lines.push('# Benchmark results (latest run)', '');
  lines.push(
    `${results.generatedAt} · ${m.cpus} × ${m.model} · ${(m.memory / 1_073_741_824).toFixed(1)} GB · Node ${m.node} · ` +
      `latency ${results.options.latencyMs} ms · S4 apply limits ${results.options.s4Limits}`,
    '',
  );
  lines.push('Fixtures:', '');
  lines.push(
    '| Fixture | Offerings | Memberships | Owners | People | Tenant users | Events | Largest | Generated in |',
  );
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const [name, f] of Object.entries(results.fixtures)) {
    lines.push(
      `| ${name} | ${f.offerings} | ${f.memberships} | ${f.owners} | ${f.people} | ${f.tenantUsers} | ${f.events} | ` +
        `${f.largestOffering} | ${n(f.generateSeconds, 1)} s |`,
    );
  }
  lines.push('');
  lines.push(
    '| Scenario | Requests | Minimum | Ratio | Writes | 429s | Wall s | Floor s | Wall / floor | Plan s | Peak RSS | CPU s | Targets |',
  );
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  const scenarios = Object.values(results.scenarios).filter((r): r is ScenarioResult => r !== undefined);
  for (const r of scenarios) lines.push(summaryRow(r));
  lines.push('');
  lines.push('## Targets', '');
  lines.push('| Scenario | Target | Wanted | Measured | |');
  lines.push('|---|---|---|---|---|');
  for (const r of scenarios) {
    for (const t of r.targets)
      lines.push(`| ${r.scenario} | ${t.name} | ${t.target} | ${t.actual} | ${t.pass ? 'pass' : 'MISS'} |`);
  }
  lines.push('');
  for (const r of scenarios) {
    lines.push(`## ${r.scenario}: ${r.title}`, '');
    lines.push(
      `Run status ${r.runStatus ?? 'n/a'}${r.error ? ` (${r.error})` : ''}; offerings ${JSON.stringify(r.offeringsByStatus)}; ` +
        `unmatched people ${r.unmatchedPeople}; floor bound by ${r.floorBinding ?? 'nothing'}; ` +
        `$batch envelopes ${r.batchEnvelopes}; failed answers ${r.failed}.`,
      '',
    );
    if (Object.keys(r.requestsByRoute).length > 0 || Object.keys(r.minimumByRoute).length > 0) {
      lines.push('| Requests by route (emulator log) | n |', '|---|---:|');
      for (const [route, count] of Object.entries(r.requestsByRoute).sort()) lines.push(`| \`${route}\` | ${count} |`);
      lines.push('', '| Minimum by route (cost model) | n |', '|---|---:|');
      for (const [route, count] of Object.entries(r.minimumByRoute).sort()) lines.push(`| \`${route}\` | ${count} |`);
      lines.push('');
    }
    if (r.planning) {
      lines.push('| Planning (own process) | Seconds | Peak RSS | CPU s | Phases |', '|---|---:|---:|---:|---|');
      for (const [name, p] of Object.entries(r.planning)) {
        const phases = Object.entries(p.phases)
          .map(([k, v]) => `${k} ${Number.isInteger(v) ? v : n(v)}`)
          .join(', ');
        lines.push(`| ${name} | ${n(p.seconds)} | ${mb(p.peakRssBytes)} | ${n(p.cpuSeconds, 1)} | ${phases} |`);
      }
      lines.push('');
    }
    if (r.phases) {
      lines.push(
        `Phases: ${Object.entries(r.phases)
          .map(([k, v]) => `${k} ${n(v, k.includes('Bytes') ? 0 : 2)}`)
          .join(', ')}.`,
        '',
      );
    }
    const { teams, events } = r.parts;
    lines.push(
      `Teams sync: ${teams.requests} requests (minimum ${teams.minimumRequests}), ${teams.writes} writes, ` +
        `${n(teams.wallSeconds, 1)} s (floor ${n(teams.floorSeconds, 1)} s).`,
      '',
    );
    if ('note' in events) lines.push(`Event sync: ${events.status} — ${events.note}`, '');
    else {
      lines.push(
        `Event sync: ${events.requests} requests (minimum ${events.minimumRequests}), ${events.writes} writes, ` +
          `${n(events.wallSeconds, 1)} s (floor ${n(events.floorSeconds, 2)} s), status ${events.status}` +
          `${events.error ? ` (${events.error})` : ''}, meetings with a join URL ${events.meetings}; counts ` +
          `${JSON.stringify(events.counts)}; phases ${JSON.stringify(events.phases ?? {})}.`,
        '',
      );
    }
    for (const note of r.notes) lines.push(`- ${note}`);
    if (r.notes.length > 0) lines.push('');
  }
  const anchors = results.anchors;
  if (anchors) {
    lines.push(`## The anchors' strategies on the ${anchors.fixture} fixture`, '');
    lines.push(
      'Requests and the least time each would take under the documented limits (and its own pacing), from the same cost ' +
        "model (bench/harness/anchors.ts). Ours is the cost model's minimum for our plan; the measured run is in the note.",
      '',
    );
    const table = (title: string, rows: typeof anchors.initial) => {
      if (rows.length === 0) return;
      lines.push(
        `**${title}**`,
        '',
        '| Strategy | Requests | Throttle floor s | Least time s | Note |',
        '|---|---:|---:|---:|---|',
      );
      for (const row of rows) {
        lines.push(
          `| ${row.strategy} | ${row.requests} | ${n(row.floorSeconds, 0)} | ${n(row.timeSeconds, 0)} | ${row.note} |`,
        );
      }
      lines.push('');
    };
    table('S1 initial', anchors.initial);
    table('S3 a normal day', anchors.day);
    lines.push(anchors.sds, '');
  }
  return `${lines.join('\n')}\n`;
}
