// `npm start` on a fresh folder: the embedded default (SQLite + the Microsoft 365 emulator + the demo school) comes
// up, answers HTTP, and a second start reuses what the first one prepared — including the emulator's tenant state
// (data/emulator-state.json), so a team made in the first run is still there.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(REPO_ROOT, 'bin/elentra-teams.js');
let folder: string;
const TEAM_NAME = 'Survives A Restart 101';

interface EmulatorState {
  teams: Array<{ displayName: string }>;
  groups: Array<{ displayName: string }>;
}

/** What the emulator's tenant holds now, teams and groups (a team still provisioning is a group). */
async function tenantGroupNames(emulatorBase: string): Promise<string[]> {
  const state = (await (await fetch(`${emulatorBase}/_emulator/state`)).json()) as EmulatorState;
  return [...state.teams, ...state.groups].map((group) => group.displayName);
}

/** Makes a team in the running emulator directly (a control-API token, then Graph), as a sync would. */
async function createTeamInEmulator(emulatorBase: string): Promise<void> {
  const tenant = (await (await fetch(`${emulatorBase}/_emulator/tenant`)).json()) as {
    users: Array<{ id: string; isAdmin?: boolean }>;
  };
  const admin = tenant.users.find((user) => user.isAdmin);
  const minted = await fetch(`${emulatorBase}/_emulator/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: admin?.id, scopes: ['Team.Create', 'Group.ReadWrite.All'] }),
  });
  const { access_token: token } = (await minted.json()) as { access_token: string };
  const created = await fetch(`${emulatorBase}/v1.0/teams`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      'template@odata.bind': "https://graph.microsoft.com/v1.0/teamsTemplates('standard')",
      displayName: TEAM_NAME,
    }),
  });
  expect(created.status).toBe(202);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

interface Started {
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

function start(port: number): Started {
  let output = '';
  const child = spawn(process.execPath, [BIN, 'start'], {
    cwd: folder,
    env: { PATH: process.env.PATH, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  return {
    child,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function waitForHttp(url: string, started: Started, deadlineMs: number): Promise<Response> {
  while (Date.now() < deadlineMs) {
    if (started.child.exitCode !== null) throw new Error(`start exited early:\n${started.output()}`);
    try {
      return await fetch(url);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`no answer from ${url} in time:\n${started.output()}`);
}

beforeAll(() => {
  // What `npm start` runs: the built program (bin/ → dist/), built from the current sources.
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT });
  folder = mkdtempSync(join(tmpdir(), 'et-start-'));
});

afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('start on a fresh folder', () => {
  it('prepares the demo, starts the emulator as the tenant and answers HTTP within 10 seconds', async () => {
    const port = await freePort();
    const started = start(port);
    try {
      const response = await waitForHttp(`http://localhost:${port}/`, started, Date.now() + 10_000);
      expect(response.status).toBe(200);
      expect(existsSync(join(folder, 'data/demo-settings.env'))).toBe(true);
      expect(existsSync(join(folder, 'data/elentra-teams.sqlite'))).toBe(true);
      // The demo's settings hold secrets: readable by their owner only.
      expect(readFileSync(join(folder, 'data/demo-settings.env'), 'utf8')).toMatch(/^MS_OAUTH_CLIENT_ID=/m);
      const viewer = await fetch(`http://127.0.0.1:${port + 1}/_emulator/`);
      expect(viewer.status).toBe(200);
      expect(await viewer.text()).toContain('Northfield School of Medicine');
      expect(started.output()).toContain('Seeded Northfield School of Medicine');
      expect(started.output()).toContain(`http://127.0.0.1:${port + 1}/_emulator/`);
      await createTeamInEmulator(`http://127.0.0.1:${port + 1}`);
    } finally {
      await started.stop();
    }
    // Saved on stop at the latest, atomically (no temporary file left behind).
    expect(existsSync(join(folder, 'data/emulator-state.json'))).toBe(true);
    expect(readdirSync(join(folder, 'data')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('starts again on the same folder without seeding twice', async () => {
    // The demo settings pin the emulator to the first start's port + 1; PORT must match what ENTRADA_URL expects.
    const settings = readFileSync(join(folder, 'data/demo-settings.env'), 'utf8');
    const emulatorPort = Number(/MS_LOGIN_URL=http:\/\/127\.0\.0\.1:(\d+)/.exec(settings)?.[1]);
    const started = start(emulatorPort - 1);
    try {
      const response = await waitForHttp(`http://localhost:${emulatorPort - 1}/healthz`, started, Date.now() + 10_000);
      expect(response.status).toBe(200);
      expect(started.output()).not.toContain('Seeded');
      expect(started.output()).not.toContain('First start');
      expect(await tenantGroupNames(`http://127.0.0.1:${emulatorPort}`)).toContain(TEAM_NAME);
    } finally {
      await started.stop();
    }
  });
});
