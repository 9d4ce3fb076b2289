// The embedded demo's first administrator: on a fresh database (no web account at all), `start` creates `admin`
// with a random password and prints it once. Nothing is created when any account exists, so a real installation
// (accounts made with `account:create`) is never given a default login.
import { randomBytes } from 'node:crypto';
import type { IntegrationDatabase } from '../../db/index.js';
import { countAccounts, createAccount } from './accounts.js';

export const DEMO_ADMIN_USERNAME = 'admin';

/** Creates `admin` when there is no account yet; returns its one-time password to print, else null. */
export async function ensureDemoAdmin(
  database: IntegrationDatabase,
): Promise<{ username: string; password: string } | null> {
  if ((await countAccounts(database)) > 0) return null;
  // 18 random bytes → 24 base64url characters (144 bits): strong, and easy to copy from a terminal.
  const password = randomBytes(18).toString('base64url');
  try {
    await createAccount(database, { username: DEMO_ADMIN_USERNAME, password, role: 'admin' });
  } catch (error) {
    // Another process created it between the count and the insert: that one prints the password.
    if ((await countAccounts(database)) > 0) return null;
    throw error;
  }
  return { username: DEMO_ADMIN_USERNAME, password };
}
