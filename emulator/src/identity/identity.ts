// The identity platform's state beside the tenant: the token store (shared with Graph as ctx.tokens), sign-in flows
// in progress, users' own consents, and the signing key. Flows and consents are cleared on reset; see server.ts.
import type { EmulatorContext } from '../context.js';
import { UserConsents } from './consent.js';
import { FlowStore } from './flows.js';
import { createSigningKey, type SigningKey } from './jwt.js';
import { IdentityTokenStore } from './token-store.js';

export interface Identity {
  tokens: IdentityTokenStore;
  flows: FlowStore;
  consents: UserConsents;
  key: SigningKey;
}

/** `context` is a getter because the context is built with the token store inside it. */
export function createIdentity(context: () => EmulatorContext): Identity {
  const key = createSigningKey();
  return { tokens: new IdentityTokenStore(context, key), flows: new FlowStore(), consents: new UserConsents(), key };
}
