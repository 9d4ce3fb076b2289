// `microsoft:doctor` end to end (src/cli/main.ts in-process, the demo school and the Microsoft 365 emulator over real
// HTTP, the account authorized through the real OAuth flow): on a fresh demo with the jobs switched on, the Outlook
// Time Zone set and the crontab firing it passes and exits 0; then a wrong secret, an expired secret, a mismatched
// time zone, a silent crontab, a withdrawn admin consent and a revoked grant each fail the right check with the right
// fix and section, and exit 1. `--json` carries the same; a bad option exits 2.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { loadConfig } from '../src/config/index.js';
import type { CheckResult } from '../src/doctor/index.js';
import { completeAuthorization, createIdentity, startAuthorization } from '../src/microsoft/identity/index.js';
import { followAuthorizeRedirect } from '../src/microsoft/testing/identity-fixture.js';
import { ADMIN_MAIL, openSyncWorld, type SyncWorld } from './support/sync-teams-harness.js';

let world: SyncWorld;
const cwd = mkdtempSync(join(tmpdir(), 'et-doctor-'));

async function cli(args: string[], env: Record<string, string> = {}) {
  const io = memoryIo({ env: { ...world.env, ...env }, cwd });
  const code = await main(['node', 'elentra-teams', ...args], io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

async function doctor(env: Record<string, string> = {}) {
  const result = await cli(['microsoft:doctor', '--json'], env);
  const report = JSON.parse(result.out) as { ok: boolean; checks: Array<CheckResult & { link: string }> };
  const byId = new Map(report.checks.map((check) => [check.id, check]));
  const check = (id: string) => {
    const found = byId.get(id);
    if (!found) throw new Error(`no check ${id}`);
    return found;
  };
  return { ...result, report, check };
}

/** The identity as the CLI builds it, from the current settings (the secret changes in one test). */
const identity = () => createIdentity({ config: loadConfig({ env: world.env, cwd }), database: world.database });

async function authorize(): Promise<void> {
  const id = identity();
  const started = await startAuthorization(id, { sessionId: 'doctor-tests', loginHint: ADMIN_MAIL });
  await completeAuthorization(id, {
    answer: await followAuthorizeRedirect(started.url),
    sessionId: 'doctor-tests',
    authorizedBy: 'admin',
  });
}

async function beat(ageMs: number): Promise<void> {
  await world.database.db
    .updateTable('scheduler_heartbeats')
    .set({ last_beat_at: Date.now() - ageMs })
    .execute();
}

beforeAll(async () => {
  world = await openSyncWorld();
  await identity().store.setOutlookTimeZone('Eastern Standard Time');
  for (const job of ['microsoft:sync-teams', 'microsoft:sync-events', 'microsoft:refresh-token']) {
    expect((await cli(['schedule:set', job, '--active', '1'])).code).toBe(0);
  }
  // The crontab's first firing: nothing is due yet (switching on waits for the next due time), but it beats.
  expect((await cli(['schedule:run'])).code).toBe(0);
});

afterAll(async () => {
  await world?.close();
});

describe('microsoft:doctor on the demo', () => {
  it('passes every check on a fresh, authorized demo and exits 0', async () => {
    const { code, report } = await doctor();
    expect(report.checks.filter((check) => check.status !== 'pass')).toEqual([]);
    expect(report.ok).toBe(true);
    expect(code).toBe(0);
    expect(report.checks.map((check) => check.id)).toEqual([
      'configuration',
      'feature-flag',
      'redirect-url',
      'client-secret',
      'token',
      'graph',
      'time-zone',
      'jobs-active',
      'crontab',
      'last-runs',
    ]);
  });

  it('prints a table with the status, the check and the detail', async () => {
    const { code, out } = await cli(['microsoft:doctor']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Status\s+Check\s+Detail/);
    expect(out).toMatch(/pass\s+Client secret accepted by Microsoft\s+Accepted: the stored authorization/);
    expect(out).toMatch(/10 checks: 10 passed, 0 warned, 0 failed, 0 skipped/);
  });

  it('a wrong client secret fails the secret check with the new-secret fix; the token check is skipped', async () => {
    const { code, check, out } = await doctor({ MS_OAUTH_CLIENT_SECRET: 'the-secret-id-not-its-value' });
    expect(code).toBe(1);
    expect(check('client-secret')).toMatchObject({ status: 'fail', docs: 'expired-client-secret' });
    expect(check('client-secret').detail).toMatch(/AADSTS7000215/);
    expect(check('client-secret').fix).toMatch(/New client secret.*Value \(not its Secret ID\)/);
    expect(check('token').status).toBe('skip');
    expect(check('graph').status).toBe('skip');
    expect(out).not.toContain('the-secret-id-not-its-value');
  });

  it('an expired client secret fails the same check with AADSTS7000222, and its table row links the section', async () => {
    const app = world.emu.context.tenant.apps[0];
    const secret = app?.secrets[0];
    if (!app || !secret) throw new Error('no app');
    await world.control.call('POST', `/apps/${app.clientId}/secrets`, {
      id: 'f0000000-0000-4000-8000-00000000000e',
      value: 'next~secret',
      expiresAt: '2099-01-01T00:00:00Z',
    });
    await world.control.call('POST', `/apps/${app.clientId}/secrets/${secret.id}/expire`);
    const { code, check } = await doctor();
    expect(code).toBe(1);
    expect(check('client-secret')).toMatchObject({ status: 'fail', docs: 'expired-client-secret' });
    expect(check('client-secret').detail).toMatch(/has expired.*AADSTS7000222/);
    const table = await cli(['microsoft:doctor']);
    expect(table.out).toMatch(/FAIL\s+Client secret accepted by Microsoft/);
    expect(table.out).toContain('See docs/troubleshooting.md#expired-client-secret');
    // The new secret mends it, without re-authorizing.
    expect((await doctor({ MS_OAUTH_CLIENT_SECRET: 'next~secret' })).code).toBe(0);
    world.env.MS_OAUTH_CLIENT_SECRET = 'next~secret';
  });

  it('a mismatched Outlook Time Zone fails with the zone to choose', async () => {
    await identity().store.setOutlookTimeZone('Pacific Standard Time');
    const { code, check } = await doctor();
    expect(code).toBe(1);
    expect(check('time-zone')).toMatchObject({ status: 'fail', docs: 'time-zone-mismatch' });
    expect(check('time-zone').detail).toMatch(/"Pacific Standard Time".*America\/Toronto/);
    expect(check('time-zone').fix).toMatch(/choose "Eastern Standard Time"/);
    await identity().store.setOutlookTimeZone('Eastern Standard Time');
  });

  it('a silent crontab (the last heartbeat 20 minutes old) fails with the crontab fix', async () => {
    await beat(20 * 60_000);
    const { code, check } = await doctor();
    expect(code).toBe(1);
    expect(check('crontab')).toMatchObject({ status: 'fail', docs: 'crontab-not-firing' });
    expect(check('crontab').detail).toMatch(/last heartbeat: 20 min ago/);
    expect(check('crontab').fix).toMatch(/schedule:run --verbose/);
    expect((await cli(['schedule:run'])).code).toBe(0);
    expect((await doctor()).check('crontab').status).toBe('pass');
  });

  it('a switched-off job fails the jobs check with the command that switches it on', async () => {
    expect((await cli(['schedule:set', 'microsoft:refresh-token', '--active', '0'])).code).toBe(0);
    const { code, check } = await doctor();
    expect(code).toBe(1);
    expect(check('jobs-active')).toMatchObject({ status: 'fail', docs: 'jobs-inactive' });
    expect(check('jobs-active').fix).toContain('schedule:set microsoft:refresh-token --active 1');
    expect((await cli(['schedule:set', 'microsoft:refresh-token', '--active', '1'])).code).toBe(0);
  });

  it('a withdrawn admin consent fails the authorization check with the admin-consent fix', async () => {
    const clientId = world.config.MS_OAUTH_CLIENT_ID;
    await world.control.call('POST', '/consent', { clientId, revoke: ['TeamMember.ReadWrite.All'] });
    const { code, check } = await doctor();
    expect(code).toBe(1);
    expect(check('token')).toMatchObject({ status: 'fail', docs: 'microsoft-consent-missing' });
    expect(check('token').detail).toMatch(/AADSTS65001/);
    expect(check('token').fix).toMatch(/Grant admin consent.*Re-authorize/);
    expect(check('client-secret').status).toBe('pass');
    expect(check('graph').status).toBe('skip');
    // Once the consent is back, the stored reason still says why until someone re-authorizes.
    await world.control.call('POST', '/consent', { clientId, grant: ['TeamMember.ReadWrite.All'] });
    expect((await doctor()).check('token')).toMatchObject({ status: 'fail', docs: 'microsoft-consent-missing' });
    await authorize();
    expect((await doctor()).code).toBe(0);
  });

  it('a revoked grant fails the authorization check with the re-authorize fix', async () => {
    await world.control.call('POST', '/tokens/revoke', {});
    const { code, check } = await doctor();
    expect(code).toBe(1);
    expect(check('token')).toMatchObject({ status: 'fail', docs: 'microsoft-authorization-revoked' });
    expect(check('token').detail).toMatch(/AADSTS50173/);
    expect(check('token').fix).toMatch(/Re-authorize/);
    await authorize();
    expect((await doctor()).code).toBe(0);
  });

  it('refuses a bad --organisation with exit code 2', async () => {
    const { code, err } = await cli(['microsoft:doctor', '--organisation', 'x']);
    expect(code).toBe(2);
    expect(err).toMatch(/--organisation takes an organisation id/);
  });
});
