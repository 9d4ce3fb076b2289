// Reads the session cookie on every request (except static files) into `request.session`. A signed-in session is
// re-checked against `web_accounts` each time: a deleted account or a changed role takes effect at the next click,
// not when the cookie expires (the cookie is the only session store, so this is how it is revoked).
import type { FastifyInstance } from 'fastify';
import type { IntegrationDatabase } from '../../db/index.js';
import { findAccount } from '../auth/accounts.js';
import type { SessionCookies } from './session.js';

export function registerSessionHook(
  app: FastifyInstance,
  deps: { sessions: SessionCookies; database: IntegrationDatabase },
): void {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/static/')) return;
    const session = deps.sessions.read(request.cookies[deps.sessions.name]);
    if (session?.user) {
      const account = await findAccount(deps.database, session.user.username);
      if (account === null || account.role !== session.user.role) {
        deps.sessions.clear(reply);
        request.session = null;
        return;
      }
    }
    request.session = session;
  });
}
