// `npm run bench [-- --scenario S1,S2,S3,S4] [--latency 50] [--s4-limits off|documented] [--no-s4-apply] [--s4-events]
//   [--concurrency N] [--events-in-flight N] [--out bench/results] [--size tiny] [--keep]`: the benchmark of issue 9 (bench/README.md). Builds fixtures in a
// temporary folder, runs each scenario's sync in a child process against the emulator (documented limits, the given
// latency), and writes bench/results/latest.json and latest.md. Not part of `npm test` (bench/bench.test.ts is its
// smoke test). Prints progress on stderr.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { S1_SPEC, S4_SPEC, TINY_SPEC } from './fixtures/fixture-spec.js';
import { formatMarkdown } from './harness/report.js';
import { runBench, SCENARIOS, type ScenarioName } from './harness/run-bench.js';
import { bundleChild } from './support/bundle-entry.js';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: SCENARIOS.join(',') },
    latency: { type: 'string', default: '50' },
    's4-limits': { type: 'string', default: 'off' },
    'no-s4-apply': { type: 'boolean', default: false },
    's4-events': { type: 'boolean', default: false },
    concurrency: { type: 'string' },
    'events-in-flight': { type: 'string' },
    out: { type: 'string', default: 'bench/results' },
    keep: { type: 'boolean', default: false },
    size: { type: 'string', default: 'full' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  process.stdout.write(
    'npm run bench [-- --scenario S1,S2,S3,S4] [--latency 50] [--s4-limits off|documented] [--no-s4-apply]\n' +
      '  [--s4-events] [--concurrency N] [--events-in-flight N] [--out bench/results] [--size tiny] [--keep]\n' +
      'Writes latest.json and latest.md to --out; see bench/README.md.\n',
  );
  process.exit(0);
}

const scenarios = (values.scenario ?? '')
  .split(',')
  .map((s) => s.trim().toUpperCase())
  .filter((s) => s !== '');
const unknown = scenarios.filter((s) => !(SCENARIOS as readonly string[]).includes(s));
if (unknown.length > 0) {
  process.stderr.write(`Unknown scenario(s): ${unknown.join(', ')}. Use ${SCENARIOS.join(',')}.\n`);
  process.exit(2);
}
const s4Limits = values['s4-limits'] === 'documented' ? 'documented' : 'off';
// `--size tiny`: the smoke test's fixture for both sizes (a quick check of the harness, not a measurement).
const tiny = values.size === 'tiny';
// dist/bench/run.js → the repository root.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const directory = mkdtempSync(join(tmpdir(), 'et-bench-'));
const out = resolve(root, values.out ?? 'bench/results');

const child = await bundleChild(root);
try {
  const results = await runBench({
    scenarios: scenarios as ScenarioName[],
    latencyMs: Number(values.latency ?? 50),
    directory,
    childScript: child.file,
    s1: tiny ? TINY_SPEC : S1_SPEC,
    s4: tiny ? TINY_SPEC : S4_SPEC,
    s4Limits,
    s4Apply: !values['no-s4-apply'],
    s4Events: values['s4-events'] === true,
    ...(values.concurrency ? { concurrency: Number(values.concurrency) } : {}),
    ...(values['events-in-flight'] ? { eventsInFlight: Number(values['events-in-flight']) } : {}),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  const markdown = formatMarkdown(results);
  writeFileSync(join(out, 'latest.md'), markdown);
  process.stdout.write(markdown);
} finally {
  child.remove();
  if (!values.keep) rmSync(directory, { recursive: true, force: true });
  else process.stderr.write(`Fixtures kept in ${directory}\n`);
}
