// Each doctor check, broken and mended, with what it was given as plain values (no database, no network): the status,
// the words of the detail and the fix, and the section it links. Table-driven where the check is a pure function;
// runDoctor with a fake DoctorIo for the skips (a check that depends on a failed one says so) and for a check whose
// I/O throws.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config/index.js';
import { checkClientSecret } from '../src/doctor/checks/client-secret.js';
import { checkConfiguration } from '../src/doctor/checks/configuration.js';
import { checkFeatureFlag } from '../src/doctor/checks/feature-flag.js';
import { checkGraph } from '../src/doctor/checks/graph.js';
import { checkLastRuns } from '../src/doctor/checks/last-runs.js';
import { checkRedirectUrl } from '../src/doctor/checks/redirect-url.js';
import { checkCrontab, checkJobsActive, type JobState } from '../src/doctor/checks/scheduler.js';
import { checkTimeZone } from '../src/doctor/checks/time-zone.js';
import { checkToken, docsForReason } from '../src/doctor/checks/token.js';
import { type CheckResult, type DoctorIo, formatReport, reportJson, runDoctor } from '../src/doctor/index.js';
import { classifyProbeAnswer } from '../src/doctor/token-outcomes.js';
import { GraphError } from '../src/microsoft/graph/index.js';
import {
  ClientSecretError,
  LoginUnavailableError,
  ReauthorizationRequiredError,
  type ServiceTokenSummary,
} from '../src/microsoft/identity/index.js';

const MS = {
  MS_AD_TENANT_ID: '0a1b2c3d-0000-4000-8000-123456789abc',
  MS_OAUTH_CLIENT_ID: '1a1b2c3d-0000-4000-8000-123456789abc',
  MS_OAUTH_CLIENT_SECRET: 'abc~secret~value~long-enough-123',
  APP_KEY: `base64:${Buffer.alloc(32, 7).toString('base64')}`,
};
const config = (env: Record<string, string> = {}) => loadConfig({ env: { ...MS, ...env }, cwd: '/nonexistent' });
const NOW = Date.UTC(2026, 0, 10, 12, 0, 0);
const REQUIRED = config().MS_OAUTH_SCOPES;

function summary(overrides: Partial<ServiceTokenSummary> = {}): ServiceTokenSummary {
  return {
    status: 'connected',
    reason: null,
    account: { username: 'it.admin@example.edu', homeAccountId: 'o.t', tenantId: 't' },
    grantedScopes: [...REQUIRED],
    accessExpiresAt: NOW + 3_600_000,
    authorizedBy: 'admin',
    authorizedAt: NOW - 86_400_000,
    lastRefreshedAt: NOW,
    outlookTimeZone: 'Eastern Standard Time',
    ...overrides,
  };
}

const secretError = new ClientSecretError(
  'Microsoft rejected the client secret. (Microsoft: invalid_client, AADSTS7000215)',
);
const revoked = new ReauthorizationRequiredError('Microsoft revoked the authorization. (AADSTS50173)', {
  docs: 'microsoft-authorization-revoked',
  aadsts: 50173,
});
const consent = new ReauthorizationRequiredError('A permission is not consented. (AADSTS65001)', {
  docs: 'microsoft-consent-missing',
  aadsts: 65001,
});

function expectResult(result: CheckResult, status: CheckResult['status'], docs: string, words?: RegExp): void {
  expect(result.status).toBe(status);
  expect(result.docs).toBe(docs);
  if (words) expect(`${result.detail} ${result.fix ?? ''}`).toMatch(words);
  if (status === 'fail' || status === 'warn') expect(result.fix).toBeTruthy();
  if (status === 'pass') expect(result.fix).toBeUndefined();
}

describe('settings', () => {
  it('passes a complete configuration, naming what it read', () => {
    expectResult(
      checkConfiguration({ ok: true, config: config() }),
      'pass',
      'configuration',
      /client secret and APP_KEY set/,
    );
  });
  it('fails naming each missing value and where to set it', () => {
    const result = checkConfiguration({ ok: true, config: config({ MS_OAUTH_CLIENT_SECRET: '', APP_KEY: '' }) });
    expectResult(result, 'fail', 'configuration', /Not set: MS_OAUTH_CLIENT_SECRET, APP_KEY/);
    expect(result.fix).toMatch(/Certificates & secrets.*config:check/);
  });
  it('fails with every problem of an invalid configuration', () => {
    let error: ConfigError | undefined;
    try {
      config({ DEFAULT_TIMEZONE: 'Eastern Standard Time' });
    } catch (caught) {
      if (caught instanceof ConfigError) error = caught;
    }
    if (!error) throw new Error('expected a ConfigError');
    expectResult(checkConfiguration({ ok: false, error }), 'fail', 'configuration', /DEFAULT_TIMEZONE/);
  });
});

describe('feature flag and menu entry', () => {
  it.each([
    [true, 'profile,microsoft', 'pass', /is 1 and user_menu_ordering has/],
    [false, 'profile,microsoft', 'fail', /microsoft_teams_enabled is not 1.*settings:set microsoft_teams_enabled 1/],
    [true, 'profile,privacy', 'fail', /no "microsoft" entry \(it is "profile,privacy"\).*append ",microsoft"/],
    [true, null, 'fail', /no "microsoft" entry \(it is not set\)/],
  ] as const)('enabled=%s, menu=%s → %s', (teamsEnabled, menuOrdering, status, words) => {
    const menuEntryPresent = (menuOrdering ?? '').split(',').includes('microsoft');
    const result = checkFeatureFlag({ teamsEnabled, menuOrdering, menuEntryPresent }, 1);
    expectResult(result, status, 'integration-disabled', words);
  });
});

describe('redirect URL', () => {
  it.each([
    ['https://elentra.example.edu', 'https://elentra.example.edu/api/ms-graph-oauth.php', 'pass', /ENTRADA_URL \+/],
    ['http://localhost:8080', 'http://localhost:8080/api/ms-graph-oauth.php', 'pass', /localhost:8080/],
    ['http://elentra.example.edu', 'http://elentra.example.edu/api/ms-graph-oauth.php', 'warn', /localhost only/],
    ['https://elentra.example.edu', 'https://old.example.edu/api/ms-graph-oauth.php', 'fail', /must be ENTRADA_URL/],
  ] as const)('%s with %s → %s', (ENTRADA_URL, MS_OAUTH_REDIRECT_URL, status, words) => {
    expectResult(checkRedirectUrl({ ENTRADA_URL, MS_OAUTH_REDIRECT_URL }), status, 'redirect-uri-mismatch', words);
  });
});

describe('the client-credentials probe answer', () => {
  const body = (error: string, code: number) => ({ error, error_description: `AADSTS${code}: …`, error_codes: [code] });
  it.each([
    [200, { access_token: 'x', expires_in: 3599 }, 'accepted'],
    [401, body('invalid_client', 7000215), 'refused'],
    [401, body('invalid_client', 7000222), 'refused'],
    [400, body('unauthorized_client', 700016), 'refused'],
    [400, body('unsupported_grant_type', 70003), 'inconclusive'],
    [503, { error: 'temporarily_unavailable' }, 'unavailable'],
  ] as const)('HTTP %s %j → %s', (status, answer, kind) => {
    expect(classifyProbeAnswer(status, answer).kind).toBe(kind);
  });
});

describe('client secret', () => {
  const probeRefused = classifyProbeAnswer(401, { error: 'invalid_client', error_codes: [7000222] });
  it.each([
    [
      'a successful refresh',
      { kind: 'refreshed', accessToken: 'a' },
      undefined,
      'pass',
      'expired-client-secret',
      /refreshed with it.*expiry date is unknown/,
    ],
    [
      'a refresh refused for the secret',
      { kind: 'failed', error: secretError },
      undefined,
      'fail',
      'expired-client-secret',
      /AADSTS7000215.*New client secret/,
    ],
    [
      'no authorization, probe accepted',
      { kind: 'not-attempted' },
      { kind: 'accepted' },
      'pass',
      'expired-client-secret',
      /client-credentials probe/,
    ],
    [
      'no authorization, probe refused',
      { kind: 'not-attempted' },
      probeRefused,
      'fail',
      'expired-client-secret',
      /has expired.*Value \(not its Secret ID\)/,
    ],
    [
      'no authorization, no probe grant',
      { kind: 'not-attempted' },
      { kind: 'inconclusive', answer: 'unsupported_grant_type, AADSTS70003' },
      'warn',
      'expired-client-secret',
      /Not verified.*Authorize the Microsoft account/,
    ],
    [
      'a grant refused after the app authenticated',
      { kind: 'failed', error: revoked },
      { kind: 'inconclusive', answer: 'x' },
      'pass',
      'expired-client-secret',
      /authenticated the app/,
    ],
    [
      'no answer',
      { kind: 'failed', error: new LoginUnavailableError('unreachable') },
      undefined,
      'fail',
      'microsoft-unreachable',
      /Could not be checked/,
    ],
  ] as const)('%s → %s', (_name, refresh, probe, status, docs, words) => {
    expectResult(checkClientSecret(refresh, probe), status, docs, words);
  });
});

describe('authorization and permissions', () => {
  const input = (overrides: Partial<Parameters<typeof checkToken>[0]> = {}) => ({
    before: summary(),
    refresh: { kind: 'refreshed', accessToken: 'a' } as const,
    grantedScopes: REQUIRED,
    requestedScopes: REQUIRED,
    ...overrides,
  });
  it.each([
    [
      'connected, refreshed, all scopes',
      input(),
      'pass',
      'microsoft-not-authorized',
      /all 6 requested permissions granted/,
    ],
    [
      'never authorized',
      input({ before: summary({ status: 'disconnected', account: null }), refresh: { kind: 'not-attempted' } }),
      'fail',
      'microsoft-not-authorized',
      /No Microsoft account.*Authorize Account/,
    ],
    [
      'marked dead with an AADSTS code',
      input({
        before: summary({
          status: 'needs_reauthorization',
          reason: 'Revoked. (Microsoft: invalid_grant, AADSTS50173)',
        }),
        refresh: { kind: 'not-attempted' },
      }),
      'fail',
      'microsoft-authorization-revoked',
      /Needs re-authorization.*Re-authorize/,
    ],
    [
      'a grant revoked at the refresh',
      input({ refresh: { kind: 'failed', error: revoked } }),
      'fail',
      'microsoft-authorization-revoked',
      /could not be refreshed.*AADSTS50173/,
    ],
    [
      'admin consent withdrawn',
      input({ refresh: { kind: 'failed', error: consent } }),
      'fail',
      'microsoft-consent-missing',
      /AADSTS65001.*Grant admin consent/,
    ],
    [
      'a scope missing from the grant',
      input({ grantedScopes: REQUIRED.filter((scope) => scope !== 'TeamMember.ReadWrite.All') }),
      'fail',
      'microsoft-consent-missing',
      /did not grant: TeamMember.ReadWrite.All/,
    ],
    [
      'the secret refused',
      input({ refresh: { kind: 'failed', error: secretError } }),
      'skip',
      'microsoft-not-authorized',
      /Not checked: the token endpoint refused/,
    ],
  ] as const)('%s → %s', (_name, value, status, docs, words) => {
    expectResult(checkToken(value), status, docs, words);
  });
  it.each([
    ['… (Microsoft: invalid_grant, AADSTS700082)', 'microsoft-authorization-expired'],
    ['… (Microsoft: invalid_grant, AADSTS65001)', 'microsoft-consent-missing'],
    ['The stored Microsoft token cannot be decrypted: …', 'app-key-changed'],
    [null, 'microsoft-authorization-expired'],
  ])('a stored reason %s links %s', (reason, docs) => {
    expect(docsForReason(reason)).toBe(docs);
  });
});

describe('Microsoft Graph', () => {
  const me = { id: 'u1', displayName: 'IT Admin', userPrincipalName: 'it.admin@example.edu' };
  const forbidden = new GraphError({
    method: 'GET',
    route: '/me',
    status: 403,
    graphCode: 'Forbidden',
    graphMessage: 'no',
    requestId: 'r1',
  });
  it.each([
    [
      'GET /me answered',
      { ok: true, user: me, graphUrl: 'https://graph.microsoft.com' },
      'pass',
      'microsoft-unreachable',
      /IT Admin <it.admin@example.edu>/,
    ],
    ['no token', undefined, 'skip', 'microsoft-unreachable', /Not checked/],
    [
      'unreachable',
      { ok: false, error: new TypeError('fetch failed') },
      'fail',
      'microsoft-unreachable',
      /fetch failed.*outgoing HTTPS/,
    ],
    ['forbidden', { ok: false, error: forbidden }, 'fail', 'graph-forbidden', /GET \/me failed/],
  ] as const)('%s → %s', (_name, outcome, status, docs, words) => {
    expectResult(checkGraph(outcome), status, docs, words);
  });
});

describe('Outlook Time Zone', () => {
  it.each([
    ['Eastern Standard Time', 'America/Toronto', 'pass', /matches/],
    ['eastern standard time', 'America/New_York', 'pass', /matches/],
    [
      'Pacific Standard Time',
      'America/Toronto',
      'fail',
      /"Pacific Standard Time" \(America\/Los_Angeles\).*choose "Eastern Standard Time"/,
    ],
    [null, 'America/Toronto', 'fail', /not set.*choose "Eastern Standard Time"/],
    ['GMT Standard Time', 'Europe/London', 'pass', /matches/],
    ['Not A Zone', 'Europe/London', 'fail', /"Not A Zone".*choose "GMT Standard Time"/],
  ] as const)('%s with %s → %s', (stored, site, status, words) => {
    expectResult(checkTimeZone(stored, site), status, 'time-zone-mismatch', words);
  });
});

describe('scheduled jobs and the crontab', () => {
  const jobs = (active: boolean, problem: string | null = null): JobState[] =>
    ['microsoft:sync-teams', 'microsoft:refresh-token'].map((name) => ({ name, active, problem }));
  it.each([
    ['all on', jobs(true), 'pass', /Switched on: microsoft:sync-teams, microsoft:refresh-token/],
    ['created off', jobs(false), 'fail', /schedule:set microsoft:sync-teams --active 1; .*refresh-token --active 1/],
    ['edited by hand', jobs(true, 'Bad cron'), 'fail', /microsoft:sync-teams: Bad cron/],
    ['no rows', [], 'fail', /no microsoft: jobs/],
  ] as const)('jobs %s → %s', (_name, rows, status, words) => {
    expectResult(checkJobsActive(rows), status, 'jobs-inactive', words);
  });
  it.each([
    ['a beat a minute ago', jobs(true), [{ host: 'web1', lastBeatAt: NOW - 60_000 }], 'pass', /60 s ago on web1/],
    [
      'the freshest of several hosts',
      jobs(true),
      [
        { host: 'a', lastBeatAt: NOW - 7_200_000 },
        { host: 'b', lastBeatAt: NOW - 30_000 },
      ],
      'pass',
      /30 s ago on b/,
    ],
    [
      'a beat 20 minutes old',
      jobs(true),
      [{ host: 'web1', lastBeatAt: NOW - 1_200_000 }],
      'fail',
      /20 min ago.*crontab line/,
    ],
    ['never a beat', jobs(true), [], 'fail', /last heartbeat: never/],
    ['no job on', jobs(false), [], 'skip', /no microsoft: job is switched on/],
  ] as const)('crontab with %s → %s', (_name, rows, beats, status, words) => {
    expectResult(checkCrontab(rows, beats, NOW), status, 'crontab-not-firing', words);
  });
});

describe('last runs', () => {
  const ok = { name: 'microsoft:sync-teams', status: 'ok', error: null };
  it.each([
    ['nothing ran', [{ ...ok, status: null }], [], 'pass', /No job or sync has run yet/],
    ['all well', [ok], [{ kind: 'teams', status: 'ok', error: null, failedOfferings: [] }], 'pass', /without errors/],
    [
      'a job error',
      [{ ...ok, status: 'error', error: 'The Microsoft account is not authorized.' }],
      [],
      'fail',
      /sync-teams last ended with error: The Microsoft account is not authorized/,
    ],
    [
      'a sync warning',
      [ok],
      [{ kind: 'teams', status: 'warning', error: null, failedOfferings: [] }],
      'warn',
      /the last teams sync ended with warning/,
    ],
    [
      'failed offerings',
      [ok],
      [
        {
          kind: 'teams',
          status: 'error',
          error: null,
          failedOfferings: [{ offeringKey: 'o1-c2-p3', message: 'No owner matched.', docs: 'no-owner-matched' }],
        },
      ],
      'fail',
      /o1-c2-p3: No owner matched. \(see docs\/troubleshooting.md#no-owner-matched\)/,
    ],
  ] as const)('%s → %s', (_name, jobRows, syncs, status, words) => {
    expectResult(checkLastRuns(jobRows, syncs), status, 'last-run-failed', words);
  });
});

function fakeIo(overrides: Partial<DoctorIo> = {}): DoctorIo {
  return {
    config: config(),
    organisationId: 1,
    now: () => NOW,
    microsoftSettings: async () => ({ teamsEnabled: true, menuOrdering: 'microsoft', menuEntryPresent: true }),
    tokenSummary: async () => summary(),
    refreshToken: async () => 'access-token',
    probeClientSecret: async () => ({ kind: 'accepted' }),
    getMe: async () => ({ id: 'u', displayName: 'IT', userPrincipalName: 'it@example.edu' }),
    jobs: async () => [{ name: 'microsoft:sync-teams', active: true, problem: null, status: 'ok', error: null }],
    heartbeats: async () => [{ host: 'h', lastBeatAt: NOW - 1_000 }],
    lastSyncRuns: async () => [],
    ...overrides,
  };
}

describe('runDoctor', () => {
  it('passes everything with a healthy fake, in the documented order', async () => {
    const results = await runDoctor({ config: { ok: true, config: config() }, io: fakeIo() });
    expect(results.filter((result) => result.status !== 'pass')).toEqual([]);
    expect(results).toHaveLength(10);
    expect(JSON.parse(reportJson(results))).toMatchObject({ ok: true });
  });

  it('skips the Microsoft checks when the app settings are incomplete, and runs the others', async () => {
    const incomplete = config({ MS_OAUTH_CLIENT_SECRET: '' });
    const results = await runDoctor({ config: { ok: true, config: incomplete }, io: fakeIo({ config: incomplete }) });
    const status = Object.fromEntries(results.map((result) => [result.id, result.status]));
    expect(status).toMatchObject({ configuration: 'fail', 'client-secret': 'skip', token: 'skip', graph: 'skip' });
    expect(status).toMatchObject({ 'feature-flag': 'pass', 'time-zone': 'pass', crontab: 'pass' });
  });

  it('skips everything after an invalid configuration', async () => {
    const error = new ConfigError([{ name: 'ENTRADA_URL', message: 'is not a URL', fix: 'set it' }]);
    const results = await runDoctor({ config: { ok: false, error } });
    expect(results[0]?.status).toBe('fail');
    expect(results.slice(1).every((result) => result.status === 'skip')).toBe(true);
  });

  it('fails one check whose I/O throws, with the section of the error, and runs the rest', async () => {
    const io = fakeIo({
      microsoftSettings: async () => {
        throw new Error("Table 'elentra_me.settings' doesn't exist");
      },
    });
    const results = await runDoctor({ config: { ok: true, config: config() }, io });
    const flag = results.find((result) => result.id === 'feature-flag');
    expect(flag).toMatchObject({ status: 'fail', docs: 'elentra-database' });
    expect(flag?.detail).toMatch(/could not run: Table/);
    expect(results.filter((result) => result.status === 'pass')).toHaveLength(9);
  });

  it('does not probe when the refresh proved the secret, and probes when there is no authorization', async () => {
    let probes = 0;
    const probeClientSecret = async () => {
      probes += 1;
      return { kind: 'accepted' } as const;
    };
    await runDoctor({ config: { ok: true, config: config() }, io: fakeIo({ probeClientSecret }) });
    expect(probes).toBe(0);
    const disconnected = fakeIo({ probeClientSecret, tokenSummary: async () => summary({ status: 'disconnected' }) });
    const results = await runDoctor({ config: { ok: true, config: config() }, io: disconnected });
    expect(probes).toBe(1);
    expect(results.find((result) => result.id === 'graph')?.status).toBe('skip');
  });

  it('prints the fix and the section under each failed check in the table', async () => {
    const io = fakeIo({ tokenSummary: async () => summary({ outlookTimeZone: null }) });
    const text = formatReport(await runDoctor({ config: { ok: true, config: config() }, io }));
    expect(text).toMatch(/FAIL\s+Outlook Time Zone\s+The Outlook Time Zone is not set/);
    expect(text).toContain('See docs/troubleshooting.md#time-zone-mismatch');
    expect(text).toMatch(/10 checks: 9 passed, 0 warned, 1 failed, 0 skipped\./);
  });
});
