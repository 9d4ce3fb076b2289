// The site's service token: one `service_tokens` row keyed by MS_SERVICE_TOKEN_ID. Refresh and access tokens are
// stored only as AES-256-GCM envelopes under APP_KEY (src/lib/crypto.ts), with the key id beside them; nothing
// secret is ever written in plain text. Every write bumps `version`; writes that must not overwrite a newer token
// (a refresh, marking it dead) are conditional on the version they read (optimistic concurrency, see
// ./refresh-service-token.ts). The serialized MSAL cache column stays empty: the refresh token is the whole grant.
import { type Selectable, sql, type Updateable } from 'kysely';
import type { IntegrationDatabase, ServiceTokensTable } from '../../db/index.js';
import { decryptSecret, encryptSecret, SecretDecryptionError } from '../../lib/crypto.js';
import { ReauthorizationRequiredError } from './identity-errors.js';
import { splitScopes } from './scopes.js';
import type { TokenKeys } from './token-keys.js';

export type ServiceTokenStatus = ServiceTokensTable['status'];

export interface TokenAccount {
  /** The sign-in name, `user@tenant`. */
  username: string;
  /** MSAL's home account id, `{object id}.{tenant id}`. */
  homeAccountId: string;
  tenantId: string;
}

/** The row, decrypted. Hold it only as long as a refresh needs it. */
export interface ServiceTokenRecord {
  tokenId: string;
  version: number;
  keyId: string;
  status: ServiceTokenStatus;
  statusReason: string | null;
  refreshToken: string | null;
  accessToken: string | null;
  accessExpiresAt: number | null;
  account: TokenAccount | null;
  grantedScopes: string[];
  authorizedBy: string | null;
  authorizedAt: number | null;
  lastRefreshedAt: number | null;
  outlookTimeZone: string | null;
}

/** What the Microsoft Account page shows: no token material, readable even if APP_KEY changed. */
export interface ServiceTokenSummary {
  /** `disconnected` also when there is no row at all. */
  status: ServiceTokenStatus;
  /** Why it needs re-authorization, in words. */
  reason: string | null;
  account: TokenAccount | null;
  grantedScopes: string[];
  accessExpiresAt: number | null;
  authorizedBy: string | null;
  authorizedAt: number | null;
  lastRefreshedAt: number | null;
  outlookTimeZone: string | null;
}

export interface IssuedTokens {
  refreshToken: string;
  accessToken: string;
  accessExpiresAt: number;
  grantedScopes: readonly string[];
}

export interface AuthorizationGrant extends IssuedTokens {
  account: TokenAccount;
  /** The web account that authorized. */
  authorizedBy: string;
}

export interface ServiceTokenStoreOptions {
  database: IntegrationDatabase;
  keys: TokenKeys;
  /** MS_SERVICE_TOKEN_ID. */
  tokenId: string;
  now?: () => number;
}

type Row = Selectable<ServiceTokensTable>;
type RowUpdate = Omit<Updateable<ServiceTokensTable>, 'version' | 'token_id'>;

function accountOf(row: Pick<Row, 'account_username' | 'account_id' | 'tenant_id'>): TokenAccount | null {
  const { account_username: username, account_id: homeAccountId, tenant_id: tenantId } = row;
  return username !== null && homeAccountId !== null && tenantId !== null
    ? { username, homeAccountId, tenantId }
    : null;
}

export class ServiceTokenStore {
  readonly tokenId: string;
  readonly #database: IntegrationDatabase;
  readonly #keys: TokenKeys;
  readonly #now: () => number;

  constructor(options: ServiceTokenStoreOptions) {
    this.tokenId = options.tokenId;
    this.#database = options.database;
    this.#keys = options.keys;
    this.#now = options.now ?? Date.now;
  }

  now(): number {
    return this.#now();
  }

  /** The row decrypted, or null when there is none. A value that cannot be decrypted → ReauthorizationRequiredError. */
  async read(): Promise<ServiceTokenRecord | null> {
    const row = await this.#database.db
      .selectFrom('service_tokens')
      .selectAll()
      .where('token_id', '=', this.tokenId)
      .executeTakeFirst();
    return row === undefined ? null : this.#decrypted(row);
  }

  /** The token's state for display, without decrypting anything. */
  async summary(): Promise<ServiceTokenSummary> {
    const row = await this.#database.db
      .selectFrom('service_tokens')
      .selectAll()
      .where('token_id', '=', this.tokenId)
      .executeTakeFirst();
    return {
      status: row?.status ?? 'disconnected',
      reason: row?.status_reason ?? null,
      account: row === undefined ? null : accountOf(row),
      grantedScopes: splitScopes(row?.granted_scopes),
      accessExpiresAt: row?.access_expires_at ?? null,
      authorizedBy: row?.authorized_by ?? null,
      authorizedAt: row?.authorized_at ?? null,
      lastRefreshedAt: row?.last_refreshed_at ?? null,
      outlookTimeZone: row?.outlook_time_zone ?? null,
    };
  }

  /** Stores a new authorization, replacing any previous token; keeps the Outlook time zone. */
  async saveAuthorization(grant: AuthorizationGrant): Promise<void> {
    const now = this.#now();
    const values = {
      ...this.#tokenColumns(grant),
      account_username: grant.account.username,
      account_id: grant.account.homeAccountId,
      tenant_id: grant.account.tenantId,
      authorized_by: grant.authorizedBy,
      authorized_at: now,
      last_refreshed_at: now,
      status: 'connected' as const,
      status_reason: null,
      updated_at: now,
    };
    await this.#upsert(values);
  }

  /** Saves refreshed tokens if nobody wrote the row since `readVersion`; false when someone did (re-read then). */
  async saveRefreshed(readVersion: number, tokens: IssuedTokens): Promise<boolean> {
    const now = this.#now();
    return this.#updateIfVersion(readVersion, {
      ...this.#tokenColumns(tokens),
      last_refreshed_at: now,
      status: 'connected',
      status_reason: null,
      updated_at: now,
    });
  }

  /** Marks the token dead, with the reason in words, unless someone wrote the row since `readVersion`. */
  async markNeedsReauthorization(readVersion: number, reason: string): Promise<boolean> {
    return this.#updateIfVersion(readVersion, {
      refresh_token_ciphertext: null,
      access_token_ciphertext: null,
      access_expires_at: null,
      status: 'needs_reauthorization',
      status_reason: reason,
      updated_at: this.#now(),
    });
  }

  /** Removes every token and the account; the Outlook time zone stays. False when there was nothing to remove. */
  async disconnect(): Promise<boolean> {
    const result = await this.#database.db
      .updateTable('service_tokens')
      .set({
        refresh_token_ciphertext: null,
        access_token_ciphertext: null,
        msal_cache_ciphertext: null,
        access_expires_at: null,
        account_username: null,
        account_id: null,
        tenant_id: null,
        granted_scopes: null,
        authorized_by: null,
        authorized_at: null,
        last_refreshed_at: null,
        status: 'disconnected',
        status_reason: null,
        updated_at: this.#now(),
        version: sql<number>`version + 1`,
      })
      .where('token_id', '=', this.tokenId)
      .where('status', '!=', 'disconnected')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** The Windows time zone events are written in (`Eastern Standard Time`); works before authorization too. */
  async setOutlookTimeZone(zone: string | null): Promise<void> {
    await this.#upsert({ outlook_time_zone: zone, updated_at: this.#now() });
  }

  #tokenColumns(tokens: IssuedTokens) {
    const { id, key } = this.#keys.current;
    return {
      key_id: id,
      refresh_token_ciphertext: encryptSecret(tokens.refreshToken, key, id),
      access_token_ciphertext: encryptSecret(tokens.accessToken, key, id),
      msal_cache_ciphertext: null,
      access_expires_at: tokens.accessExpiresAt,
      granted_scopes: tokens.grantedScopes.join(' '),
    };
  }

  async #updateIfVersion(readVersion: number, values: RowUpdate): Promise<boolean> {
    const result = await this.#database.db
      .updateTable('service_tokens')
      .set({ ...values, version: sql<number>`version + 1` })
      .where('token_id', '=', this.tokenId)
      .where('version', '=', readVersion)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Update the row if it exists, else insert it (status disconnected unless given); safe against a racing insert. */
  async #upsert(values: RowUpdate & { updated_at: number }): Promise<void> {
    const { db, capabilities } = this.#database;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const updated = await db
        .updateTable('service_tokens')
        .set({ ...values, version: sql<number>`version + 1` })
        .where('token_id', '=', this.tokenId)
        .executeTakeFirst();
      if (updated.numUpdatedRows > 0n) return;
      const inserted = await capabilities.insertIfAbsent(
        db.insertInto('service_tokens').values({
          key_id: this.#keys.current.id,
          status: 'disconnected',
          ...values,
          token_id: this.tokenId,
          version: 1,
        }),
      );
      if (inserted) return;
    }
    throw new Error(`service_tokens row ${this.tokenId} could be neither updated nor inserted`);
  }

  #decrypted(row: Row): ServiceTokenRecord {
    const open = (envelope: string | null): string | null => {
      if (envelope === null) return null;
      try {
        return decryptSecret(envelope, this.#keys.keyring);
      } catch (error) {
        if (!(error instanceof SecretDecryptionError)) throw error;
        throw new ReauthorizationRequiredError(
          `The stored Microsoft token cannot be decrypted: ${error.publicMessage}`,
          { docs: 'app-key-changed', cause: error },
        );
      }
    };
    return {
      tokenId: row.token_id,
      version: row.version,
      keyId: row.key_id,
      status: row.status,
      statusReason: row.status_reason,
      refreshToken: open(row.refresh_token_ciphertext),
      accessToken: open(row.access_token_ciphertext),
      accessExpiresAt: row.access_expires_at,
      account: accountOf(row),
      grantedScopes: splitScopes(row.granted_scopes),
      authorizedBy: row.authorized_by,
      authorizedAt: row.authorized_at,
      lastRefreshedAt: row.last_refreshed_at,
      outlookTimeZone: row.outlook_time_zone,
    };
  }
}
