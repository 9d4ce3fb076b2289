// A child program (the benchmark's scenario child, the chaos run's sync child) bundled from its TypeScript source into
// one ESM file before the runs start, so that a rebuild of dist/ while they run (build.mjs empties it) cannot pull
// the child from under them, and the tests run the same child from the sources. The bundle lives in
// node_modules/.cache so that its package imports (kysely, better-sqlite3, …) resolve from the repository's
// node_modules, as test/support/run-script.ts does for the tests' own children.
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'esbuild';

export interface BundledChild {
  file: string;
  remove(): void;
}

/** Bundles `entry` (a path from the repository root, e.g. `bench/chaos/sync-child.ts`). */
export async function bundleEntry(repositoryRoot: string, entry: string): Promise<BundledChild> {
  const cache = join(repositoryRoot, 'node_modules', '.cache', 'elentra-teams-bench');
  mkdirSync(cache, { recursive: true });
  const file = join(cache, `${basename(entry, '.ts')}-${randomBytes(6).toString('hex')}.mjs`);
  await build({
    entryPoints: [join(repositoryRoot, entry)],
    outfile: file,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
  });
  return { file, remove: () => rmSync(file, { force: true }) };
}

/** The benchmark's scenario child (bench/harness/scenario-child.ts). */
export function bundleChild(repositoryRoot: string): Promise<BundledChild> {
  return bundleEntry(repositoryRoot, join('bench', 'harness', 'scenario-child.ts'));
}

/** The chaos run's sync child (bench/chaos/sync-child.ts). */
export function bundleSyncChild(repositoryRoot: string): Promise<BundledChild> {
  return bundleEntry(repositoryRoot, join('bench', 'chaos', 'sync-child.ts'));
}
