// Web accounts (`web_accounts`): who may sign in, with role admin or staff. User names are stored lower-case (the
// table compares case-sensitively). Created by `account:create` (src/cli/commands/account.ts) and, for the embedded
// demo, by ensureDemoAdmin (./demo-admin.ts).
import type { IntegrationDatabase, WebAccountsTable } from '../../db/index.js';
import { UsageError } from '../../lib/errors.js';
import type { WebRole } from '../security/session.js';
import { hashPassword } from './password-hash.js';

export const WEB_ROLES: readonly WebRole[] = ['admin', 'staff'];
export const MIN_PASSWORD_LENGTH = 12;
/** scrypt hashes any length, but a megabyte "password" is an attack, not a password. */
export const MAX_PASSWORD_LENGTH = 256;
const USERNAME = /^[a-z0-9][a-z0-9._@-]{0,63}$/;

export type WebAccount = Pick<WebAccountsTable, 'username' | 'role'> & {
  id: number;
  password_hash: string;
  failed_attempts: number;
  locked_until: number | null;
};

export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** The reason a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `The password is too short: use at least ${MIN_PASSWORD_LENGTH} characters (a passphrase of a few words is best).`;
  }
  if (password.length > MAX_PASSWORD_LENGTH)
    return `The password is too long: at most ${MAX_PASSWORD_LENGTH} characters.`;
  if (password.trim() !== password) return 'The password must not start or end with spaces.';
  return null;
}

export async function findAccount(database: IntegrationDatabase, username: string): Promise<WebAccount | null> {
  const row = await database.db
    .selectFrom('web_accounts')
    .select(['id', 'username', 'role', 'password_hash', 'failed_attempts', 'locked_until'])
    .where('username', '=', normalizeUsername(username))
    .executeTakeFirst();
  return row ?? null;
}

export async function countAccounts(database: IntegrationDatabase): Promise<number> {
  const row = await database.db
    .selectFrom('web_accounts')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Creates an account; throws UsageError (with the fix) for a bad name, a weak password, or a name in use. */
export async function createAccount(
  database: IntegrationDatabase,
  input: { username: string; password: string; role: WebRole },
  now = Date.now(),
): Promise<void> {
  const username = normalizeUsername(input.username);
  if (!USERNAME.test(username)) {
    throw new UsageError(
      `"${input.username}" is not a valid user name: use 1–64 letters, digits, ".", "_", "@" or "-", starting with a letter or digit.`,
    );
  }
  if (!WEB_ROLES.includes(input.role)) throw new UsageError(`The role must be one of: ${WEB_ROLES.join(', ')}.`);
  const problem = passwordProblem(input.password);
  if (problem) throw new UsageError(problem);
  const password_hash = await hashPassword(input.password);
  const inserted = await database.capabilities.insertIfAbsent(
    database.db.insertInto('web_accounts').values({
      username,
      password_hash,
      role: input.role,
      created_at: now,
      last_sign_in_at: null,
      locked_until: null,
    }),
  );
  if (!inserted) throw new UsageError(`An account named "${username}" already exists.`);
}
