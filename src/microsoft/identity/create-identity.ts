// Wires the identity pieces from Config and the integration database: what the web app, the CLI and the jobs need,
// built the same way everywhere. One Identity per process (it holds the in-process token coalescing).
import type { Config } from '../../config/index.js';
import type { IntegrationDatabase } from '../../db/index.js';
import { type AccessTokenOptions, accessTokenSourceFor } from './access-token.js';
import type { AuthorizationDeps } from './authorization.js';
import type { MsalLogSink } from './msal-client.js';
import { OAuthStateStore } from './oauth-state-store.js';
import { tokenKeysFromConfig } from './token-keys.js';
import { ServiceTokenStore } from './token-store.js';

export interface Identity extends AuthorizationDeps {
  /** For GraphClient: `new GraphClient({ …, getAccessToken: identity.getAccessToken })`. */
  getAccessToken: (options?: AccessTokenOptions) => Promise<string>;
}

export interface CreateIdentityOptions {
  config: Config;
  database: IntegrationDatabase;
  /**
   * More previous APP_KEY values (32 bytes each) to decrypt with, besides APP_PREVIOUS_KEYS, which is always used
   * (tokenKeysFromConfig); for tests and tools.
   */
  previousAppKeys?: readonly Buffer[];
  msalLog?: MsalLogSink;
  now?: () => number;
}

export function createIdentity(options: CreateIdentityOptions): Identity {
  const { config, database, now } = options;
  const keys = tokenKeysFromConfig(config, options.previousAppKeys);
  const store = new ServiceTokenStore({ database, keys, tokenId: config.MS_SERVICE_TOKEN_ID, now });
  const states = new OAuthStateStore({ database, keys, now });
  const source = accessTokenSourceFor({ config, store });
  return {
    config,
    store,
    states,
    ...(options.msalLog ? { msalLog: options.msalLog } : {}),
    getAccessToken: (tokenOptions) => source.getAccessToken(tokenOptions),
  };
}
