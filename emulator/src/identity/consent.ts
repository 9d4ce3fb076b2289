// Who consented to what. Admin consent is tenant state (SeedApp.adminConsentedScopes, changed by an admin's consent or
// `POST /_emulator/consent`); a user's own consent is remembered per user and app until reset.
// Microsoft's rules, simplified: a user may consent to scopes that do not need an administrator; an admin-only scope
// needs the tenant-wide admin consent, or an administrator signing in (we treat an admin's Accept as ticking
// "Consent on behalf of your organization"). Otherwise the answer is AADSTS65001 `consent_required`.
import type { SeedApp, SeedUser } from '../context.js';
import { DEFAULT_SCOPE, isOidcScope, scopeInfo } from '../tenant/scopes.js';

export class UserConsents {
  private readonly byUserApp = new Map<string, Set<string>>();

  grant(userId: string, clientId: string, scopes: string[]): void {
    const key = `${userId}|${clientId.toLowerCase()}`;
    const set = this.byUserApp.get(key) ?? new Set<string>();
    for (const s of scopes) set.add(s);
    this.byUserApp.set(key, set);
  }

  scopesOf(userId: string, clientId: string): string[] {
    return [...(this.byUserApp.get(`${userId}|${clientId.toLowerCase()}`) ?? [])];
  }

  /** Every user's own consent, for the state file (persisted-state.ts). */
  list(): UserConsent[] {
    return [...this.byUserApp].map(([key, scopes]) => {
      const [userId = '', clientId = ''] = key.split('|');
      return { userId, clientId, scopes: [...scopes] };
    });
  }

  clear(): void {
    this.byUserApp.clear();
  }
}

export interface UserConsent {
  userId: string;
  clientId: string;
  scopes: string[];
}

export type ConsentDecision = { ok: true; granted: string[] } | { ok: false; needsAdmin: string[] };

/** Graph scopes consented for this user and app right now (tenant-wide ones plus the user's own). */
export function consentedScopes(app: SeedApp, user: SeedUser, consents: UserConsents): Set<string> {
  return new Set([...app.adminConsentedScopes, ...consents.scopesOf(user.id, app.clientId)]);
}

/** `.default` stands for everything already consented; other scopes stand for themselves. */
export function expandDefault(requested: string[], consented: Set<string>): string[] {
  const out = requested.flatMap((s) => (s === DEFAULT_SCOPE ? [...consented] : [s]));
  return [...new Set(out)];
}

/**
 * What the user may be granted when they press Accept: every requested scope, unless an admin-only one lacks admin
 * consent and the user is not an administrator.
 */
export function decideConsent(
  app: SeedApp,
  user: SeedUser,
  requested: string[],
  consents: UserConsents,
): ConsentDecision {
  const consented = consentedScopes(app, user, consents);
  const scopes = expandDefault(requested, consented);
  const needsAdmin = scopes.filter(
    (s) => !isOidcScope(s) && !consented.has(s) && scopeInfo(s)?.adminConsentRequired === true && !user.isAdmin,
  );
  return needsAdmin.length > 0 ? { ok: false, needsAdmin } : { ok: true, granted: scopes };
}

/** Records an Accept: user-consentable scopes for this user; admin-only ones (an admin accepted) tenant-wide. */
export function recordConsent(app: SeedApp, user: SeedUser, granted: string[], consents: UserConsents): void {
  const graphScopes = granted.filter((s) => !isOidcScope(s));
  const adminOnly = (s: string) => scopeInfo(s)?.adminConsentRequired === true;
  consents.grant(
    user.id,
    app.clientId,
    graphScopes.filter((s) => !adminOnly(s)),
  );
  for (const s of graphScopes.filter(adminOnly)) {
    if (!app.adminConsentedScopes.includes(s)) app.adminConsentedScopes.push(s);
  }
}
