// Transpiles src/, emulator/ and bench/ TypeScript to dist/ with esbuild (no bundling: one .js per .ts), and copies
// the non-TypeScript assets (views, static files, JSON) beside them. Type checking is `npm run typecheck`, not this:
// this step must stay fast because `npm start` and `npm ci` (through `prepare`) run it.

import { cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';

const roots = ['src', 'emulator', 'bench'];
const entryPoints = [];
const assets = [];

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      // Test-only material: the 3 MB Graph CSDL and Microsoft's docs examples are read by tests from the source tree.
      if (name === 'node_modules' || name === 'results' || name === 'graph-reference') continue;
      walk(path);
    } else if (path.endsWith('.ts')) {
      if (!path.endsWith('.test.ts') && !path.endsWith('.d.ts')) entryPoints.push(path);
    } else if (!path.endsWith('.md')) {
      assets.push(path);
    }
  }
}
for (const root of roots) if (existsSync(root)) walk(root);

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints,
  outdir: 'dist',
  outbase: '.',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
for (const asset of assets) cpSync(asset, join('dist', relative('.', asset)));
