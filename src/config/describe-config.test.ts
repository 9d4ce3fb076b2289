import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeConfig } from './describe-config.js';
import { loadConfig } from './load-config.js';

const cwd = mkdtempSync(join(tmpdir(), 'elentra-teams-describe-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('describeConfig', () => {
  const secret = 'Qx98Q~aVeryS3cretValue.From_Azure-0123456789';
  const previousKey = 'cd'.repeat(32);
  const rows = describeConfig(
    loadConfig({
      cwd,
      env: {
        MS_OAUTH_CLIENT_SECRET: secret,
        DATABASE_URL: 'mysql://teams:Pa55word@db.internal:3306/teams',
        SCHEDULER_IN_PROCESS: '0',
        APP_PREVIOUS_KEYS: previousKey,
        TRUST_PROXY: '127.0.0.1, 10.0.0.0/8',
      },
    }),
  );
  const byName = new Map(rows.map((row) => [row.name, row]));

  it.each([
    ['MS_OAUTH_CLIENT_SECRET', 'set (redacted)', 'environment'],
    ['APP_KEY', 'not set', 'default'],
    ['APP_PREVIOUS_KEYS', 'set (redacted)', 'environment'],
    ['HOST', '0.0.0.0', 'default'],
    ['TRUST_PROXY', '127.0.0.1,10.0.0.0/8', 'environment'],
    ['MS_AD_TENANT_ID', 'not set', 'default'],
    ['DATABASE_URL', 'mysql://teams:***@db.internal:3306/teams', 'environment'],
    ['ELENTRA_DATABASE_URL', 'mysql://teams:***@db.internal:3306/teams', 'default'],
    [
      'MS_OAUTH_SCOPES',
      'offline_access,User.ReadBasic.All,Group.ReadWrite.All,Team.Create,Team.ReadBasic.All,TeamMember.ReadWrite.All',
      'default',
    ],
    ['PORT', '8080', 'default'],
    ['SCHEDULER_IN_PROCESS', '0', 'environment'],
  ])('%s → %s (%s)', (name, value, source) => {
    expect(byName.get(name)).toEqual({ name, value, source });
  });

  it('lists every constant once and shows no secret or password', () => {
    expect(rows).toHaveLength(40);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(secret);
    expect(text).not.toContain('Pa55word');
    expect(text).not.toContain(previousKey);
  });

  it('shows an unset key list as not set', () => {
    const unset = describeConfig(loadConfig({ cwd, env: {} })).find((row) => row.name === 'APP_PREVIOUS_KEYS');
    expect(unset?.value).toBe('not set');
  });
});
