// Web accounts from the command line (`account:create`: role, password from --password or standard input, weak
// passwords refused, audited) and the embedded demo's first administrator (ensureDemoAdmin), who can then sign in.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliApp } from '../src/cli/cli-app.js';
import { registerAccountCommands } from '../src/cli/commands/account.js';
import { reportError } from '../src/cli/exit-codes.js';
import { memoryIo } from '../src/cli/io.js';
import { verifyPassword } from '../src/web/auth/password-hash.js';
import { ensureDemoAdmin, findAccount } from '../src/web/index.js';
import { startWebFixture } from '../src/web/testing/web-fixture.js';

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'et-accounts-'));
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

async function run(args: string[], stdin = '') {
  const io = memoryIo({ env: { DATABASE_URL: `sqlite:${join(folder, 'db.sqlite')}` }, cwd: folder });
  const app = new CliApp(io);
  const program = new Command('elentra-teams').exitOverride().configureOutput({
    writeOut: (text) => io.out(text),
    writeErr: (text) => io.err(text),
  });
  registerAccountCommands(program, app, { readPassword: async () => stdin });
  let code = 0;
  try {
    await program.parseAsync(['node', 'elentra-teams', ...args]);
  } catch (error) {
    code = error instanceof Error && 'exitCode' in error ? 2 : reportError(error, io);
  }
  const account = await findAccount(await app.database(), args[1] ?? '');
  const audit = await (await app.database()).db.selectFrom('audit_log').selectAll().execute();
  await app.close();
  return { code, out: io.stdout.join(''), err: io.stderr.join(''), account, audit };
}

describe('account:create', () => {
  it('creates an admin with a password from --password, hashed, and audits it', async () => {
    const result = await run(['account:create', 'Jane.Doe', '--role', 'admin', '--password', 'a long passphrase here']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Created the admin account "jane.doe"');
    expect(result.account).toMatchObject({ username: 'jane.doe', role: 'admin' });
    expect(result.account?.password_hash).toMatch(/^scrypt\$/);
    expect(await verifyPassword('a long passphrase here', result.account?.password_hash ?? '')).toBe(true);
    expect(result.audit[0]).toMatchObject({ action: 'account.create', target: 'jane.doe' });
    expect(result.audit[0]?.detail).not.toContain('passphrase');
  });

  it('reads the password from standard input without its trailing newline', async () => {
    const result = await run(['account:create', 'sam', '--role', 'staff'], 'stdin passphrase 123\n');
    expect(result.code).toBe(0);
    expect(await verifyPassword('stdin passphrase 123', result.account?.password_hash ?? '')).toBe(true);
  });

  it('refuses a weak password with the rule, an unknown role, and a name in use', async () => {
    const weak = await run(['account:create', 'weak', '--role', 'admin', '--password', 'short'], '');
    expect(weak.code).toBe(2);
    expect(weak.err).toContain('at least 12 characters');
    expect(weak.account).toBeNull();
    const role = await run(['account:create', 'x', '--role', 'root', '--password', 'a long passphrase here']);
    expect(role.code).toBe(2);
    expect(role.err).toContain('must be one of: admin, staff');
    await run(['account:create', 'twice', '--role', 'staff', '--password', 'a long passphrase here']);
    const again = await run(['account:create', 'TWICE', '--role', 'admin', '--password', 'another passphrase!']);
    expect(again.code).toBe(2);
    expect(again.err).toContain('An account named "twice" already exists.');
  });
});

describe('ensureDemoAdmin', () => {
  it('creates admin once, with a printed one-time password that signs in, and never on a database with accounts', async () => {
    const web = await startWebFixture({ accounts: [] });
    try {
      const created = await ensureDemoAdmin(web.database);
      expect(created?.username).toBe('admin');
      expect(created?.password).toMatch(/^[\w-]{24}$/);
      expect(await ensureDemoAdmin(web.database)).toBeNull();
      const client = web.client();
      const answer = await client.signIn('admin', created?.password ?? '');
      expect(answer.location).toBe('/');
    } finally {
      await web.close();
    }
  });

  it('tells a fresh installation how to create the first account', async () => {
    const web = await startWebFixture({ accounts: [] });
    try {
      expect((await web.client().get('/sign-in')).body).toContain('elentra-teams account:create NAME --role admin');
    } finally {
      await web.close();
    }
  });
});
