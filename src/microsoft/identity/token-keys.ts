// The keys that protect token material at rest: the current APP_KEY encrypts, the keyring (current + previous keys)
// decrypts. Rotation: put the new key in APP_KEY and the old one in APP_PREVIOUS_KEYS until every row has been
// rewritten; the service token is rewritten, under the new key, at its next refresh (weekly at the latest).
// tokenKeysFromConfig() is the one place that reads both settings: every createIdentity() goes through it.
import type { Config } from '../../config/index.js';
import { previousAppKeys, requireAppKey } from '../../config/index.js';
import { type Keyring, keyIdOf, keyringOf } from '../../lib/crypto.js';

export interface TokenKeys {
  /** The key new values are encrypted with, and its id (first 8 hex of its sha256). */
  current: { id: string; key: Buffer };
  /** Every key that may decrypt, by id. */
  keyring: Keyring;
}

export function tokenKeys(current: Buffer, previous: readonly Buffer[] = []): TokenKeys {
  return { current: { id: keyIdOf(current), key: current }, keyring: keyringOf(current, previous) };
}

/**
 * The keys from APP_KEY (encrypts) and APP_PREVIOUS_KEYS (decrypt only); `extraPrevious` adds old APP_KEY values
 * (32 bytes each) not in the configuration (tests, tools).
 */
export function tokenKeysFromConfig(config: Config, extraPrevious: readonly Buffer[] = []): TokenKeys {
  return tokenKeys(requireAppKey(config), [...previousAppKeys(config), ...extraPrevious]);
}
