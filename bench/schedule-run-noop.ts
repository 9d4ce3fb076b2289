// Benchmark: `elentra-teams schedule:run` with nothing due, Node's start included: what the crontab line costs every
// minute on every server. Budget: well under one second (issue 7). A measurement, not a test: it prints numbers.
//   npm run build && node dist/bench/schedule-run-noop.js [--runs 20] [--entry bin/elentra-teams.js]
// The database is a fresh SQLite file whose jobs are all switched on but not due (the common case: each job is due
// once a day), so the run reads the rows, evaluates every schedule and stamps the heartbeat. Equivalent, by hand:
//   hyperfine --warmup 3 'node bin/elentra-teams.js schedule:run'   (with DATABASE_URL set)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { migrateToLatest, openIntegrationDatabase } from '../src/db/index.js';
import { createJobRegistry, createSchedulerContext, setJob } from '../src/scheduler/index.js';

const BUDGET_MS = 1_000;
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '20' }, entry: { type: 'string', default: 'bin/elentra-teams.js' } },
});
const runs = Number(values.runs);
const entry = resolve(values.entry ?? 'bin/elentra-teams.js');

const folder = mkdtempSync(join(tmpdir(), 'et-bench-schedule-'));
const env = { ...process.env, DATABASE_URL: `sqlite:${join(folder, 'bench.sqlite')}`, DEFAULT_TIMEZONE: 'UTC' };

async function prepare(): Promise<void> {
  const database = await openIntegrationDatabase(env.DATABASE_URL);
  try {
    await migrateToLatest(database);
    const context = createSchedulerContext({ database, registry: createJobRegistry(), siteZone: 'UTC' });
    for (const job of context.registry.definitions) {
      await setJob(context, job.name, { active: true, schedule: '0 0 1 1 *' }, { actor: 'bench' });
    }
  } finally {
    await database.close();
  }
}

function time(args: readonly string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: folder, env, encoding: 'utf8' });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return elapsed;
}

function describe(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return `${label.padEnd(28)} median ${pick(0.5).toFixed(0)} ms  p95 ${pick(0.95).toFixed(0)} ms  max ${pick(1).toFixed(0)} ms`;
}

try {
  await prepare();
  time([entry, 'schedule:run']); // warm the file cache
  const node = Array.from({ length: runs }, () => time(['-e', '0']));
  const noop = Array.from({ length: runs }, () => time([entry, 'schedule:run']));
  const median = [...noop].sort((a, b) => a - b)[Math.floor(runs / 2)] ?? Number.NaN;
  process.stdout.write(`${describe('node -e 0 (Node start)', node)}\n`);
  process.stdout.write(`${describe('schedule:run, nothing due', noop)}\n`);
  process.stdout.write(`Budget ${BUDGET_MS} ms: ${median < BUDGET_MS ? 'within' : 'OVER'} (median, ${runs} runs)\n`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
