// GET/POST /sign-in: Username, Password, Sign in. A failed sign-in says the same thing whether the name exists or
// not; a throttled one says when to try again. Success issues a brand-new session (new id and CSRF secret: no
// fixation) and goes to the safe `next` path. Both outcomes are audited.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { recordAudit } from '../../../db/index.js';
import { countAccounts } from '../../auth/accounts.js';
import { authenticate, type SignInResult } from '../../auth/authenticate.js';
import { parseForm } from '../../forms.js';
import { safeNextPath } from '../../security/safe-next.js';
import type { WebContext } from '../../web-context.js';

export const SIGN_IN_PATH = '/sign-in';

const form = z.object({
  username: z.string().max(200).default(''),
  password: z.string().max(4096).default(''),
  next: z.string().max(2048).optional(),
});

const query = z.object({ next: z.string().max(2048).optional(), 'signed-out': z.string().optional() });

interface SignInView {
  username: string;
  next: string;
  error: string | null;
  notice: string | null;
  noAccounts: boolean;
}

async function showForm(
  ctx: WebContext,
  request: FastifyRequest,
  reply: FastifyReply,
  view: SignInView,
  status = 200,
): Promise<FastifyReply> {
  // The form needs a CSRF token before anyone is signed in: an anonymous session carries it.
  request.session ??= ctx.sessions.issue(reply, null);
  return ctx.pages.send(
    request,
    reply,
    'sign-in',
    { title: 'Sign in', siteUrl: ctx.config.ENTRADA_URL, ...view },
    status,
  );
}

function failureMessage(result: Extract<SignInResult, { ok: false }>, now: number): string {
  if (result.reason === 'bad-credentials') return 'The username or password is not correct.';
  const minutes = Math.max(1, Math.ceil(((result.retryAt ?? now) - now) / 60_000));
  return `Too many failed sign-in attempts. Wait ${minutes} minute${minutes === 1 ? '' : 's'}, then try again.`;
}

export function registerSignInRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get(SIGN_IN_PATH, async (request, reply) => {
    const { next, 'signed-out': signedOut } = parseForm(query, request.query);
    const destination = safeNextPath(next);
    if (request.session?.user) return reply.redirect(destination, 303);
    return showForm(ctx, request, reply, {
      username: '',
      next: destination,
      error: null,
      notice: signedOut === undefined ? null : 'You have signed out.',
      noAccounts: (await countAccounts(ctx.database)) === 0,
    });
  });

  app.post(SIGN_IN_PATH, async (request, reply) => {
    const input = parseForm(form, request.body);
    const address = request.ip;
    const result = await authenticate(ctx, { username: input.username, password: input.password, address });
    const username = input.username.trim().toLowerCase().slice(0, 64);
    if (!result.ok) {
      await recordAudit(ctx.database.db, {
        actor: 'web:anonymous',
        action: 'auth.sign_in_failed',
        target: username || null,
        detail: { reason: result.reason },
        ip: address,
      });
      const view = { username: input.username.slice(0, 200), next: safeNextPath(input.next), noAccounts: false };
      const error = failureMessage(result, ctx.now());
      return showForm(ctx, request, reply, { ...view, error, notice: null }, result.reason === 'throttled' ? 429 : 401);
    }
    ctx.sessions.issue(reply, result.user);
    await recordAudit(ctx.database.db, {
      actor: `web:${result.user.username}`,
      action: 'auth.sign_in',
      target: result.user.username,
      detail: { role: result.user.role },
      ip: address,
    });
    return reply.redirect(safeNextPath(input.next), 303);
  });
}
