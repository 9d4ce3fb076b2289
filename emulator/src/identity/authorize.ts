// `GET /{tenant}/oauth2/v2.0/authorize` → the sign-in page (or, with --auto-consent and a `login_hint` of a tenant
// user, straight back to the app with a code). The pages' POST handlers are in sign-in.ts.
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { findApp, findUser } from '../tenant/lookup.js';
import { type Query, validateAuthorizeRequest } from './authorize-request.js';
import { completeSignIn } from './complete-sign-in.js';
import { aadError, errorRedirectUrl, sendErrorPage } from './errors.js';
import type { Identity } from './identity.js';
import { signInPage } from './pages/sign-in-page.js';

export function registerAuthorizeRoute(app: FastifyInstance, ctx: EmulatorContext, identity: Identity): void {
  app.get<{ Params: { tenant: string }; Querystring: Query }>('/:tenant/oauth2/v2.0/authorize', async (req, reply) => {
    const validation = validateAuthorizeRequest(ctx.tenant, req.params.tenant, req.query);
    if (validation.kind === 'page') return sendErrorPage(reply, validation.err, ctx.now());
    if (validation.kind === 'redirect') {
      return reply.redirect(errorRedirectUrl(validation.redirectUri, validation.err, ctx.now(), validation.state), 302);
    }
    const request = validation.request;
    const hinted = findUser(ctx.tenant, request.loginHint);
    // Automation only (`--auto-consent`): behave as if the hinted user signed in and pressed Accept.
    if (ctx.options.autoConsent && hinted) return reply.redirect(completeSignIn(ctx, identity, request, hinted), 302);
    if (request.prompt === 'none') {
      // No browser session exists in the emulator, so a silent request can never succeed (AADSTS50058).
      const err = aadError('login_required', 50058, 'A silent sign-in request was sent but no user is signed in.');
      return reply.redirect(errorRedirectUrl(request.redirectUri, err, ctx.now(), request.state), 302);
    }
    const flowId = identity.flows.create(request, ctx.now());
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(
        signInPage({
          flowId,
          appName: findApp(ctx.tenant, request.clientId)?.displayName ?? request.clientId,
          users: ctx.tenant.users,
          loginHint: request.loginHint,
        }),
      );
  });
}
