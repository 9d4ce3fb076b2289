// A separate `elentra-teams` process for the multi-process tests (test/scheduler-processes.test.ts): the real
// schedule:* commands on a real CliApp, with test handlers.
//   schedule-child URL START_AT_MS run    waits until START_AT_MS, then `schedule:run`; the job takes 300 ms
//   schedule-child URL START_AT_MS hold   `schedule:run`; the job prints "started" and never ends (to be killed)
//   schedule-child URL START_AT_MS work   `schedule:work`; the job prints "started" and ends when aborted
// Every handler call inserts an audit_log row `test.handler_called`, counted by the parent.
import { setTimeout as sleep } from 'node:timers/promises';
import { Command } from 'commander';
import { CliApp } from '../../cli/cli-app.js';
import { registerScheduleCommands } from '../../cli/commands/schedule.js';
import { processIo } from '../../cli/io.js';
import { openIntegrationDatabase, recordAudit } from '../../db/index.js';
import type { JobHandler } from '../job-registry.js';
import { TEST_JOB } from './scheduler-fixture.js';

const [url, startAt, mode] = process.argv.slice(2);
if (url === undefined || startAt === undefined || mode === undefined) {
  throw new Error('usage: schedule-child URL START_AT_MS run|hold|work');
}

async function handlerCalled(): Promise<void> {
  const handle = await openIntegrationDatabase(url as string);
  try {
    await recordAudit(handle.db, { actor: `pid:${process.pid}`, action: 'test.handler_called', target: TEST_JOB });
  } finally {
    await handle.close();
  }
}

const handlers: Record<string, JobHandler> = {
  run: async () => {
    await handlerCalled();
    await sleep(300);
    return { summary: { pid: process.pid } };
  },
  hold: async () => {
    await handlerCalled();
    process.stdout.write('started\n');
    return new Promise(() => {});
  },
  work: async (job) => {
    await handlerCalled();
    process.stdout.write('started\n');
    await new Promise((resolve) => job.signal.addEventListener('abort', resolve));
    job.signal.throwIfAborted();
    return { summary: {} };
  },
};
const handler = handlers[mode];
if (handler === undefined) throw new Error(`unknown mode ${mode}`);

const base = processIo();
const app = new CliApp({ ...base, env: { ...process.env, DATABASE_URL: url, DEFAULT_TIMEZONE: 'UTC' } });
const program = new Command('elentra-teams').exitOverride();
registerScheduleCommands(program, app, { handlers: { [TEST_JOB]: handler } });
// Open (and check the migrations of) the database first, so that the processes race at the claim, not at start-up.
await app.database();
await sleep(Math.max(0, Number(startAt) - Date.now()));
try {
  await program.parseAsync(['node', 'elentra-teams', mode === 'work' ? 'schedule:work' : 'schedule:run']);
  process.exitCode = app.exitCode ?? 0;
} finally {
  await app.close();
}
