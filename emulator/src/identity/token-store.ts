// Everything the identity platform has handed out: authorization codes, refresh tokens and access tokens, in memory
// (refresh and access tokens are also kept in the optional state file: persisted-state.ts).
// It implements the shared TokenStore (../context.ts) that Graph uses to authenticate requests and the control API
// uses to revoke or expire tokens. Facts it follows (GRAPH-FACTS §1): codes live about 10 minutes and are single use;
// refresh tokens replace themselves on every use but the old one is not revoked; they die after 90 days unused.
import { randomBytes } from 'node:crypto';
import type { AccessGrant, EmulatorContext, TokenCheck, TokenStore } from '../context.js';
import { findApp, findUser } from '../tenant/lookup.js';
import { accessTokenClaims } from './claims.js';
import { type SigningKey, signJwt } from './jwt.js';

export interface AuthCodeRecord {
  clientId: string;
  userId: string;
  redirectUri: string;
  /** Everything granted at consent: Graph scopes plus the OIDC ones. */
  scopes: string[];
  codeChallenge: string;
  nonce: string | undefined;
  issuedAtMs: number;
  redeemed: boolean;
  revoked: boolean;
}

export interface RefreshRecord {
  userId: string;
  clientId: string;
  scopes: string[];
  lastUsedMs: number;
  revoked: boolean;
}

/** The tokens that outlive a restart with a state file (persisted-state.ts); codes live minutes and are not kept. */
export interface DurableTokens {
  refreshTokens: Array<[string, RefreshRecord]>;
  accessTokens: Array<[string, AccessGrant]>;
  revokedAccessTokens: string[];
}

export class IdentityTokenStore implements TokenStore {
  private readonly codes = new Map<string, AuthCodeRecord>();
  private readonly refreshTokens = new Map<string, RefreshRecord>();
  private readonly accessTokens = new Map<string, AccessGrant>();
  private readonly revokedAccessTokens = new Set<string>();

  constructor(
    private readonly context: () => EmulatorContext,
    private readonly key: SigningKey,
  ) {}

  issueCode(record: Omit<AuthCodeRecord, 'redeemed' | 'revoked'>): string {
    // Microsoft's codes are long opaque strings starting `0.A`; length and prefix only look alike.
    const code = `0.A${randomBytes(96).toString('base64url')}`;
    this.codes.set(code, { ...record, redeemed: false, revoked: false });
    return code;
  }

  findCode(code: string): AuthCodeRecord | undefined {
    return this.codes.get(code);
  }

  issueRefreshToken(userId: string, clientId: string, scopes: string[]): string {
    const token = `1.A${randomBytes(160).toString('base64url')}`;
    this.refreshTokens.set(token, {
      userId,
      clientId,
      scopes: [...scopes],
      lastUsedMs: this.context().now(),
      revoked: false,
    });
    return token;
  }

  findRefreshToken(token: string): RefreshRecord | undefined {
    return this.refreshTokens.get(token);
  }

  mintAccessToken(grant: { userId: string; clientId: string; scopes: string[]; lifetimeSeconds?: number }): string {
    const ctx = this.context();
    const user = findUser(ctx.tenant, grant.userId);
    if (!user) throw new Error(`No user '${grant.userId}' in the tenant`);
    const issuedAtMs = ctx.now();
    const expiresAtMs = issuedAtMs + (grant.lifetimeSeconds ?? ctx.options.tokenLifetimeSeconds) * 1000;
    const token = signJwt(
      this.key,
      accessTokenClaims({
        tenantId: ctx.tenant.tenantId,
        clientId: grant.clientId,
        appDisplayName: findApp(ctx.tenant, grant.clientId)?.displayName ?? grant.clientId,
        user,
        scopes: grant.scopes,
        issuedAtMs,
        expiresAtMs,
      }),
    );
    this.accessTokens.set(token, {
      userId: user.id,
      clientId: grant.clientId,
      tenantId: ctx.tenant.tenantId,
      scopes: [...grant.scopes],
      expiresAtMs,
    });
    return token;
  }

  verifyAccessToken(bearerToken: string | undefined): TokenCheck {
    const token = bearerToken?.replace(/^bearer\s+/i, '').trim();
    if (!token) return { ok: false, reason: 'missing' };
    const grant = this.accessTokens.get(token);
    if (!grant || this.revokedAccessTokens.has(token)) return { ok: false, reason: 'invalid' };
    if (this.context().now() >= grant.expiresAtMs) return { ok: false, reason: 'expired' };
    return { ok: true, grant: { ...grant, scopes: [...grant.scopes] } };
  }

  revoke(userId?: string): number {
    const matches = (record: { userId: string }) => userId === undefined || record.userId === userId;
    let count = 0;
    for (const record of this.refreshTokens.values()) {
      if (matches(record) && !record.revoked) {
        record.revoked = true;
        count++;
      }
    }
    for (const record of this.codes.values()) if (matches(record)) record.revoked = true;
    for (const [token, grant] of this.accessTokens) {
      if (matches(grant) && !this.revokedAccessTokens.has(token)) {
        this.revokedAccessTokens.add(token);
        count++;
      }
    }
    return count;
  }

  expireAccessTokens(): number {
    const nowMs = this.context().now();
    let count = 0;
    for (const grant of this.accessTokens.values()) {
      if (grant.expiresAtMs > nowMs) {
        grant.expiresAtMs = nowMs;
        count++;
      }
    }
    return count;
  }

  /** Copies of the refresh and access tokens (access tokens already expired are left out). */
  durableTokens(): DurableTokens {
    const nowMs = this.context().now();
    const live = [...this.accessTokens].filter(([, grant]) => grant.expiresAtMs > nowMs);
    return {
      refreshTokens: [...this.refreshTokens].map(([token, record]) => [
        token,
        { ...record, scopes: [...record.scopes] },
      ]),
      accessTokens: live.map(([token, grant]) => [token, { ...grant, scopes: [...grant.scopes] }]),
      revokedAccessTokens: live.map(([token]) => token).filter((token) => this.revokedAccessTokens.has(token)),
    };
  }

  /** Adds tokens saved by durableTokens() (after a restart); those already known are replaced. */
  restoreDurableTokens(tokens: DurableTokens): void {
    for (const [token, record] of tokens.refreshTokens) this.refreshTokens.set(token, { ...record });
    for (const [token, grant] of tokens.accessTokens) this.accessTokens.set(token, { ...grant });
    for (const token of tokens.revokedAccessTokens) this.revokedAccessTokens.add(token);
  }

  clear(): void {
    this.codes.clear();
    this.refreshTokens.clear();
    this.accessTokens.clear();
    this.revokedAccessTokens.clear();
  }
}
