// The state file: an emulator started with `statePath` keeps its teams, members, events, delta log, tokens and
// consents across a stop and a start — what the embedded demo needs so that the product's database still points at
// teams that exist. Also: saves are debounced and atomic, a file of another tenant is ignored, a damaged one refused.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { TenantSeed } from './context.js';
import { type RunningEmulator, type StartEmulatorOptions, startEmulator } from './server.js';
import { StateFileError } from './state-file.js';
import { DEFAULT_SEED_PATH, loadSeedFile } from './tenant/load-seed.js';
import { firstApp, signIn, tokenRequest } from './testing/oauth.js';

const ADMIN = 'alex.admin@elentra-demo.onmicrosoft.com';
/** The product's scopes (the Elentra guide's MS_OAUTH_SCOPES). */
const SCOPES =
  'offline_access openid profile User.ReadBasic.All Group.ReadWrite.All Team.Create Team.ReadBasic.All TeamMember.ReadWrite.All';
const folder = mkdtempSync(join(tmpdir(), 'emulator-state-'));
let running: RunningEmulator | null = null;
let fileCount = 0;

afterEach(async () => {
  await running?.stop();
  running = null;
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function newStatePath(): string {
  fileCount += 1;
  return join(folder, `run-${fileCount}`, 'emulator-state.json');
}

async function start(statePath: string, extra: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  running = await startEmulator({
    statePath,
    graph: { limits: 'off', teamOperationMs: 0, replicationDelayMs: 0 },
    ...extra,
  });
  return running;
}

async function stop(): Promise<void> {
  await running?.stop();
  running = null;
}

async function graph(emu: RunningEmulator, token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${emu.graphUrl}/v1.0${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

async function createTeam(emu: RunningEmulator, token: string, displayName: string): Promise<string> {
  const created = await graph(emu, token, 'POST', '/teams', {
    'template@odata.bind': "https://graph.microsoft.com/v1.0/teamsTemplates('standard')",
    displayName,
  });
  expect(created.status).toBe(202);
  const teamId = /teams\('([^']+)'\)/.exec(created.headers.get('location') ?? '')?.[1] ?? '';
  expect(teamId).not.toBe('');
  return teamId;
}

describe('the state file', () => {
  it('keeps teams, members, events, the delta log, tokens and consents across a restart', async () => {
    const statePath = newStatePath();
    let emu = await start(statePath);
    expect(emu.stateFile).toEqual({ path: statePath, loaded: 'new' });
    const tokens = await signIn(emu, ADMIN, SCOPES);
    const teamId = await createTeam(emu, tokens.access_token, 'Anatomy 101');
    const student = emu.context.tenant.users.find((user) => user.userPrincipalName.startsWith('sam.student'));
    const added = await graph(emu, tokens.access_token, 'POST', `/teams/${teamId}/members`, {
      '@odata.type': '#microsoft.graph.aadUserConversationMember',
      roles: [],
      'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${student?.id}')`,
    });
    expect(added.status).toBe(201);
    const event = await graph(emu, tokens.access_token, 'POST', `/groups/${teamId}/events`, {
      subject: 'Lecture 1',
      start: { dateTime: '2030-09-02T09:00:00', timeZone: 'UTC' },
      end: { dateTime: '2030-09-02T10:00:00', timeZone: 'UTC' },
    });
    expect(event.status).toBe(201);
    const delta = await graph(emu, tokens.access_token, 'GET', '/groups/delta');
    const deltaLink = String(delta.body['@odata.deltaLink'] ?? '');
    expect(deltaLink).not.toBe('');
    const before = await graph(emu, tokens.access_token, 'GET', `/teams/${teamId}/members`);
    const oldGraphBase = `${emu.graphUrl}/v1.0`;
    await stop();

    expect(existsSync(statePath)).toBe(true);
    if (process.platform !== 'win32') expect(statSync(statePath).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(statePath, '..'))).toEqual(['emulator-state.json']);

    emu = await start(statePath);
    expect(emu.stateFile?.loaded).toBe('restored');
    // The access token issued before the restart still works until it expires…
    const team = await graph(emu, tokens.access_token, 'GET', `/teams/${teamId}`);
    expect(team).toMatchObject({ status: 200, body: { id: teamId, displayName: 'Anatomy 101' } });
    expect((await graph(emu, tokens.access_token, 'GET', `/teams/${teamId}/members`)).body.value).toEqual(
      before.body.value,
    );
    const events = await graph(emu, tokens.access_token, 'GET', `/groups/${teamId}/events`);
    expect((events.body.value as Array<{ subject: string }>).map((e) => e.subject)).toEqual(['Lecture 1']);
    // …the delta link still answers (nothing changed since)…
    // (port 0: the restarted emulator listens elsewhere)
    const sinceRestart = await fetch(deltaLink.replace(oldGraphBase, `${emu.graphUrl}/v1.0`), {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(sinceRestart.status).toBe(200);
    expect(((await sinceRestart.json()) as { value: unknown[] }).value).toEqual([]);
    // …and so does the refresh token, with its consents.
    const app = firstApp(emu);
    const refreshed = await tokenRequest(emu, {
      grant_type: 'refresh_token',
      client_id: app.clientId,
      client_secret: app.secret,
      refresh_token: tokens.refresh_token ?? '',
    });
    expect(refreshed.status).toBe(200);
    const fresh = String(refreshed.body.access_token);
    // New ids continue the generator: no collision with the restored team.
    const second = await createTeam(emu, fresh, 'Physiology 101');
    expect(second).not.toBe(teamId);
    const list = await graph(emu, fresh, 'GET', '/teams');
    expect((list.body.value as Array<{ displayName: string }>).map((t) => t.displayName).sort()).toEqual([
      'Anatomy 101',
      'Physiology 101',
    ]);
  });

  it('finishes a team operation that was still running when it stopped', async () => {
    const statePath = newStatePath();
    let emu = await start(statePath, { graph: { limits: 'off', teamOperationMs: 400, replicationDelayMs: 0 } });
    const tokens = await signIn(emu, ADMIN, SCOPES);
    const teamId = await createTeam(emu, tokens.access_token, 'Histology');
    expect((await graph(emu, tokens.access_token, 'GET', `/teams/${teamId}`)).status).toBe(404);
    await stop();

    emu = await start(statePath, { graph: { limits: 'off', teamOperationMs: 400, replicationDelayMs: 0 } });
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect((await graph(emu, tokens.access_token, 'GET', `/teams/${teamId}`)).status).toBe(200);
  });

  it('saves soon after a change, without waiting for stop', async () => {
    const statePath = newStatePath();
    const emu = await start(statePath);
    const tokens = await signIn(emu, ADMIN, SCOPES);
    await createTeam(emu, tokens.access_token, 'Saved early');
    for (let i = 0; i < 40 && !existsSync(statePath); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readFileSync(statePath, 'utf8')).toContain('Saved early');
  });

  it('ignores a file written for another tenant, and refuses a damaged one', async () => {
    const statePath = newStatePath();
    let emu = await start(statePath);
    await signIn(emu, ADMIN, SCOPES);
    await stop();

    const other: TenantSeed = {
      ...loadSeedFile(DEFAULT_SEED_PATH),
      tenantId: '11111111-2222-4333-8444-555555555555',
    };
    emu = await start(statePath, { seed: other });
    expect(emu.stateFile?.loaded).toBe('other-tenant');
    await stop();

    writeFileSync(statePath, '{"format":"elentra-teams-emulator-state","version":1,');
    await expect(start(statePath)).rejects.toThrow(StateFileError);
    await expect(start(statePath)).rejects.toThrow(/not valid JSON\. Delete it to start from the seed/);
  });
});
