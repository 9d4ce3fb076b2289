// The command-line program run in-process: exit codes, bad configuration, migrate twice, settings, demo and roster.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryIo } from './io.js';
import { main } from './main.js';

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'et-cli-'));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const io = memoryIo({ cwd: folder, env: { DATABASE_URL: `sqlite:${join(folder, 'db.sqlite')}`, ...env } });
  const code = await main(['node', 'elentra-teams', ...args], io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('elentra-teams', () => {
  it('prints help with exit code 0, and answers an unknown command with exit code 2', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['migrate', 'demo:seed', 'settings:get', 'settings:set', 'config:check', 'elentra:roster']) {
      expect(help.out).toContain(command);
    }
    const unknown = await run(['no:such-command']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown command/i);
  });

  it.each([
    ['MS_AD_TENANT_ID', { MS_AD_TENANT_ID: 'contoso' }],
    ['MS_OAUTH_CLIENT_ID', { MS_OAUTH_CLIENT_ID: '1234' }],
    ['MS_OAUTH_SCOPES', { MS_OAUTH_SCOPES: 'offline_access,User.ReadBasic.All' }],
    ['MS_OAUTH_REDIRECT_URL', { MS_OAUTH_REDIRECT_URL: 'https://elentra.example.edu/oauth' }],
    ['APP_KEY', { APP_KEY: 'base64:c2hvcnQ=' }],
    ['DEFAULT_TIMEZONE', { DEFAULT_TIMEZONE: 'Eastern/Nowhere' }],
    ['DATABASE_URL', { DATABASE_URL: 'oracle://db/elentra' }],
  ])('exits 2 naming %s when its value is bad', async (name, env) => {
    const result = await run(['config:check'], env);
    expect(result.code).toBe(2);
    expect(result.err).toContain(name);
    expect(result.err).toMatch(/fix/i);
  });

  it('never prints a secret, even in config:check', async () => {
    const secret = 'Zq8~not-a-real-secret-value-1234567890';
    const result = await run(['config:check'], { MS_OAUTH_CLIENT_SECRET: secret });
    expect(result.code).toBe(0);
    expect(result.out).toContain('MS_OAUTH_CLIENT_SECRET');
    expect(result.out + result.err).not.toContain(secret);
  });

  it('migrates, and a second migrate is a no-op', async () => {
    const first = await run(['migrate']);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/Migrated/);
    const second = await run(['migrate']);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/Nothing to migrate/);
  });

  it('seeds the demo once, shows the roster, and reads and writes settings', async () => {
    expect((await run(['migrate'])).code).toBe(0);
    const seeded = await run(['demo:seed']);
    expect(seeded.code, seeded.err).toBe(0);
    expect(seeded.out).toContain('Northfield School of Medicine');
    const again = await run(['demo:seed']);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/Nothing was changed/);

    const roster = await run(['elentra:roster', '--json']);
    expect(roster.code).toBe(0);
    const parsed = JSON.parse(roster.out) as { summary: { totals: { offerings: number } } };
    expect(parsed.summary.totals.offerings).toBeGreaterThanOrEqual(8);
    const table = await run(['elentra:roster']);
    expect(table.out).toMatch(/without an e-mail/);

    expect((await run(['settings:get', 'microsoft_teams_enabled'])).out).toBe('1');
    const set = await run(['settings:set', 'microsoft_teams_enabled', '0', '--organisation', '1']);
    expect(set.code).toBe(0);
    expect((await run(['settings:get', 'microsoft_teams_enabled', '--organisation', '1'])).out).toBe('0');
    expect((await run(['settings:get', 'microsoft_teams_enabled'])).out).toBe('1');
    const missing = await run(['settings:get', 'no_such_setting']);
    expect(missing.code).toBe(1);
    const bad = await run(['settings:set', 'bad name', 'x']);
    expect(bad.code).toBe(2);
  });

  it('refuses to seed the demo into a database server without --allow-server', async () => {
    const result = await run(['demo:seed'], {
      ELENTRA_DATABASE_URL: 'mysql://root@127.0.0.1:3306/elentra_me',
    });
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/--allow-server/);
  });
});
