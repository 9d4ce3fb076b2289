// Configurable latency (`POST /_emulator/latency {ms}`, default 0): every Graph answer waits this long after it is
// admitted, so a slow backend holds its concurrency slot (which is how the Outlook 4-concurrent limit is reached).
import type { EmulatorContext } from '../context.js';

export function latencyMs(ctx: EmulatorContext): number {
  return Math.max(0, ctx.options.latencyMs || 0);
}

export function sleep(ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, ms));
}
