// Route guards (preHandler hooks). Signed out → a page request goes to the sign-in page and comes back afterwards
// (`?next=`); a form post is refused. Signed in without the admin role → 403 on every admin route.
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { sendErrorPage } from '../errors/error-pages.js';
import type { WebContext } from '../web-context.js';

export function signInRedirect(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`, 303);
}

export function requireSignedIn(ctx: WebContext): preHandlerAsyncHookHandler {
  return async function signedIn(request, reply) {
    if (request.session?.user) return;
    if (request.method === 'GET' || request.method === 'HEAD') return signInRedirect(request, reply);
    return sendErrorPage(ctx, request, reply, 'signed-out');
  };
}

export function requireAdmin(ctx: WebContext): preHandlerAsyncHookHandler {
  const signedIn = requireSignedIn(ctx);
  return async function admin(request, reply) {
    await signedIn.call(this, request, reply);
    if (reply.sent || request.session?.user?.role === 'admin') return;
    return sendErrorPage(ctx, request, reply, 'forbidden');
  };
}
