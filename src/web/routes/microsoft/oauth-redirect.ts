// GET /api/ms-graph-oauth.php — the redirect URI the guide fixes (MS_OAUTH_REDIRECT_URL). Microsoft sends the browser
// here with `code` + `state`, or with `error` + `error_description`. Only a signed-in administrator whose session
// started the sign-in completes it (the identity core checks the state against this session, single use, 10 minutes).
// Success → the Microsoft Account page with "Connected as …"; every failure → a page that says what happened and what
// to do. The query is never logged or shown: it holds the one-time code and the state.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { OAUTH_REDIRECT_ROUTE } from '../../../config/index.js';
import { recordAudit } from '../../../db/index.js';
import { completeAuthorization } from '../../../microsoft/identity/index.js';
import { sendErrorPage } from '../../errors/error-pages.js';
import { parseForm } from '../../forms.js';
import { MICROSOFT_ACCOUNT_PATH } from '../../menu/profile-menu.js';
import { describeOAuthFailure } from '../../microsoft/oauth-outcome.js';
import type { WebContext } from '../../web-context.js';

// Microsoft's parameters; anything else it adds (session_state, client_info…) is ignored.
const answer = z.object({
  code: z.string().max(8192).optional(),
  state: z.string().max(1024).optional(),
  error: z.string().max(256).optional(),
  error_description: z.string().max(4096).optional(),
});

export function registerOAuthRedirectRoute(app: FastifyInstance, ctx: WebContext): void {
  app.get(OAUTH_REDIRECT_ROUTE, async (request, reply) => {
    const session = request.session;
    // Signed out (the session ended while at Microsoft): nothing is consumed; start again after signing in.
    if (!session?.user) return sendErrorPage(ctx, request, reply, 'signed-out');
    if (session.user.role !== 'admin') return sendErrorPage(ctx, request, reply, 'forbidden');
    const query = parseForm(answer, request.query);
    const actor = `web:${session.user.username}`;
    try {
      const completed = await completeAuthorization(ctx.identity, {
        answer: query,
        sessionId: session.id,
        authorizedBy: session.user.username,
      });
      await recordAudit(ctx.database.db, {
        actor,
        action: 'microsoft.authorize',
        target: ctx.config.MS_SERVICE_TOKEN_ID,
        detail: { account: completed.account.username, scopes: completed.grantedScopes },
        ip: request.ip,
      });
      return reply.redirect(`${MICROSOFT_ACCOUNT_PATH}?connected=1`, 303);
    } catch (error) {
      const failure = describeOAuthFailure(error, query.error);
      if (failure === null) throw error;
      request.log.info({ code: failure.code }, 'Microsoft authorization not completed');
      await recordAudit(ctx.database.db, {
        actor,
        action: 'microsoft.authorize_failed',
        target: ctx.config.MS_SERVICE_TOKEN_ID,
        detail: { code: failure.code, error: query.error ?? null },
        ip: request.ip,
      });
      return ctx.pages.send(
        request,
        reply,
        'oauth-failure',
        { title: failure.title, failure, basePath: MICROSOFT_ACCOUNT_PATH },
        400,
      );
    }
  });
}
