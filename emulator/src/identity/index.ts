// The identity platform (Microsoft Entra ID v2.0 endpoints) on the shared Fastify instance: discovery and keys,
// authorize with its sign-in and consent pages, and token. See emulator/README.md "Identity platform".
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { registerAuthorizeRoute } from './authorize.js';
import type { Identity } from './identity.js';
import { registerMetadataRoutes } from './metadata.js';
import { registerSignInRoutes } from './sign-in.js';
import { registerTokenRoute } from './token.js';

export { createIdentity, type Identity } from './identity.js';
export { openIdConfiguration } from './metadata.js';

export function registerIdentityRoutes(app: FastifyInstance, ctx: EmulatorContext, identity: Identity): void {
  registerMetadataRoutes(app, ctx, identity);
  registerAuthorizeRoute(app, ctx, identity);
  registerSignInRoutes(app, ctx, identity);
  registerTokenRoute(app, ctx, identity);
  ctx.onReset.push(() => {
    identity.flows.clear();
    identity.consents.clear();
  });
}
