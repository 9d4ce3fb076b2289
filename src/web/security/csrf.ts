// CSRF protection with the synchronizer token pattern: every form carries `_csrf`, the session's random secret, and
// a hook checks it on every POST before any route runs — so no route can forget it. A cross-site page can make the
// browser post (SameSite=Lax stops the cookie on cross-site POSTs in modern browsers, but not everywhere), yet it
// cannot read the token. Missing or wrong → 403 page.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

export const CSRF_FIELD = '_csrf';

function tokenInBody(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || !(CSRF_FIELD in body)) return null;
  const value = (body as Record<string, unknown>)[CSRF_FIELD];
  return typeof value === 'string' ? value : null;
}

/** True when the request's form carries the token of its own session. */
export function hasValidCsrfToken(request: FastifyRequest): boolean {
  const expected = request.session?.csrf;
  const given = tokenInBody(request.body);
  if (!expected || given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
