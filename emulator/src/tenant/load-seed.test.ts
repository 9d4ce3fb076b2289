// Seed validation: every problem reported with its JSON path, duplicates caught, unreadable files named.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TenantSeed } from '../context.js';
import { DEFAULT_SEED_PATH, loadSeedFile, parseTenantSeed, SeedError } from './load-seed.js';

const valid = (): TenantSeed => loadSeedFile(DEFAULT_SEED_PATH);

function errorsOf(input: unknown): string[] {
  const result = parseTenantSeed(input);
  return result.ok ? [] : result.errors;
}

describe('parseTenantSeed', () => {
  it('accepts the default seed and drops $schema', () => {
    const result = parseTenantSeed(JSON.parse(JSON.stringify({ $schema: 'x', ...valid() })));
    expect(result.ok && '$schema' in result.seed).toBe(false);
  });

  it.each([
    [
      'a tenant id that is not a GUID',
      (s: TenantSeed) => Object.assign(s, { tenantId: 'contoso' }),
      'tenantId: must be a GUID',
    ],
    [
      'a bad domain',
      (s: TenantSeed) => Object.assign(s, { domain: 'no spaces allowed' }),
      'domain: must be a domain name',
    ],
    [
      'a user without a UPN',
      (s: TenantSeed) => Object.assign(s.users[1] ?? {}, { userPrincipalName: undefined }),
      'users[1].userPrincipalName:',
    ],
    [
      'an unknown field',
      (s: TenantSeed) => Object.assign(s.users[0] ?? {}, { upn: 'x' }),
      'users[0]: Unrecognized key: "upn"',
    ],
    [
      'an unknown scope',
      (s: TenantSeed) => Object.assign(s.apps[0] ?? {}, { adminConsentedScopes: ['Mail.Nope'] }),
      'apps[0].adminConsentedScopes[0]:',
    ],
    [
      'a secret expiry that is not a date',
      (s: TenantSeed) => Object.assign(s.apps[0]?.secrets[0] ?? {}, { expiresAt: 'soon' }),
      'apps[0].secrets[0].expiresAt:',
    ],
    [
      'a relative redirect URI',
      (s: TenantSeed) => Object.assign(s.apps[0] ?? {}, { redirectUris: ['/callback'] }),
      'apps[0].redirectUris[0]:',
    ],
    [
      'a duplicate user id',
      (s: TenantSeed) => s.users.push({ ...(s.users[0] as TenantSeed['users'][0]), userPrincipalName: 'other@x.org' }),
      'users[5].id: duplicates users[0]',
    ],
    [
      'a duplicate UPN (case-insensitive)',
      (s: TenantSeed) =>
        Object.assign(s.users[1] ?? {}, { userPrincipalName: 'ALEX.ADMIN@elentra-demo.onmicrosoft.com' }),
      'users[1].userPrincipalName: duplicates users[0]',
    ],
  ])('rejects %s with its path', (_name, change, expected) => {
    const seed = valid();
    change(seed);
    expect(errorsOf(seed).join('\n')).toContain(expected);
  });

  it('reports every problem at once', () => {
    expect(errorsOf({ tenantId: 'x', users: 'none' }).length).toBeGreaterThanOrEqual(4);
  });
});

describe('loadSeedFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'seed-'));

  it('names the file and the problem for bad JSON', () => {
    const path = join(dir, 'bad.json');
    writeFileSync(path, '{ "tenantId": ');
    expect(() => loadSeedFile(path)).toThrow(SeedError);
    expect(() => loadSeedFile(path)).toThrow(/bad\.json[\s\S]*not valid JSON/);
  });

  it('names a missing file', () => {
    expect(() => loadSeedFile(join(dir, 'missing.json'))).toThrow(/missing\.json[\s\S]*cannot read the file/);
  });
});
