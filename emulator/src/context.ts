// The contract between the emulator's parts: the tenant seed format, what the identity platform tells Graph about an
// access token, and the shared context every route module receives. The identity platform (emulator/src/identity/),
// Graph (emulator/src/graph/) and the control API (emulator/src/control/) each register their routes on one Fastify
// instance built by emulator/src/server.ts. Nothing here imports from src/: the product reaches the emulator over HTTP.

/** A user of the emulated tenant, as in the tenant seed. */
export interface SeedUser {
  id: string;
  displayName: string;
  givenName?: string | null;
  surname?: string | null;
  mail: string | null;
  userPrincipalName: string;
  /** Optional: when set, the sign-in page asks for it. */
  password?: string;
  /** An administrator (Global / Privileged Role Administrator): may consent to admin-only scopes for the tenant. */
  isAdmin?: boolean;
}

export interface SeedAppSecret {
  /** The "Secret ID" shown in the Azure portal. */
  id: string;
  /** The "Value". */
  value: string;
  /** ISO date-time; a secret past it is refused with AADSTS7000222. */
  expiresAt: string;
}

export interface SeedApp {
  clientId: string;
  displayName: string;
  secrets: SeedAppSecret[];
  redirectUris: string[];
  /** Delegated scopes an administrator granted tenant-wide ("Grant admin consent"). */
  adminConsentedScopes: string[];
}

/** The one tenant seed format: `--seed FILE`, `POST /_emulator/reset`, emulator/tenant-seed.schema.json. */
export interface TenantSeed {
  tenantId: string;
  /** e.g. `school.onmicrosoft.com`. */
  domain: string;
  displayName?: string;
  /** True for an education tenant (the `educationClass` team template is then allowed). */
  education?: boolean;
  users: SeedUser[];
  apps: SeedApp[];
}

/** What a valid access token stands for. */
export interface AccessGrant {
  userId: string;
  clientId: string;
  tenantId: string;
  /** Short Graph scope names, e.g. `Group.ReadWrite.All`. */
  scopes: string[];
  expiresAtMs: number;
}

export type TokenCheck = { ok: true; grant: AccessGrant } | { ok: false; reason: 'missing' | 'invalid' | 'expired' };

/** Implemented by the identity platform; used by Graph to authenticate every request. */
export interface TokenVerifier {
  /** Takes the bare token or the whole `Authorization` header value (`Bearer …`, scheme case-insensitive). */
  verifyAccessToken(bearerToken: string | undefined): TokenCheck;
}

// ---------------------------------------------------------------------------------------------------------------
// The shared runtime context (owned by server.ts; every route module receives it).
// ---------------------------------------------------------------------------------------------------------------

/** Options the emulator was started with (after defaults). Mutable only through the control API. */
export interface EmulatorOptions {
  /** The port actually listened on (0 resolved to the real one). */
  port: number;
  host: string;
  /** `http://127.0.0.1:PORT` or `https://…`; no trailing slash. Identity, Graph and control share it. */
  baseUrl: string;
  /** `--auto-consent`: an authorize request with `login_hint` of a tenant user is answered at once with the redirect. */
  autoConsent: boolean;
  /** Extra latency added to every Graph answer (the behaviour hooks read it; `POST /_emulator/latency` changes it). */
  latencyMs: number;
  /** Seed for every pseudo-random choice (fault rates, ids), so that a run is reproducible. */
  seed: number;
  /** Access-token lifetime; Microsoft issues 60–90 minutes, `expires_in` is typically 3599. Default 3599. */
  tokenLifetimeSeconds: number;
  /** Refresh tokens die after this long unused (Microsoft: 90 days → AADSTS700082). Default 7776000. */
  refreshInactivitySeconds: number;
  /** Graph behaviour knobs (added by the Graph owner; emulator/src/graph and emulator/src/behaviour read them). */
  graph?: GraphOptions;
}

/** Graph timings and limits; every field optional, defaults in emulator/src/behaviour/defaults.ts. */
export interface GraphOptions {
  /** How long an async team operation (create, archive, unarchive) takes before it succeeds. Default 1000. */
  teamOperationMs?: number;
  /** After a group is created it is invisible to directory reads and `PUT /groups/{id}/team` for this long. Default 2000. */
  replicationDelayMs?: number;
  /** `'documented'` (default: GRAPH-FACTS §8), `'off'`, or overrides of the documented limits. */
  limits?: 'documented' | 'off' | GraphLimitsInput;
}

/** Overrides of the documented throttling limits (`POST /_emulator/limits` takes the same shape). */
export interface GraphLimitsInput {
  enabled?: boolean;
  /** Multiplies every count limit (0.1 → a tenth of the documented rate; a limit never drops below 1). */
  scale?: number;
  teams?: Partial<Record<TeamsLimitName, number>>;
  directory?: { resourceUnits?: number | null; windowMs?: number; writes?: number; writeWindowMs?: number };
  outlook?: { requests?: number; windowMs?: number; concurrent?: number };
}

export type TeamsLimitName =
  | 'createTeamPerWindow'
  | 'teamifyPerWindow'
  | 'getTeamPerWindow'
  | 'getMembersPerWindow'
  | 'otherGetPerWindow'
  | 'otherWritePerWindow'
  | 'perTeamPerWindow'
  | 'windowMs';

/** The tenant as it is now: a copy of the seed, mutated by the control API, replaced by `POST /_emulator/reset`. */
export interface TenantState {
  tenantId: string;
  domain: string;
  displayName: string;
  education: boolean;
  users: SeedUser[];
  apps: SeedApp[];
}

/** The identity platform's token store, as the rest of the emulator may use it. */
export interface TokenStore extends TokenVerifier {
  /** Revoke refresh and access tokens (of one user, or all): next refresh → AADSTS50173, next Graph call → 401. */
  revoke(userId?: string): number;
  /** Make every current access token expired now (refresh tokens stay valid). */
  expireAccessTokens(): number;
  /**
   * Issue an access token directly, skipping the OAuth flow: for tests of Graph and for `POST /_emulator/tokens`.
   * Nothing in Microsoft corresponds to this; the product always goes through authorize + token.
   */
  mintAccessToken(grant: { userId: string; clientId: string; scopes: string[]; lifetimeSeconds?: number }): string;
  /** Forget everything (reset). */
  clear(): void;
}

/**
 * What every route module gets. Keep it minimal: the tenant, tokens, options, reset hooks and the clock.
 * - `tenant` is replaced (not mutated in place) on reset, so always read `ctx.tenant` afresh.
 * - `onReset` hooks run after the tenant is replaced (Graph clears its teams/events there); the argument is the new seed.
 * - `now()` is the emulator's clock in epoch ms; tests may move it (`ctx.now = () => …`), so never call Date.now() directly.
 */
export interface EmulatorContext {
  tenant: TenantState;
  tokens: TokenStore;
  options: EmulatorOptions;
  onReset: Array<(seed: TenantSeed) => void>;
  now(): number;
}

/** Build a TenantState from a (validated) seed; deep-copies so that the seed object stays untouched. */
export function tenantFromSeed(seed: TenantSeed): TenantState {
  const copy = structuredClone(seed);
  return {
    tenantId: copy.tenantId,
    domain: copy.domain,
    displayName: copy.displayName ?? copy.domain,
    education: copy.education ?? false,
    users: copy.users,
    apps: copy.apps,
  };
}

/** Users and apps without their secrets, as `GET /_emulator/tenant` and `GET /_emulator/state` show them. */
export interface PublicTenant {
  tenantId: string;
  domain: string;
  displayName: string;
  education: boolean;
  users: Array<Omit<SeedUser, 'password'>>;
  apps: Array<Omit<SeedApp, 'secrets'> & { secrets: Array<{ id: string; expiresAt: string }> }>;
}

export function publicTenant(tenant: TenantState): PublicTenant {
  return {
    tenantId: tenant.tenantId,
    domain: tenant.domain,
    displayName: tenant.displayName,
    education: tenant.education,
    users: tenant.users.map(({ password: _password, ...u }) => u),
    apps: tenant.apps.map(({ secrets, ...a }) => ({
      ...a,
      secrets: secrets.map((s) => ({ id: s.id, expiresAt: s.expiresAt })),
    })),
  };
}
