// Checks a user name and password under the login throttle (./login-throttle.ts). Unknown name and wrong password
// give the same answer and take the same time; a locked name or a blocked address is refused before any password is
// checked (no CPU to burn, no oracle). The caller turns the result into a page and an audit row.
import { sql } from 'kysely';
import type { IntegrationDatabase } from '../../db/index.js';
import type { SessionUser } from '../security/session.js';
import { findAccount, MAX_PASSWORD_LENGTH, normalizeUsername } from './accounts.js';
import type { LoginThrottle } from './login-throttle.js';
import { verifyAgainstDummy, verifyPassword } from './password-hash.js';

export type SignInResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: 'bad-credentials' | 'throttled'; retryAt?: number };

export interface AuthenticateDeps {
  database: IntegrationDatabase;
  throttle: LoginThrottle;
  now: () => number;
}

export async function authenticate(
  deps: AuthenticateDeps,
  input: { username: string; password: string; address: string },
): Promise<SignInResult> {
  const now = deps.now();
  const { throttle } = deps;
  const username = normalizeUsername(input.username);
  const addressBlocked = throttle.addresses.blockedUntil(input.address, now);
  if (addressBlocked !== null) return { ok: false, reason: 'throttled', retryAt: addressBlocked };

  const account = username === '' ? null : await findAccount(deps.database, username);
  if (account === null) {
    const userBlocked = throttle.unknownUsers.blockedUntil(username, now);
    if (userBlocked !== null) return { ok: false, reason: 'throttled', retryAt: userBlocked };
    await verifyAgainstDummy(input.password.slice(0, MAX_PASSWORD_LENGTH));
    throttle.unknownUsers.recordFailure(username, now);
    throttle.addresses.recordFailure(input.address, now);
    return { ok: false, reason: 'bad-credentials' };
  }
  if (account.locked_until !== null && account.locked_until > now) {
    return { ok: false, reason: 'throttled', retryAt: account.locked_until };
  }

  const matches =
    input.password.length <= MAX_PASSWORD_LENGTH && (await verifyPassword(input.password, account.password_hash));
  const { db } = deps.database;
  if (matches) {
    await db
      .updateTable('web_accounts')
      .set({ failed_attempts: 0, locked_until: null, last_sign_in_at: now })
      .where('id', '=', account.id)
      .execute();
    return { ok: true, user: { username: account.username, role: account.role } };
  }

  // A lock that has run out starts a fresh count; otherwise count up in the database (atomic across instances).
  const lockExpired = account.locked_until !== null && account.locked_until <= now;
  const failures = (lockExpired ? 0 : account.failed_attempts) + 1;
  await db
    .updateTable('web_accounts')
    .set({
      failed_attempts: lockExpired ? 1 : sql<number>`failed_attempts + 1`,
      locked_until: failures >= throttle.limits.maxFailuresPerUser ? now + throttle.limits.lockMs : null,
    })
    .where('id', '=', account.id)
    .execute();
  throttle.addresses.recordFailure(input.address, now);
  return { ok: false, reason: 'bad-credentials' };
}
