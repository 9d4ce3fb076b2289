// Smoke test of the benchmark harness (issue 9): the tiny fixture, no latency, every scenario end to end — fixture,
// emulator, authorization, the sync in a child process, the request log, the cost model, the anchors' table, the
// JSON and the markdown. It checks shapes and the exact-count targets, never timings (`npm run bench` measures).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_SPEC } from './fixtures/fixture-spec.js';
import { formatMarkdown } from './harness/report.js';
import { type BenchResults, runBench } from './harness/run-bench.js';
import { type BundledChild, bundleChild } from './support/bundle-entry.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCENARIO_FIELDS = [
  'requests',
  'minimumRequests',
  'requestRatio',
  'writes',
  'throttled',
  'wallSeconds',
  'floorSeconds',
  'floorRatio',
  'peakRssBytes',
  'cpuSeconds',
  'requestsByRoute',
] as const;

let child: BundledChild;
let directory: string;
let results: BenchResults;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'et-bench-test-'));
  child = await bundleChild(ROOT);
  results = await runBench({
    scenarios: ['S1', 'S2', 'S3', 'S4'],
    latencyMs: 0,
    directory,
    childScript: child.file,
    s1: TINY_SPEC,
    s4: TINY_SPEC,
    s4Limits: 'off',
    s4Apply: true,
    s4Events: false,
    log: () => {},
  });
}, 120_000);

afterAll(() => {
  child?.remove();
  if (directory) rmSync(directory, { recursive: true, force: true });
});

describe('npm run bench, end to end on the tiny fixture', () => {
  it('writes every scenario with the fields issue 9 asks for, and the machine', () => {
    expect(results.machine).toMatchObject({
      cpus: expect.any(Number),
      model: expect.any(String),
      node: process.version,
    });
    expect(results.machine.memory).toBeGreaterThan(0);
    expect(Object.keys(results.scenarios)).toEqual(['S1', 'S2', 'S3', 'S4']);
    for (const scenario of Object.values(results.scenarios)) {
      for (const field of SCENARIO_FIELDS) expect(scenario, `${scenario?.scenario}.${field}`).toHaveProperty(field);
      expect(scenario?.error).toBeNull();
      expect(scenario?.peakRssBytes).toBeGreaterThan(0);
      expect(scenario?.targets.length).toBeGreaterThan(0);
    }
    expect(results.scenarios.S4?.planSeconds).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(results))).toEqual(results);
  });

  it('spends the minimum on a first run, nothing on a quiet one, and exactly the changes on a normal day', () => {
    const { S1, S2, S3 } = results.scenarios;
    expect(S1?.requests).toBe(S1?.minimumRequests);
    expect(S1?.parts.events).toMatchObject({ status: 'ok' });
    expect(S2).toMatchObject({ writes: 0, throttled: 0 });
    expect(S2?.reads).toBeLessThanOrEqual(Math.ceil(TINY_SPEC.offerings / 50) + 2);
    expect(S3?.writesByRoute).toEqual(S3?.expectedWritesByRoute);
    expect(S3?.targets.find((t) => t.name === 'writes = the changes')?.pass).toBe(true);
  });

  it('costs the anchors on the same fixture and prints the tables', () => {
    expect(results.anchors?.initial.map((row) => row.strategy)).toEqual([
      expect.stringContaining('ours'),
      expect.stringContaining('Moodle'),
      expect.stringContaining('Canvas'),
      'One request per person',
    ]);
    const markdown = formatMarkdown(results);
    expect(markdown).toContain('| Scenario | Requests | Minimum |');
    expect(markdown).toContain("## The anchors' strategies");
  });
});
