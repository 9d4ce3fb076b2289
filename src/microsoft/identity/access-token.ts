// getAccessToken(): the bearer token for Graph. Returns the stored access token while it has more than 5 minutes
// left, else refreshes (./refresh-service-token.ts: rotation and cross-process safety). Within one process,
// concurrent callers share one promise, and a fresh token is remembered for a short while so that a sync does not
// read the database for every Graph request. Errors are typed: AuthorizationRequiredError (jobs stop at once),
// ClientSecretError, AppRegistrationError, LoginUnavailableError (retry later).
import { type IdentityDeps, refreshServiceToken, type UsableToken } from './refresh-service-token.js';
import type { ServiceTokenStore } from './token-store.js';

export interface AccessTokenOptions {
  /** Graph refused this token (401 InvalidAuthenticationToken): get another, refreshing unless one was just saved. */
  rejectedToken?: string | undefined;
}

/** How long a token read from the database is trusted without reading again (a disconnect shows within this). */
const MEMO_MAX_AGE_MS = 30_000;

/** One per store (per database handle, i.e. per process in production); see getAccessToken(). */
export class AccessTokenSource {
  readonly #deps: IdentityDeps;
  #memo: (UsableToken & { checkedAtMs: number }) | null = null;
  #inflight: Promise<UsableToken> | null = null;

  constructor(deps: IdentityDeps) {
    this.#deps = deps;
  }

  async getAccessToken(options: AccessTokenOptions = {}): Promise<string> {
    const rejected = options.rejectedToken;
    const now = this.#deps.store.now();
    const memo = this.#memo;
    if (memo && memo.accessToken !== rejected && memo.refreshAtMs > now && now - memo.checkedAtMs < MEMO_MAX_AGE_MS) {
      return memo.accessToken;
    }
    if (rejected !== undefined && this.#memo?.accessToken === rejected) this.#memo = null;
    let token = await this.#shared(rejected);
    // Joined a refresh that started before Graph refused the token, and it handed out that very token: go again.
    if (rejected !== undefined && token.accessToken === rejected) token = await this.#shared(rejected);
    return token.accessToken;
  }

  /** Forgets the remembered token (after a disconnect or re-authorization in this process). */
  forget(): void {
    this.#memo = null;
  }

  #shared(rejected: string | undefined): Promise<UsableToken> {
    if (this.#inflight) return this.#inflight;
    const run = refreshServiceToken(this.#deps, { mode: 'if-needed', rejectedAccessToken: rejected })
      .then((token) => {
        this.#memo = { ...token, checkedAtMs: this.#deps.store.now() };
        return token;
      })
      .finally(() => {
        this.#inflight = null;
      });
    this.#inflight = run;
    return run;
  }
}

const sources = new WeakMap<ServiceTokenStore, AccessTokenSource>();

/** The AccessTokenSource of a store, created on first use: callers sharing a store share its coalescing. */
export function accessTokenSourceFor(deps: IdentityDeps): AccessTokenSource {
  let source = sources.get(deps.store);
  if (!source) {
    source = new AccessTokenSource(deps);
    sources.set(deps.store, source);
  }
  return source;
}

/**
 * The access token for Graph, refreshed ahead of expiry.
 * @example
 * const graph = new GraphClient({ baseUrl: config.MS_GRAPH_URL, getAccessToken: (o) => getAccessToken(deps, o) });
 */
export function getAccessToken(deps: IdentityDeps, options: AccessTokenOptions = {}): Promise<string> {
  return accessTokenSourceFor(deps).getAccessToken(options);
}
