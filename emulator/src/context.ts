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
  verifyAccessToken(bearerToken: string | undefined): TokenCheck;
}
