// The identity platform's part of the state file (../state-file.ts): what an authorization needs to survive a restart.
// Refresh tokens (with their last use, for the 90-day inactivity rule, and their revocation), access tokens not yet
// expired (Graph checks them by lookup, so a token issued before the restart still works until it expires), users'
// own consents, and the scopes administrators consented to for each app — a refresh needs every scope it carries to
// be consented still. Not kept: authorization codes and sign-ins in progress (minutes long), and the signing key (a new
// one signs new tokens; Graph never checks signatures).
import type { EmulatorContext } from '../context.js';
import { findApp } from '../tenant/lookup.js';
import type { UserConsent } from './consent.js';
import type { Identity } from './identity.js';
import type { DurableTokens } from './token-store.js';

export interface PersistedIdentityState extends DurableTokens {
  userConsents: UserConsent[];
  /** Per app: the scopes consented tenant-wide, merged into the seed's on restore. */
  adminConsents: Array<{ clientId: string; scopes: string[] }>;
}

export function persistIdentityState(ctx: EmulatorContext, identity: Identity): PersistedIdentityState {
  return {
    ...identity.tokens.durableTokens(),
    userConsents: identity.consents.list(),
    adminConsents: ctx.tenant.apps.map((app) => ({ clientId: app.clientId, scopes: [...app.adminConsentedScopes] })),
  };
}

/** Adds the persisted tokens and consents to a freshly started identity platform. Throws on a shape it cannot use. */
export function restoreIdentityState(
  ctx: EmulatorContext,
  identity: Identity,
  persisted: PersistedIdentityState,
): void {
  const lists = [
    persisted.refreshTokens,
    persisted.accessTokens,
    persisted.revokedAccessTokens,
    persisted.userConsents,
    persisted.adminConsents,
  ];
  if (!lists.every(Array.isArray)) throw new Error('the identity state is not in the expected shape');
  identity.tokens.restoreDurableTokens(persisted);
  for (const consent of persisted.userConsents)
    identity.consents.grant(consent.userId, consent.clientId, consent.scopes);
  for (const consent of persisted.adminConsents) {
    // Apps come from the seed; an app no longer in it is skipped.
    const app = findApp(ctx.tenant, consent.clientId);
    if (app) app.adminConsentedScopes = [...new Set([...app.adminConsentedScopes, ...consent.scopes])];
  }
}
