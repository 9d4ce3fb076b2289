// Resetting the emulator: a new tenant from a seed, every token forgotten, and every module's onReset hook (Graph
// clears its teams and events, identity its sign-in flows and users' consents).
import type { EmulatorContext, TenantSeed } from '../context.js';
import { tenantFromSeed } from '../context.js';

export function resetEmulator(ctx: EmulatorContext, seed: TenantSeed): void {
  ctx.tenant = tenantFromSeed(seed);
  ctx.tokens.clear();
  for (const hook of ctx.onReset) hook(seed);
}
