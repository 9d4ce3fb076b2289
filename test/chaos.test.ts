// The chaos run of issue 10 (docs/chaos.md) on a fixed handful of seeds, as CI's share of `npm run chaos`: per seed
// a small random schedule of emulator faults, token expiry, a revoked grant, Elentra changes and SIGKILLs of the sync
// process (teams and events), then a clean run of both syncs. The tenant must equal the desired state, with no
// duplicate, nobody removed who should stay, every failure recorded in words, and a second clean run writing nothing.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeed } from '../bench/chaos/run-seed.js';
import { SMALL_SHAPE } from '../bench/chaos/schedule.js';
import { type BundledChild, bundleSyncChild } from '../bench/support/bundle-entry.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Fixed seeds: each reproduces with `npm run chaos -- --seeds 1 --from SEED --verbose`. */
const SEEDS = [12, 34, 55];

let child: BundledChild;

beforeAll(async () => {
  child = await bundleSyncChild(ROOT);
});

afterAll(() => {
  child?.remove();
});

describe('chaos', () => {
  it.each(SEEDS)('seed %i converges with nothing lost and nothing duplicated', { timeout: 60_000 }, async (seed) => {
    const lines: string[] = [];
    const result = await runSeed(seed, {
      shape: SMALL_SHAPE,
      childScript: child.file,
      childLatencyMs: 0,
      log: (line) => lines.push(line),
    });
    const report = [...lines, ...result.violations.map((v) => `✗ ${v}`)].join('\n');
    expect(result.violations, report).toEqual([]);
    expect(result.stats.faultsFired + result.stats.kills + result.stats.tokenExpiries, report).toBeGreaterThan(0);
  });
});
