// `account:create USERNAME --role admin|staff [--password P]`: a person who may sign in to the web app. The password
// comes from --password or, safer (it stays out of the shell history and the process list), from standard input:
// `printf '%s' "$PASSWORD" | elentra-teams account:create alice --role admin`. Weak passwords are refused with the
// rule; the creation is audited.
import { type Command, InvalidArgumentError, Option } from 'commander';
import { UsageError } from '../../lib/errors.js';
import { createAccount, MIN_PASSWORD_LENGTH, WEB_ROLES, type WebRole } from '../../web/index.js';
import type { CliApp } from '../cli-app.js';

export interface AccountCommandOptions {
  /** Reads the password when --password is not given; default: all of standard input, unless it is a terminal. */
  readPassword?: () => Promise<string>;
}

async function readStandardInput(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new UsageError(
      'Give the password with --password, or pipe it on standard input: ' +
        `printf '%s' "$PASSWORD" | elentra-teams account:create NAME --role admin`,
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

function role(value: string): WebRole {
  const found = WEB_ROLES.find((candidate) => candidate === value);
  if (!found) throw new InvalidArgumentError(`must be one of: ${WEB_ROLES.join(', ')}`);
  return found;
}

export function registerAccountCommands(program: Command, app: CliApp, options: AccountCommandOptions = {}): void {
  program
    .command('account:create')
    .description('Create a web app account (admin: Microsoft Account and Settings; staff: read-only pages)')
    .argument('<username>', 'the user name to sign in with, e.g. jane.doe')
    .addOption(new Option('--role <role>', 'admin or staff').argParser(role).makeOptionMandatory())
    .option('--password <password>', `at least ${MIN_PASSWORD_LENGTH} characters; default: read from standard input`)
    .action(async (username: string, flags: { role: WebRole; password?: string }) => {
      // From standard input, one trailing newline is the shell's (echo), not the password's.
      const password = flags.password ?? (await (options.readPassword ?? readStandardInput)()).replace(/\r?\n$/, '');
      const database = await app.database();
      await createAccount(database, { username, password, role: flags.role });
      const name = username.trim().toLowerCase();
      await app.audit('account.create', name, { role: flags.role });
      app.io.out(`Created the ${flags.role} account "${name}". It can sign in at ${app.config().ENTRADA_URL}/sign-in.`);
    });
}
