import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';
import { previousAppKeys, requireAppKey, requireMicrosoftApp } from './require-config.js';
import { Secret } from './secret.js';

const cwd = mkdtempSync(join(tmpdir(), 'elentra-teams-require-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const SECRET = 'Qx98Q~aVeryS3cretValue.From_Azure-0123456789';

function thrown(action: () => unknown): ConfigError {
  try {
    action();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('requireMicrosoftApp', () => {
  it('gives the ids and the secret when all three are set', () => {
    const config = loadConfig({
      cwd,
      env: { MS_AD_TENANT_ID: TENANT, MS_OAUTH_CLIENT_ID: CLIENT, MS_OAUTH_CLIENT_SECRET: SECRET },
    });
    const app = requireMicrosoftApp(config);
    expect([app.tenantId, app.clientId, app.clientSecret.reveal()]).toEqual([TENANT, CLIENT, SECRET]);
  });

  it.each([
    [{}, ['MS_AD_TENANT_ID', 'MS_OAUTH_CLIENT_ID', 'MS_OAUTH_CLIENT_SECRET']],
    [{ MS_AD_TENANT_ID: TENANT, MS_OAUTH_CLIENT_ID: CLIENT }, ['MS_OAUTH_CLIENT_SECRET']],
    [{ MS_OAUTH_CLIENT_SECRET: SECRET }, ['MS_AD_TENANT_ID', 'MS_OAUTH_CLIENT_ID']],
  ])('with %j set, names %j as missing', (env, names) => {
    const error = thrown(() => requireMicrosoftApp(loadConfig({ cwd, env })));
    expect(error.code).toBe('config.missing');
    expect(error.problems.map((problem) => problem.name)).toEqual(names);
    expect(error.message).toContain('is not set. Fix: set it in the environment or settings-development.env');
    expect(error.message).not.toContain(SECRET);
  });
});

describe('requireAppKey', () => {
  it.each([
    ['base64', `base64:${Buffer.alloc(32, 9).toString('base64')}`],
    ['hex', '09'.repeat(32)],
  ])('gives the 32 bytes of a %s key', (_, key) => {
    expect(requireAppKey(loadConfig({ cwd, env: { APP_KEY: key } }))).toEqual(Buffer.alloc(32, 9));
  });

  it('names APP_KEY and the command that makes one when it is not set', () => {
    const error = thrown(() => requireAppKey(loadConfig({ cwd, env: {} })));
    expect(error.code).toBe('config.missing');
    expect(error.message).toContain('APP_KEY: is not set. Fix: set it in the environment or settings-development.env');
    expect(error.message).toContain("randomBytes(32).toString('base64')");
  });

  it('rejects a malformed key in a Config built without loadConfig', () => {
    const config = { ...loadConfig({ cwd, env: {} }), APP_KEY: new Secret('tooshort') };
    expect(thrown(() => requireAppKey(config)).message).toMatch(/^Configuration is invalid.*\n.*APP_KEY: is neither/);
  });
});

describe('previousAppKeys', () => {
  it('gives the bytes of each earlier key, in order, and nothing when unset', () => {
    const old = `base64:${Buffer.alloc(32, 1).toString('base64')}`;
    const config = loadConfig({ cwd, env: { APP_PREVIOUS_KEYS: `${old},${'02'.repeat(32)}` } });
    expect(previousAppKeys(config)).toEqual([Buffer.alloc(32, 1), Buffer.alloc(32, 2)]);
    expect(previousAppKeys(loadConfig({ cwd, env: {} }))).toEqual([]);
  });

  it('names a bad key by its position in a Config built without loadConfig', () => {
    const config = { ...loadConfig({ cwd, env: {} }), APP_PREVIOUS_KEYS: [new Secret('tooshort')] };
    expect(thrown(() => previousAppKeys(config)).message).toMatch(/APP_PREVIOUS_KEYS: key 1 of 1: is neither/);
  });
});
