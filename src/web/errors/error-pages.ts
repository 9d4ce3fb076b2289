// Error pages in words, never a stack trace or a secret: 403 (staff on an admin page; a missing or wrong CSRF
// token), 404, 413/415 (a form the app did not send), and 500 with a reference to the log line. Expected errors
// (AppError) show their public message, which is written for administrators and holds no secret.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../../lib/errors.js';
import type { WebContext } from '../web-context.js';

export type ErrorPageKind = 'forbidden' | 'csrf' | 'signed-out' | 'not-found' | 'bad-request';

const PAGES: Record<ErrorPageKind, { status: number; title: string; message: string }> = {
  forbidden: {
    status: 403,
    title: 'Administrators only',
    message:
      'This page is for administrators. Your account has staff access; ask an administrator if you need to change ' +
      'the Microsoft Teams settings.',
  },
  csrf: {
    status: 403,
    title: 'This form could not be accepted',
    message:
      'The form was missing its security token, or it came from another page or an old tab. Go back, reload the ' +
      'page and try again.',
  },
  'signed-out': {
    status: 401,
    title: 'Please sign in',
    message: 'Your session has ended. Sign in again, then repeat what you were doing.',
  },
  'not-found': { status: 404, title: 'Page not found', message: 'There is no page at this address.' },
  'bad-request': {
    status: 400,
    title: 'The request could not be read',
    message: 'The form sent was not one this site produces. Go back, reload the page and try again.',
  },
};

export function sendErrorPage(
  ctx: WebContext,
  request: FastifyRequest,
  reply: FastifyReply,
  kind: ErrorPageKind,
): Promise<FastifyReply> {
  const page = PAGES[kind];
  return ctx.pages.send(request, reply, 'error', { title: page.title, message: page.message, kind }, page.status);
}

export function registerErrorPages(app: FastifyInstance, ctx: WebContext): void {
  app.setNotFoundHandler((request, reply) => sendErrorPage(ctx, request, reply, 'not-found'));
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      request.log.info({ status, code: error.code }, 'refused a malformed request');
      const page = PAGES['bad-request'];
      return ctx.pages.send(request, reply, 'error', { title: page.title, message: page.message }, status);
    }
    request.log.error({ err: error }, 'request failed');
    const message = isAppError(error)
      ? error.publicMessage
      : 'Something went wrong on our side. Try again; if it keeps happening, give this reference to the person ' +
        'who runs Elentra Teams.';
    return ctx.pages.send(
      request,
      reply,
      'error',
      { title: 'Something went wrong', message, reference: request.id, docs: isAppError(error) ? error.docs : null },
      500,
    );
  });
}
