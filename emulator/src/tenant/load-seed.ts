// Validates a tenant seed (from `--seed FILE`, `POST /_emulator/reset` or startEmulator) and explains every problem
// with its JSON path, so that a person fixing a seed file sees all mistakes at once.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TenantSeed } from '../context.js';
import { tenantSeedSchema } from './seed-schema.js';

export type SeedResult = { ok: true; seed: TenantSeed } | { ok: false; errors: string[] };

export class SeedError extends Error {
  constructor(
    readonly source: string,
    readonly errors: string[],
  ) {
    super(`Invalid tenant seed (${source}):\n${errors.map((e) => `  - ${e}`).join('\n')}`);
    this.name = 'SeedError';
  }
}

/** The small default tenant (emulator/seeds/default-tenant.json); the relative path holds in src and in dist. */
export const DEFAULT_SEED_PATH = fileURLToPath(new URL('../../seeds/default-tenant.json', import.meta.url));

export function parseTenantSeed(input: unknown): SeedResult {
  const parsed = tenantSeedSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`) };
  }
  const { $schema: _schema, ...seed } = parsed.data;
  const errors = [
    ...duplicates(
      seed.users.map((u) => u.id),
      'users',
      'id',
    ),
    ...duplicates(
      seed.users.map((u) => u.userPrincipalName.toLowerCase()),
      'users',
      'userPrincipalName',
    ),
    ...duplicates(
      seed.apps.map((a) => a.clientId),
      'apps',
      'clientId',
    ),
  ];
  return errors.length > 0 ? { ok: false, errors } : { ok: true, seed };
}

/** Parses or throws a SeedError naming the source (a file path or "request body"). */
export function requireTenantSeed(input: unknown, source: string): TenantSeed {
  const result = parseTenantSeed(input);
  if (!result.ok) throw new SeedError(source, result.errors);
  return result.seed;
}

export function loadSeedFile(path: string): TenantSeed {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SeedError(path, [`cannot read the file: ${(error as Error).message}`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SeedError(path, [`not valid JSON: ${(error as Error).message}`]);
  }
  return requireTenantSeed(json, path);
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return '(root)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

function duplicates(values: string[], list: string, field: string): string[] {
  const seen = new Map<string, number>();
  const errors: string[] = [];
  values.forEach((value, index) => {
    const first = seen.get(value);
    if (first === undefined) seen.set(value, index);
    else errors.push(`${list}[${index}].${field}: duplicates ${list}[${first}] ('${value}')`);
  });
  return errors;
}
