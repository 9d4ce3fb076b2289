// The JSON Schema beside the emulator (tenant-seed.schema.json) is generated from the zod schema; this test fails
// when they drift. To regenerate: UPDATE_SEED_SCHEMA=1 npx vitest run emulator/src/tenant/seed-schema.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_SEED_PATH, loadSeedFile } from './load-seed.js';
import { tenantSeedSchema } from './seed-schema.js';

const SCHEMA_PATH = fileURLToPath(new URL('../../tenant-seed.schema.json', import.meta.url));

function generated(): string {
  const schema = { ...z.toJSONSchema(tenantSeedSchema, { target: 'draft-2020-12' }), $id: 'tenant-seed.schema.json' };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

describe('tenant-seed.schema.json', () => {
  it('matches the zod schema', () => {
    if (process.env.UPDATE_SEED_SCHEMA) writeFileSync(SCHEMA_PATH, generated());
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(generated());
  });

  it('the default seed is valid', () => {
    expect(loadSeedFile(DEFAULT_SEED_PATH).apps[0]?.redirectUris).toEqual([
      'http://localhost:8080/api/ms-graph-oauth.php',
    ]);
  });
});
