// The demo tenant seed (src/elentra/demo/tenant-seed.ts) is accepted by the emulator's own seed parser. The two
// programs never import each other, so this cross-check lives in test/, where both may be imported.
import { describe, expect, it } from 'vitest';
import type { TenantSeed } from '../emulator/src/context.js';
import { parseTenantSeed } from '../emulator/src/tenant/load-seed.js';
import { buildDemoTenantSeed } from '../src/elentra/demo/tenant-seed.js';

describe('demo tenant seed', () => {
  it('is a valid emulator tenant seed', () => {
    const seed: TenantSeed = buildDemoTenantSeed({
      now: new Date('2026-03-02T15:00:00Z'),
      tenantId: '11111111-2222-4333-8444-555555555555',
      clientId: '66666666-7777-4888-9999-000000000000',
      clientSecret: 'demo-secret',
      redirectUris: ['http://localhost:8080/api/ms-graph-oauth.php'],
    });
    const parsed = parseTenantSeed(JSON.parse(JSON.stringify(seed)));
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    expect(seed.users.length).toBeGreaterThan(170);
  });
});
