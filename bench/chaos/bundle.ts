// The sync child (sync-child.ts) bundled into one ESM file before the seeds run, so that a rebuild of dist/ during a
// long run (build.mjs empties it) cannot pull it away, and the CI test runs the same child from the TypeScript
// sources. The bundle lives in node_modules/.cache so its package imports resolve from the repository's node_modules.
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

export interface BundledChild {
  file: string;
  remove(): void;
}

export async function bundleSyncChild(repositoryRoot: string): Promise<BundledChild> {
  const cache = join(repositoryRoot, 'node_modules', '.cache', 'elentra-teams-chaos');
  mkdirSync(cache, { recursive: true });
  const file = join(cache, `sync-child-${randomBytes(6).toString('hex')}.mjs`);
  await build({
    entryPoints: [join(repositoryRoot, 'bench', 'chaos', 'sync-child.ts')],
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
