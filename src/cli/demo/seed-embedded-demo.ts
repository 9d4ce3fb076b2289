// Seeds the demo school and remembers when (data/demo-state.json), so that the emulator's tenant, rebuilt at every
// start, holds the same people as the Elentra rows.

import { type SeedDemoResult, seedDemo } from '../../elentra/demo/seed-demo.js';
import type { ElentraHandle } from '../../elentra/index.js';
import type { CliApp } from '../cli-app.js';
import { writeDemoState } from './demo-files.js';

export async function seedEmbeddedDemo(app: CliApp, elentra: ElentraHandle, now: Date): Promise<SeedDemoResult> {
  const result = await seedDemo(elentra, { now });
  if (result.seeded) writeDemoState(app.io.cwd, { seededAt: now.toISOString() });
  return result;
}
