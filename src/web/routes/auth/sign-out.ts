// POST /sign-out (a form with the CSRF token, so another site cannot sign people out): clears the session cookie,
// audits, and shows the sign-in page with "You have signed out".
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../../db/index.js';
import type { WebContext } from '../../web-context.js';

export function registerSignOutRoute(app: FastifyInstance, ctx: WebContext): void {
  app.post('/sign-out', async (request, reply) => {
    const user = request.session?.user;
    if (user) {
      await recordAudit(ctx.database.db, {
        actor: `web:${user.username}`,
        action: 'auth.sign_out',
        target: user.username,
        ip: request.ip,
      });
    }
    ctx.sessions.clear(reply);
    return reply.redirect('/sign-in?signed-out', 303);
  });
}
