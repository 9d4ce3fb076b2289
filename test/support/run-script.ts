// Runs a TypeScript file as separate Node processes, the way several instances of the program run on one or more
// servers: for tests of locks and leases that one process cannot prove (better-sqlite3 blocks its whole thread
// while it waits for a lock, so two connections in one process only deadlock). The file is bundled with esbuild
// into node_modules/.cache, where its package imports (kysely, pg, …) resolve from the repository's node_modules.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CACHE_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'elentra-teams-tests');

export interface BundledScript {
  readonly file: string;
  remove(): void;
}

export interface ProcessResult {
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Bundles `entry` (a path from the repository root) into one ESM file for `node`. */
export async function bundleScript(entry: string): Promise<BundledScript> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const file = join(CACHE_DIR, `script-${randomBytes(6).toString('hex')}.mjs`);
  await build({
    entryPoints: [join(REPO_ROOT, entry)],
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

/** Runs `node file ...args` and collects its output. */
export function runNode(file: string, args: readonly string[]): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, stdout, stderr }));
  });
}
