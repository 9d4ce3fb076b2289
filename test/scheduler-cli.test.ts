// The schedule:* commands as an administrator sees them (SQLite; the engines are covered by the other scheduler
// tests): the job table, a change and its refusal (exit code 2), a run with nothing due, a failing job (exit 1).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliApp } from '../src/cli/cli-app.js';
import { registerScheduleCommands, type ScheduleCommandOptions } from '../src/cli/commands/schedule.js';
import { EXIT_FAILURE, EXIT_USAGE, reportError } from '../src/cli/exit-codes.js';
import { memoryIo } from '../src/cli/io.js';
import { operatingSystemUser } from '../src/scheduler/index.js';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'et-schedule-cli-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** Runs one command like `main` does: output captured, errors mapped to exit codes. */
async function run(args: string[], options: ScheduleCommandOptions = {}) {
  const env = { DATABASE_URL: `sqlite:${join(folder, 'teams.sqlite')}`, DEFAULT_TIMEZONE: 'America/Toronto' };
  const io = memoryIo({ env, cwd: folder });
  const app = new CliApp(io);
  const program = new Command('elentra-teams').exitOverride();
  registerScheduleCommands(program, app, options);
  let exitCode: number | undefined;
  try {
    await program.parseAsync(['node', 'elentra-teams', ...args]);
    exitCode = app.exitCode ?? 0;
  } catch (error) {
    exitCode = reportError(error, io);
  } finally {
    await app.close();
  }
  return { exitCode, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('schedule commands', () => {
  it('schedule:list shows every job, switched off, in the site zone', async () => {
    const { exitCode, out } = await run(['schedule:list']);
    expect(exitCode).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^Job\s+Schedule\s+Active\s+Next run \(America\/Toronto\)\s+Last run$/);
    expect(lines.slice(2)).toEqual([
      expect.stringMatching(/^microsoft:sync-teams\s+0 0 \* \* \*\s+no\s+off\s+never run$/),
      expect.stringMatching(/^microsoft:sync-events\s+0 0 \* \* \*\s+no\s+off\s+never run$/),
      expect.stringMatching(/^microsoft:refresh-token\s+0 3 \* \* 0\s+no\s+off\s+never run$/),
    ]);
  });

  it('schedule:set switches a job on, says when it runs next, and audits the OS user', async () => {
    const { exitCode, out } = await run([
      'schedule:set',
      'microsoft:sync-teams',
      '--active',
      '1',
      '--schedule',
      '0 2 * * *',
    ]);
    expect(exitCode).toBe(0);
    expect(out).toContain(
      'microsoft:sync-teams: active 0, "0 0 * * *" in America/Toronto → active 1, "0 2 * * *" in America/Toronto.',
    );
    expect(out).toMatch(/Next run: \d{4}-\d{2}-\d{2} 02:00 E[SD]T\./);
    const list = await run(['schedule:list', '--json']);
    const { jobs } = JSON.parse(list.out) as { jobs: Array<{ name: string; active: boolean }> };
    expect(jobs.find((job) => job.name === 'microsoft:sync-teams')?.active).toBe(true);
    expect(operatingSystemUser()).not.toBe('');
  });

  it.each([
    [['schedule:set', 'microsoft:sync-teams', '--schedule', '0 0 * * 8'], 'its day-of-week field "8" is not valid'],
    [['schedule:set', 'microsoft:sync-teams', '--active', 'yes'], '--active takes 0 (off) or 1 (on), not "yes".'],
    [['schedule:set', 'microsoft:teams'], 'There is no job named "microsoft:teams".'],
    [['schedule:run-job', 'microsoft:teams'], 'There is no job named "microsoft:teams".'],
  ])('refuses %j with exit code 2: %s', async (args, message) => {
    const { exitCode, err } = await run(args);
    expect(exitCode).toBe(EXIT_USAGE);
    expect(err).toContain(message);
  });

  it('schedule:run with nothing due says so only when asked, and exits 0', async () => {
    expect(await run(['schedule:run'])).toEqual({ exitCode: 0, out: '', err: '' });
    expect((await run(['schedule:run', '--verbose'])).out).toContain('No job was due.');
  });

  it('schedule:run-job runs a job now; a failure is printed in words and exits 1', async () => {
    const ok = await run(['schedule:run-job', 'microsoft:sync-teams'], {
      handlers: { 'microsoft:sync-teams': async () => ({ summary: { teams: 1 } }) },
    });
    expect(ok.exitCode).toBe(0);
    expect(ok.out).toMatch(/^microsoft:sync-teams: ok after \d+ ms \(run now\)$/);
    const missing = await run(['schedule:run-job', 'microsoft:sync-events']);
    expect(missing.exitCode).toBe(EXIT_FAILURE);
    expect(missing.out).toMatch(
      /microsoft:sync-events: error after .*: The job microsoft:sync-events is not implemented yet/,
    );
    expect((await run(['schedule:list'])).out).toContain('microsoft:sync-events, last error: The job');
  });
});
