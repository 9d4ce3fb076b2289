// Refreshing the service token without ever losing the newest refresh token, across the web process, jobs and
// several instances: read the row (version N) → redeem its refresh token → save the new pair only `WHERE version = N`.
// If another process saved first, our pair is discarded (harmless: Microsoft does not revoke the refresh token we
// used, GRAPH-FACTS §1) and we re-read and use the token it saved. A dead grant is marked needs_reauthorization the
// same way, so a stale process can never overwrite a token that another process just obtained.
import type { Config } from '../../config/index.js';
import { requireMicrosoftApp } from '../../config/index.js';
import { identityEndpoints } from './endpoints.js';
import { NotAuthorizedError, ReauthorizationRequiredError } from './identity-errors.js';
import { OFFLINE_ACCESS } from './scopes.js';
import { redeemRefreshToken } from './token-endpoint.js';
import type { ServiceTokenRecord, ServiceTokenStore } from './token-store.js';

export interface IdentityDeps {
  config: Config;
  store: ServiceTokenStore;
}

/** Refresh when the access token has less than this left (or half its life, for very short-lived tokens). */
export const REFRESH_AHEAD_MS = 5 * 60_000;
/** Conflicts in a row before giving up: each one means another process just saved a token we could use. */
const MAX_VERSION_CONFLICTS = 5;

export interface RefreshRequest {
  /** `always`: redeem the refresh token even if the access token is fresh (the keep-alive job). */
  mode: 'if-needed' | 'always';
  /** An access token Graph just refused (401): never hand it out again. */
  rejectedAccessToken?: string | undefined;
}

export interface UsableToken {
  accessToken: string;
  /** When to stop using it: expiry minus the refresh margin. */
  refreshAtMs: number;
  /** Whether this call redeemed the refresh token (false: an existing token was used). */
  refreshed: boolean;
}

/** The instant from which a token should be refreshed; tokens living under 10 minutes refresh at half-life. */
export function refreshAtMs(record: Pick<ServiceTokenRecord, 'accessExpiresAt' | 'lastRefreshedAt'>): number {
  const expires = record.accessExpiresAt ?? 0;
  const lifetime = record.lastRefreshedAt === null ? Number.POSITIVE_INFINITY : expires - record.lastRefreshedAt;
  return expires - Math.min(REFRESH_AHEAD_MS, Math.max(0, lifetime) / 2);
}

/** The live record, or the typed error that says why there is none. */
function requireLive(record: ServiceTokenRecord | null): ServiceTokenRecord & { refreshToken: string } {
  if (record?.status === 'needs_reauthorization') {
    throw new ReauthorizationRequiredError(
      record.statusReason ??
        'The Microsoft authorization is no longer valid. An administrator must press Re-authorize on the Microsoft Account page.',
    );
  }
  if (record === null || record.status !== 'connected' || record.refreshToken === null) throw new NotAuthorizedError();
  return { ...record, refreshToken: record.refreshToken };
}

function usable(record: ServiceTokenRecord, now: number, rejected: string | undefined): UsableToken | null {
  const { accessToken } = record;
  if (accessToken === null || accessToken === rejected) return null;
  const refreshAt = refreshAtMs(record);
  return refreshAt > now ? { accessToken, refreshAtMs: refreshAt, refreshed: false } : null;
}

export async function refreshServiceToken(deps: IdentityDeps, request: RefreshRequest): Promise<UsableToken> {
  const { store, config } = deps;
  const app = requireMicrosoftApp(config);
  let mode = request.mode;
  for (let conflicts = 0; conflicts <= MAX_VERSION_CONFLICTS; conflicts += 1) {
    const record = requireLive(await store.read());
    const existing = mode === 'always' ? null : usable(record, store.now(), request.rejectedAccessToken);
    if (existing) return existing;

    let result: Awaited<ReturnType<typeof redeemRefreshToken>>;
    try {
      result = await redeemRefreshToken({
        tokenEndpoint: identityEndpoints(config).token,
        clientId: app.clientId,
        clientSecret: app.clientSecret,
        refreshToken: record.refreshToken,
        scopes: config.MS_OAUTH_SCOPES,
      });
    } catch (error) {
      if (!(error instanceof ReauthorizationRequiredError)) throw error;
      if (await store.markNeedsReauthorization(record.version, error.publicMessage)) throw error;
      mode = 'if-needed'; // another process wrote meanwhile: try again with what it saved
      continue;
    }
    const now = store.now();
    const refreshToken = result.refreshToken ?? record.refreshToken;
    const granted = result.scopes.length > 0 ? [...result.scopes, OFFLINE_ACCESS] : record.grantedScopes;
    const accessExpiresAt = now + result.expiresInSeconds * 1000;
    const saved = await store.saveRefreshed(record.version, {
      refreshToken,
      accessToken: result.accessToken,
      accessExpiresAt,
      grantedScopes: [...new Set(granted)],
    });
    if (saved) {
      return {
        accessToken: result.accessToken,
        refreshAtMs: refreshAtMs({ accessExpiresAt, lastRefreshedAt: now }),
        refreshed: true,
      };
    }
    // Lost the race: the row now holds a token another process obtained after ours was read. Use that one.
    mode = 'if-needed';
  }
  throw new Error(`The service token changed ${MAX_VERSION_CONFLICTS + 1} times during one refresh; giving up`);
}
