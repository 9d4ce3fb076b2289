// OAuth `state` values in flight (`oauth_states`): random, bound to the web session that started the sign-in,
// single use, 10 minutes of life, with the PKCE verifier beside them (encrypted: it is half of the code's proof).
// The database holds only SHA-256 hashes of the state and of the session id, so reading it gives neither away.
import { createHash, randomBytes } from 'node:crypto';
import type { IntegrationDatabase } from '../../db/index.js';
import { decryptSecret, encryptSecret } from '../../lib/crypto.js';
import { AuthorizationStateError } from './identity-errors.js';
import type { TokenKeys } from './token-keys.js';

/** A sign-in must come back within this; Microsoft's own authorization codes live about as long. */
export const STATE_LIFETIME_MS = 10 * 60_000;
/** Used and expired states are kept this long (for "already used" / "expired" answers), then purged. */
const STATE_RETENTION_MS = 24 * 60 * 60_000;

function hash(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

export interface OAuthStateStoreOptions {
  database: IntegrationDatabase;
  keys: TokenKeys;
  now?: () => number;
}

export class OAuthStateStore {
  readonly #database: IntegrationDatabase;
  readonly #keys: TokenKeys;
  readonly #now: () => number;

  constructor(options: OAuthStateStoreOptions) {
    this.#database = options.database;
    this.#keys = options.keys;
    this.#now = options.now ?? Date.now;
  }

  /** Records a new state for `sessionId` with its PKCE verifier; returns the state and when it expires. */
  async create(sessionId: string, codeVerifier: string): Promise<{ state: string; expiresAt: number }> {
    const now = this.#now();
    await this.#database.db
      .deleteFrom('oauth_states')
      .where('expires_at', '<', now - STATE_RETENTION_MS)
      .execute();
    const state = randomBytes(32).toString('base64url');
    const { id, key } = this.#keys.current;
    const expiresAt = now + STATE_LIFETIME_MS;
    await this.#database.db
      .insertInto('oauth_states')
      .values({
        state: hash(state),
        session_id: hash(sessionId),
        code_verifier_ciphertext: encryptSecret(codeVerifier, key, id),
        created_at: now,
        expires_at: expiresAt,
        used_at: null,
      })
      .execute();
    return { state, expiresAt };
  }

  /**
   * Uses up a state and returns its PKCE verifier. Throws AuthorizationStateError when the state is missing, unknown,
   * already used, expired, or belongs to another session (then it is left untouched, so the rightful session can
   * still finish). Exactly one of several racing calls succeeds.
   */
  async consume(state: string | undefined, sessionId: string): Promise<string> {
    if (!state) throw new AuthorizationStateError('missing');
    const { db } = this.#database;
    const row = await db.selectFrom('oauth_states').selectAll().where('state', '=', hash(state)).executeTakeFirst();
    if (row === undefined) throw new AuthorizationStateError('unknown');
    if (row.used_at !== null) throw new AuthorizationStateError('used');
    if (row.session_id !== hash(sessionId)) throw new AuthorizationStateError('other-session');
    const now = this.#now();
    if (row.expires_at <= now) throw new AuthorizationStateError('expired');
    const claimed = await db
      .updateTable('oauth_states')
      .set({ used_at: now })
      .where('state', '=', row.state)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (claimed.numUpdatedRows === 0n) throw new AuthorizationStateError('used');
    return decryptSecret(row.code_verifier_ciphertext, this.#keys.keyring);
  }
}
