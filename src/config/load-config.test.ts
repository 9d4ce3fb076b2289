import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import type { Config } from './config-types.js';
import { REQUIRED_SCOPES } from './constants.js';
import { loadConfig } from './load-config.js';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const CLIENT_SECRET = 'Qx98Q~aVeryS3cretValue.From_Azure-0123456789';
const APP_KEY = `base64:${Buffer.alloc(32, 7).toString('base64')}`;

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A fresh working folder holding `files` (path → text); no settings file unless given. */
function folderWith(files: Record<string, string> = {}): string {
  const cwd = mkdtempSync(join(tmpdir(), 'elentra-teams-config-'));
  folders.push(cwd);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(cwd, path)), { recursive: true });
    writeFileSync(join(cwd, path), text);
  }
  return cwd;
}

function load(env: Record<string, string>, files: Record<string, string> = {}): Config {
  return loadConfig({ env, cwd: folderWith(files) });
}

function problemsOf(env: Record<string, string>, files: Record<string, string> = {}): ConfigError {
  try {
    load(env, files);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig defaults', () => {
  it('runs with nothing set: the embedded demo needs no configuration', () => {
    const config = load({});
    expect(config).toMatchObject({
      MS_SERVICE_TOKEN_ID: 'microsoft_graph',
      MS_AD_TENANT_ID: null,
      MS_OAUTH_CLIENT_ID: null,
      MS_OAUTH_CLIENT_SECRET: null,
      MS_OAUTH_SCOPES: [...REQUIRED_SCOPES],
      ENTRADA_URL: 'http://localhost:8080',
      MS_OAUTH_REDIRECT_URL: 'http://localhost:8080/api/ms-graph-oauth.php',
      DEFAULT_TIMEZONE: 'America/Toronto',
      DATABASE_URL: 'sqlite:data/elentra-teams.sqlite',
      ELENTRA_DATABASE_URL: 'sqlite:data/elentra-teams.sqlite',
      ELENTRA_AUTH_DATABASE: null,
      APP_KEY: null,
      APP_PREVIOUS_KEYS: [],
      MS_LOGIN_URL: 'https://login.microsoftonline.com',
      MS_GRAPH_URL: 'https://graph.microsoft.com',
      PORT: 8080,
      HOST: '0.0.0.0',
      TRUST_PROXY: false,
      ELENTRA_ENV: 'development',
      LOG_LEVEL: 'info',
      SCHEDULER_IN_PROCESS: true,
      settingsFile: null,
    });
    expect(config.sources.PORT).toEqual({ kind: 'default' });
  });

  it('derives ENTRADA_URL from PORT, the redirect URL from ENTRADA_URL, ELENTRA_DATABASE_URL from DATABASE_URL', () => {
    expect(load({ PORT: '9000' }).MS_OAUTH_REDIRECT_URL).toBe('http://localhost:9000/api/ms-graph-oauth.php');
    const config = load({ ENTRADA_URL: 'https://school.example.edu/elentra/', DATABASE_URL: 'mysql://u:p@db/teams' });
    expect(config.ENTRADA_URL).toBe('https://school.example.edu/elentra');
    expect(config.MS_OAUTH_REDIRECT_URL).toBe('https://school.example.edu/elentra/api/ms-graph-oauth.php');
    expect(config.ELENTRA_DATABASE_URL).toBe('mysql://u:p@db/teams');
  });

  it.each([
    [
      'MS_OAUTH_SCOPES',
      'offline_access User.ReadBasic.All group.readwrite.all,Team.Create,Team.ReadBasic.All, TeamMember.ReadWrite.All,Calendars.ReadWrite',
      7,
    ],
    ['MS_OAUTH_SCOPES', `${REQUIRED_SCOPES.join(',')},offline_access,OFFLINE_ACCESS`, 6],
  ])('parses %s into a list without duplicates, extra scopes allowed', (key, value, count) => {
    expect(load({ [key]: value }).MS_OAUTH_SCOPES).toHaveLength(count);
  });

  it.each([
    ['SCHEDULER_IN_PROCESS', '0', false],
    ['LOG_LEVEL', 'DEBUG', 'debug'],
    ['ELENTRA_ENV', 'staging', 'staging'],
    ['ELENTRA_AUTH_DATABASE', 'entrada_auth', 'entrada_auth'],
    ['MS_GRAPH_URL', 'http://127.0.0.1:8080/graph/', 'http://127.0.0.1:8080/graph'],
    ['MS_LOGIN_URL', 'http://localhost:8080', 'http://localhost:8080'],
    ['DEFAULT_TIMEZONE', 'America/St_Johns', 'America/St_Johns'],
    ['DATABASE_URL', 'postgresql://teams@db.internal:5432/teams', 'postgresql://teams@db.internal:5432/teams'],
    ['DATABASE_URL', 'sqlite::memory:', 'sqlite::memory:'],
    ['HOST', '127.0.0.1', '127.0.0.1'],
    ['HOST', '::1', '::1'],
    ['HOST', 'localhost', 'localhost'],
    ['TRUST_PROXY', '1', true],
    ['TRUST_PROXY', 'no', false],
    ['TRUST_PROXY', '127.0.0.1', ['127.0.0.1']],
    ['TRUST_PROXY', '10.0.0.0/8, 192.168.1.5,fd00::/8,loopback', ['10.0.0.0/8', '192.168.1.5', 'fd00::/8', 'loopback']],
  ])('accepts %s=%s', (key, value, expected) => {
    expect(load({ [key]: value })[key as keyof Config]).toEqual(expected);
  });
});

describe('loadConfig problems', () => {
  it.each([
    ['MS_AD_TENANT_ID', 'contoso', /MS_AD_TENANT_ID: is not a GUID.*Fix: copy the "Directory \(tenant\) ID"/],
    ['MS_AD_TENANT_ID', 'XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX', /MS_AD_TENANT_ID: is still the placeholder/],
    ['MS_OAUTH_CLIENT_ID', '1234', /MS_OAUTH_CLIENT_ID: is not a GUID.*"Application \(client\) ID"/],
    ['MS_OAUTH_CLIENT_SECRET', TENANT, /MS_OAUTH_CLIENT_SECRET: looks like the client secret's "Secret ID"/],
    [
      'MS_OAUTH_SCOPES',
      'offline_access,User.ReadBasic.All,Group.ReadWrite.All',
      /MS_OAUTH_SCOPES: is missing the required scopes Team\.Create, Team\.ReadBasic\.All, TeamMember\.ReadWrite\.All/,
    ],
    [
      'MS_OAUTH_SCOPES',
      REQUIRED_SCOPES.slice(1).join(','),
      /MS_OAUTH_SCOPES: is missing the required scope offline_access /,
    ],
    [
      'MS_OAUTH_REDIRECT_URL',
      'http://localhost:8080/oauth/callback',
      /MS_OAUTH_REDIRECT_URL: is .* but it must be ENTRADA_URL \+ \/api\/ms-graph-oauth\.php = http:\/\/localhost:8080\/api\/ms-graph-oauth\.php/,
    ],
    ['MS_OAUTH_REDIRECT_URL', 'http://localhost:8080/api/ms-graph-oauth.php/', /MS_OAUTH_REDIRECT_URL: is /],
    ['ENTRADA_URL', 'elentra.example.edu', /ENTRADA_URL: "elentra\.example\.edu" is not an absolute http\(s\) URL/],
    ['ENTRADA_URL', 'ftp://elentra.example.edu', /ENTRADA_URL: .* is not an absolute http\(s\) URL/],
    [
      'APP_KEY',
      `base64:${Buffer.alloc(16).toString('base64')}`,
      /APP_KEY: too short: it holds 16 bytes.*Fix: generate one with: node -e/,
    ],
    ['APP_KEY', 'ab'.repeat(20), /APP_KEY: too short: it holds 20 bytes/],
    ['APP_KEY', 'ab'.repeat(40), /APP_KEY: too long/],
    ['APP_KEY', 'correct horse battery staple', /APP_KEY: is neither base64:… nor 64 hexadecimal characters/],
    [
      'DEFAULT_TIMEZONE',
      'America/Torronto',
      /DEFAULT_TIMEZONE: "America\/Torronto" is not a known IANA time zone.*America\/Toronto/,
    ],
    ['DEFAULT_TIMEZONE', 'Toronto', /Fix: did you mean America\/Toronto\?/],
    [
      'DEFAULT_TIMEZONE',
      'Eastern Standard Time',
      /DEFAULT_TIMEZONE: .* is a Windows time-zone name.*Fix: set it to America\/New_York/,
    ],
    [
      'DATABASE_URL',
      'oracle://db/elentra',
      /DATABASE_URL: "oracle:\/\/db\/elentra" is not a database URL.*Fix: use sqlite:/,
    ],
    ['DATABASE_URL', 'mysql://user@db.internal', /DATABASE_URL: .* names no database/],
    ['DATABASE_URL', 'sqlite:', /DATABASE_URL: "sqlite:" names no file/],
    ['DATABASE_URL', 'sqlite://data/x.sqlite', /DATABASE_URL: .* without \/\//],
    ['ELENTRA_DATABASE_URL', 'mysql:/db', /ELENTRA_DATABASE_URL: .* is not a database URL/],
    ['ELENTRA_AUTH_DATABASE', 'entrada_auth; DROP TABLE x', /ELENTRA_AUTH_DATABASE: .* is not a plain database name/],
    ['MS_GRAPH_URL', 'http://graph.microsoft.com', /MS_GRAPH_URL: .* uses http; tokens may only be sent over https/],
    ['MS_LOGIN_URL', 'http://10.0.0.5:8080', /MS_LOGIN_URL: .* uses http/],
    ['MS_GRAPH_URL', 'graph.microsoft.com', /MS_GRAPH_URL: .* is not an absolute https URL/],
    ['PORT', '0', /PORT: "0" is not a TCP port/],
    ['PORT', '70000', /PORT: "70000" is not a TCP port/],
    ['PORT', '80a', /PORT: "80a" is not a TCP port/],
    ['ELENTRA_ENV', 'prod', /ELENTRA_ENV: "prod" is not one of production, staging, development/],
    ['LOG_LEVEL', 'verbose', /LOG_LEVEL: "verbose" is not one of fatal/],
    ['SCHEDULER_IN_PROCESS', 'maybe', /SCHEDULER_IN_PROCESS: "maybe" is not 1 or 0/],
    ['MS_SERVICE_TOKEN_ID', 'microsoft graph', /MS_SERVICE_TOKEN_ID: is not a short name/],
    [
      'APP_PREVIOUS_KEYS',
      `${APP_KEY},base64:c2hvcnRrZXk=`,
      /APP_PREVIOUS_KEYS: key 2 of 2: too short: it holds 8 bytes/,
    ],
    ['APP_PREVIOUS_KEYS', 'ab'.repeat(40), /APP_PREVIOUS_KEYS: the key: too long/],
    ['APP_PREVIOUS_KEYS', 'old-key', /APP_PREVIOUS_KEYS: the key: is neither base64:… nor 64 hexadecimal/],
    ['HOST', 'http://0.0.0.0', /HOST: "http:\/\/0\.0\.0\.0" is not an address to listen on/],
    ['HOST', '300.1.1.1', /HOST: .* is not an address to listen on/],
    ['TRUST_PROXY', 'maybe', /TRUST_PROXY: "maybe" is not 0, 1 or a proxy address or CIDR range.*Fix: set it to 0/],
    ['TRUST_PROXY', '10.0.0.0/33,proxy.local', /TRUST_PROXY: "10\.0\.0\.0\/33", "proxy\.local" are not 0, 1/],
    ['TRUST_PROXY', ',', /TRUST_PROXY: "," is not 0, 1/],
  ])('%s=%s is a problem naming it', (key, value, expected) => {
    const error = problemsOf({ [key]: value });
    expect(error.code).toBe('config.invalid');
    expect(error.problems.map((problem) => problem.name)).toEqual([key]);
    expect(error.message).toMatch(expected);
    expect(error.message).toContain('(value from environment)');
  });

  it('reports every problem at once, without repeating a redirect mismatch caused by a bad ENTRADA_URL', () => {
    const error = problemsOf({
      MS_AD_TENANT_ID: 'x',
      PORT: 'x',
      ENTRADA_URL: 'nope',
      MS_OAUTH_REDIRECT_URL: 'http://a/b',
    });
    expect(error.problems.map((problem) => problem.name)).toEqual(['MS_AD_TENANT_ID', 'ENTRADA_URL', 'PORT']);
    expect(error.message).toMatch(/^Configuration is invalid \(3 problems\):\n {2}- /);
  });

  it('says which file a bad value came from', () => {
    const error = problemsOf({}, { 'settings-development.env': 'MS_AD_TENANT_ID=not-a-guid\n' });
    expect(error.message).toContain('MS_AD_TENANT_ID: is not a GUID');
    expect(error.message).toContain('(value from settings-development.env)');
  });

  it('names a missing SETTINGS_FILE', () => {
    const error = problemsOf({ SETTINGS_FILE: 'nowhere.env' });
    expect(error.problems[0]).toMatchObject({
      name: 'SETTINGS_FILE',
      message: expect.stringContaining('does not exist'),
    });
  });
});

describe('loadConfig sources and precedence', () => {
  const files = {
    'settings-development.env':
      'PORT=2000\nLOG_LEVEL=warn\nMS_GRAPH_URL=https://graph.file.example\nUNKNOWN_KEY=ignored\n',
    'settings-production.env':
      'PORT=2000\nLOG_LEVEL=warn\nMS_GRAPH_URL=https://graph.file.example\nUNKNOWN_KEY=ignored\n',
    'data/demo-settings.env':
      'PORT=3000\nLOG_LEVEL=error\nMS_GRAPH_URL=http://localhost:3000\nDEFAULT_TIMEZONE=Europe/London\n',
  };

  it('environment > settings file > demo file > defaults', () => {
    const config = load({ ELENTRA_ENV: 'development', PORT: '1000' }, files);
    expect([config.PORT, config.LOG_LEVEL, config.DEFAULT_TIMEZONE, config.MS_LOGIN_URL]).toEqual([
      1000,
      'warn',
      'Europe/London',
      'https://login.microsoftonline.com',
    ]);
    expect(config.sources).toMatchObject({
      PORT: { kind: 'environment' },
      LOG_LEVEL: { kind: 'file', path: 'settings-development.env' },
      DEFAULT_TIMEZONE: { kind: 'file', path: join('data', 'demo-settings.env') },
      MS_LOGIN_URL: { kind: 'default' },
    });
    expect(config.settingsFile).toBe('settings-development.env');
  });

  it('reads the demo file when there is no settings file, and an empty variable does not hide a file value', () => {
    const demoOnly = { 'data/demo-settings.env': files['data/demo-settings.env'] };
    const config = load({ LOG_LEVEL: '' }, demoOnly);
    expect([config.PORT, config.LOG_LEVEL, config.MS_GRAPH_URL]).toEqual([3000, 'error', 'http://localhost:3000']);
  });

  it.each(['production', 'staging'])('never reads the demo file in %s', (env) => {
    const config = load({ ELENTRA_ENV: env }, { 'data/demo-settings.env': files['data/demo-settings.env'] });
    expect([config.PORT, config.DEFAULT_TIMEZONE, config.MS_GRAPH_URL]).toEqual([
      8080,
      'America/Toronto',
      'https://graph.microsoft.com',
    ]);
  });

  it('SETTINGS_FILE names the file explicitly, relative to the working folder', () => {
    const config = load({ SETTINGS_FILE: 'conf/teams.env' }, { ...files, 'conf/teams.env': 'PORT=4000\n' });
    expect(config.PORT).toBe(4000);
    expect(config.settingsFile).toBe(join('conf', 'teams.env'));
  });

  it('prefers settings-<env>.env over settings-<env>.inc.php', () => {
    const config = load(
      { ELENTRA_ENV: 'staging' },
      { 'settings-staging.env': 'PORT=5000', 'settings-staging.inc.php': '<?php define("PORT", "6000");' },
    );
    expect(config.PORT).toBe(5000);
  });

  it("reads an Elentra settings-production.inc.php with the guide's block", () => {
    const php = `<?php
define("ENTRADA_URL", "https://elentra.example.edu");
define("DEFAULT_TIMEZONE", "America/Vancouver");
define("DATABASE_HOST", $_SERVER["DB_HOST"]);
// define("MS_AD_TENANT_ID", "commented-out");
define("MS_SERVICE_TOKEN_ID", "microsoft_graph");
define("MS_AD_TENANT_ID", "${TENANT}");
define("MS_OAUTH_CLIENT_ID", "${CLIENT}");
define("MS_OAUTH_CLIENT_SECRET", "${CLIENT_SECRET}");
define("MS_OAUTH_SCOPES", "offline_access,User.ReadBasic.All,Group.ReadWrite.All,Team.Create,Team.ReadBasic.All,TeamMember.ReadWrite.All");
define("MS_OAUTH_REDIRECT_URL", ENTRADA_URL."/api/ms-graph-oauth.php");
`;
    const config = load({ ELENTRA_ENV: 'production' }, { 'settings-production.inc.php': php });
    expect(config).toMatchObject({
      ENTRADA_URL: 'https://elentra.example.edu',
      MS_OAUTH_REDIRECT_URL: 'https://elentra.example.edu/api/ms-graph-oauth.php',
      DEFAULT_TIMEZONE: 'America/Vancouver',
      MS_AD_TENANT_ID: TENANT,
      MS_OAUTH_CLIENT_ID: CLIENT,
    });
    expect(config.MS_OAUTH_CLIENT_SECRET?.reveal()).toBe(CLIENT_SECRET);
    expect(config.sources.MS_OAUTH_REDIRECT_URL).toEqual({ kind: 'file', path: 'settings-production.inc.php' });
  });

  it("reports the guide's placeholders left in a PHP file", () => {
    const php = `<?php
define("MS_AD_TENANT_ID", "XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX");
define("MS_OAUTH_CLIENT_ID", "XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX");
define("MS_OAUTH_CLIENT_SECRET", "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX");`;
    const error = problemsOf({ ELENTRA_ENV: 'staging' }, { 'settings-staging.inc.php': php });
    expect(error.problems.map((problem) => [problem.name, problem.message, problem.source])).toEqual([
      ['MS_AD_TENANT_ID', 'is still the placeholder from the guide', 'settings-staging.inc.php'],
      ['MS_OAUTH_CLIENT_ID', 'is still the placeholder from the guide', 'settings-staging.inc.php'],
      ['MS_OAUTH_CLIENT_SECRET', 'is still the placeholder from the guide', 'settings-staging.inc.php'],
    ]);
  });

  it('checks a redirect URL from a file against an ENTRADA_URL from the environment, naming both sources', () => {
    const php =
      '<?php define("ENTRADA_URL", "https://old.example.edu");\ndefine("MS_OAUTH_REDIRECT_URL", ENTRADA_URL."/api/ms-graph-oauth.php");';
    const error = problemsOf(
      { ELENTRA_ENV: 'production', ENTRADA_URL: 'https://new.example.edu' },
      { 'settings-production.inc.php': php },
    );
    expect(error.message).toContain(
      'MS_OAUTH_REDIRECT_URL: is https://old.example.edu/api/ms-graph-oauth.php, but it must be ENTRADA_URL + /api/ms-graph-oauth.php = https://new.example.edu/api/ms-graph-oauth.php (ENTRADA_URL from environment) (value from settings-production.inc.php)',
    );
  });
});

describe('APP_PREVIOUS_KEYS', () => {
  const old1 = `base64:${Buffer.alloc(32, 1).toString('base64')}`;
  const old2 = 'ab'.repeat(32);

  it('holds every earlier key, in order, as a Secret; blanks and empty entries are ignored', () => {
    const config = load({ APP_KEY, APP_PREVIOUS_KEYS: ` ${old1} ,, ${old2},` });
    expect(config.APP_PREVIOUS_KEYS.map((key) => key.reveal())).toEqual([old1, old2]);
    expect(config.sources.APP_PREVIOUS_KEYS).toEqual({ kind: 'environment' });
    for (const text of [JSON.stringify(config), inspect(config, { depth: 10 })]) {
      expect(text).not.toContain(old1.slice('base64:'.length));
      expect(text).not.toContain(old2);
    }
  });

  it('never quotes a key, even one pasted into another setting', () => {
    const error = problemsOf({ APP_PREVIOUS_KEYS: `${old1},${old2}`, MS_AD_TENANT_ID: old2, ENTRADA_URL: old1 });
    expect(error.problems.map((problem) => problem.name)).toEqual(['MS_AD_TENANT_ID', 'ENTRADA_URL']);
    expect(error.message).not.toContain(old2);
    expect(error.message).not.toContain(old1.slice('base64:'.length));
  });
});

describe('loadConfig keeps secrets secret', () => {
  const secrets = { MS_OAUTH_CLIENT_SECRET: CLIENT_SECRET, APP_KEY };

  it('holds them as Secret instances, hidden from JSON.stringify and util.inspect', () => {
    const config = load({ ...secrets, MS_AD_TENANT_ID: TENANT, MS_OAUTH_CLIENT_ID: CLIENT });
    for (const text of [JSON.stringify(config), inspect(config, { depth: 10 }), String(config.APP_KEY)]) {
      expect(text).not.toContain(CLIENT_SECRET);
      expect(text).not.toContain(APP_KEY.slice('base64:'.length));
      expect(text).toContain('[redacted]');
    }
  });

  it.each([
    ['a bad client secret', { MS_OAUTH_CLIENT_SECRET: 'has a space in it' }, 'has a space in it'],
    ['a short APP_KEY', { APP_KEY: 'base64:c2hvcnRrZXk=' }, 'c2hvcnRrZXk'],
    ['a hex APP_KEY', { APP_KEY: 'abcdef0123' }, 'abcdef0123'],
    ['a short previous key', { APP_PREVIOUS_KEYS: `${APP_KEY},abcdef0123` }, 'abcdef0123'],
    ['the secret pasted as the client id', { ...secrets, MS_OAUTH_CLIENT_ID: CLIENT_SECRET }, CLIENT_SECRET],
    ['the secret pasted as the site URL', { ...secrets, ENTRADA_URL: CLIENT_SECRET }, CLIENT_SECRET],
    ['a database password', { DATABASE_URL: 'mysql://teams:Pa55word@db.internal' }, 'Pa55word'],
  ])('%s is not in the error message', (_, env, secret) => {
    const error = problemsOf(env);
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.message).not.toContain(secret);
    expect(JSON.stringify(error.problems)).not.toContain(secret);
  });
});
