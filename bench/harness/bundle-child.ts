// The scenario child (scenario-child.ts) bundled into one ESM file before the runs start, so that a rebuild of
// dist/ while the benchmark runs (build.mjs empties it) cannot pull the child from under it, and the smoke test can
// run the same child from the TypeScript sources. The bundle lives in node_modules/.cache so that its package
// imports (kysely, better-sqlite3, …) resolve from the repository's node_modules, as test/support/run-script.ts does.
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

export interface BundledChild {
  file: string;
  remove(): void;
}

export async function bundleChild(repositoryRoot: string): Promise<BundledChild> {
  const cache = join(repositoryRoot, 'node_modules', '.cache', 'elentra-teams-bench');
  mkdirSync(cache, { recursive: true });
  const file = join(cache, `scenario-child-${randomBytes(6).toString('hex')}.mjs`);
  await build({
    entryPoints: [join(repositoryRoot, 'bench', 'harness', 'scenario-child.ts')],
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
