// Many instances on one shared database, as a school runs them: three `serve` processes (in-process scheduler on,
// different PORTs, the same DATABASE_URL) and five `schedule:run` processes started at the same instant, with
// `microsoft:sync-teams` switched on and due, the real sync against the emulator. On MariaDB and on PostgreSQL:
// the due job runs once (one cron_runs row for the due time), the sync runs once (one sync_runs row), and no
// offering is synced twice (the emulator saw one POST /groups per mailNickname). Engines without a server are
// reported as skipped, by name.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../emulator/src/server.js';
import { memoryIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import type { IntegrationDatabase } from '../src/db/index.js';
import { buildDemoTenantSeed, DEMO_DOMAIN } from '../src/elentra/index.js';
import { EmulatorControl } from '../src/microsoft/graph/testing/emulator-control.js';
import { completeAuthorization, createIdentity, startAuthorization } from '../src/microsoft/identity/index.js';
import { followAuthorizeRedirect, openMigrated, testConfig } from '../src/microsoft/testing/identity-fixture.js';
import { freePort } from '../src/web/testing/free-port.js';
import { createTestDatabase, describeEachEngine, type TestDatabase } from './support/databases.js';
import { type BundledScript, bundleScript } from './support/run-script.js';

const JOB = 'microsoft:sync-teams';
const SERVERS = 3;
const RUNNERS = 5;
const REDIRECT_URI = 'http://localhost:8080/api/ms-graph-oauth.php';

let child: BundledScript;
beforeAll(async () => {
  child = await bundleScript('test/support/children/cli-child.ts');
});
afterAll(() => child?.remove());

interface Server {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(env: Record<string, string>, port: number): Server {
  const proc = spawn(process.execPath, [child.file, 'serve'], {
    env: { ...process.env, ...env, PORT: String(port), SCHEDULER_IN_PROCESS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  proc.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { process: proc, output: () => output, exited };
}

async function untilAnswers(port: number, server: Server): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    if (server.process.exitCode !== null) throw new Error(`serve exited: ${server.output()}`);
    await sleep(100);
  }
  throw new Error(`serve on ${port} did not answer: ${server.output()}`);
}

describeEachEngine('many instances', (engine) => {
  let testDb: TestDatabase;
  let database: IntegrationDatabase;
  let emu: RunningEmulator;
  let env: Record<string, string>;

  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
    const now = new Date();
    const ids = { tenantId: 'c0ffee00-0000-4000-8000-0000000000a1', clientId: 'c0ffee00-0000-4000-8000-0000000000a2' };
    const clientSecret = 'many~instances~secret';
    const seed = buildDemoTenantSeed({ now, ...ids, clientSecret, redirectUris: [REDIRECT_URI] });
    emu = await startEmulator({
      seed,
      autoConsent: true,
      graph: { limits: 'off', teamOperationMs: 0, replicationDelayMs: 0 },
    });
    const appKey = `base64:${randomBytes(32).toString('base64')}`;
    const registration = {
      loginUrl: emu.loginUrl,
      graphUrl: emu.graphUrl,
      ...ids,
      clientSecret,
      redirectUri: REDIRECT_URI,
    };
    const config = testConfig(registration, testDb.url, { APP_KEY: appKey });
    env = {
      MS_AD_TENANT_ID: ids.tenantId,
      MS_OAUTH_CLIENT_ID: ids.clientId,
      MS_OAUTH_CLIENT_SECRET: clientSecret,
      MS_LOGIN_URL: emu.loginUrl,
      MS_GRAPH_URL: emu.graphUrl,
      ENTRADA_URL: config.ENTRADA_URL,
      DATABASE_URL: testDb.url,
      APP_KEY: appKey,
      DEFAULT_TIMEZONE: 'UTC',
      LOG_LEVEL: 'warn',
    };
    for (const args of [['migrate'], ['demo:seed', '--allow-server']]) {
      const io = memoryIo({ env });
      expect(await main(['node', 'elentra-teams', ...args], io), io.stderr.join('\n')).toBe(0);
    }
    database = await openMigrated(testDb.url);
    const identity = createIdentity({ config, database });
    const started = await startAuthorization(identity, { sessionId: 'many', loginHint: `it.admin@${DEMO_DOMAIN}` });
    await completeAuthorization(identity, {
      answer: await followAuthorizeRedirect(started.url),
      sessionId: 'many',
      authorizedBy: 'admin',
    });
    const list = memoryIo({ env });
    expect(await main(['node', 'elentra-teams', 'schedule:list'], list)).toBe(0); // creates the cron rows
  }, 60_000);

  afterAll(async () => {
    await database?.close();
    await emu?.stop();
    await testDb?.drop();
  });

  it(`${SERVERS} serve + ${RUNNERS} schedule:run: the due sync runs once, each offering's team made once`, async () => {
    const control = new EmulatorControl(emu.controlUrl);
    const seq = await control.lastSeq();
    // Yearly, pending since a minute ago: due for every instance, and no second due time can arrive.
    const dueAt = Date.now() - 60_000;
    await database.db
      .updateTable('cron')
      .set({ active: 1, schedule: '0 0 1 1 *', next_due_at: dueAt })
      .where('name', '=', JOB)
      .execute();
    const ports = await Promise.all(Array.from({ length: SERVERS }, () => freePort()));
    const servers = ports.map((port) => startServer(env, port));
    try {
      const results = await Promise.all(
        Array.from(
          { length: RUNNERS },
          () =>
            new Promise<{ code: number | null; output: string }>((resolve) => {
              const proc = spawn(process.execPath, [child.file, 'schedule:run'], {
                env: { ...process.env, ...env, SCHEDULER_IN_PROCESS: '0' },
                stdio: ['ignore', 'pipe', 'pipe'],
              });
              let output = '';
              proc.stdout.setEncoding('utf8').on('data', (c: string) => {
                output += c;
              });
              proc.stderr.setEncoding('utf8').on('data', (c: string) => {
                output += c;
              });
              proc.on('close', (code) => resolve({ code, output }));
            }),
        ),
      );
      await Promise.all(ports.map((port, i) => untilAnswers(port, servers[i] as Server)));
      const failures = await database.db
        .selectFrom('sync_offering_results')
        .select(['offering_key', 'message'])
        .where('status', '=', 'error')
        .execute();
      expect(failures, JSON.stringify(failures)).toEqual([]);
      for (const result of results) expect(result.code, result.output).toBe(0);
      // Whoever claimed it (a runner or a server's in-process scheduler), wait for the run to be recorded.
      let runs: Array<{ status: string; due_at: number }> = [];
      for (let attempt = 0; attempt < 300; attempt += 1) {
        runs = await database.db
          .selectFrom('cron_runs')
          .select(['status', 'due_at'])
          .where('job_name', '=', JOB)
          .execute();
        if (runs.length > 0 && runs.every((run) => run.status !== 'running')) break;
        await sleep(100);
      }
      await sleep(1_500); // a late second claim would show now
      runs = await database.db
        .selectFrom('cron_runs')
        .select(['status', 'due_at'])
        .where('job_name', '=', JOB)
        .execute();
      expect(runs.map((run) => Number(run.due_at))).toEqual([dueAt]);
      expect(['ok', 'warning']).toContain(runs[0]?.status);
      const syncRuns = await database.db.selectFrom('sync_runs').selectAll().execute();
      expect(syncRuns).toHaveLength(1);
      const creates = (await control.requestsSince(seq)).filter(
        (request) => request.method === 'POST' && request.path === '/v1.0/groups',
      );
      const teams = (await control.state()) as { teams: Array<{ mailNickname: string }> };
      const nicknames = teams.teams.map((team) => team.mailNickname);
      expect(nicknames.length).toBeGreaterThanOrEqual(8);
      expect(new Set(nicknames).size).toBe(nicknames.length);
      expect(creates).toHaveLength(nicknames.length);
    } finally {
      for (const server of servers) server.process.kill('SIGTERM');
      await Promise.all(servers.map((server) => server.exited));
    }
  }, 60_000);
});
