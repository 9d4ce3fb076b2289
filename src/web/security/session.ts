// Sessions live entirely in one encrypted cookie (./session-crypto.ts): a random session id, the signed-in user and
// role, the CSRF secret, and when it was issued and expires. Nothing is stored server-side, so a new id is issued
// at every sign-in (no session fixation: an id planted before sign-in never becomes a signed-in one) and sign-out
// clears the cookie. The hook in ./session-hook.ts reads it on every request and re-checks the account.
import { randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { openCookie, sealCookie } from './session-crypto.js';

export type WebRole = 'admin' | 'staff';

export interface SessionUser {
  username: string;
  role: WebRole;
}

export interface WebSession {
  /** Random, 32 bytes: what an OAuth `state` is bound to. */
  id: string;
  /** The synchronizer token every form posts back (./csrf.ts). */
  csrf: string;
  /** Null before sign-in: the sign-in form needs a session for its own CSRF token. */
  user: SessionUser | null;
  issuedAt: number;
  expiresAt: number;
}

/** A signed-in session lasts a working day; then the person signs in again. */
export const SIGNED_IN_LIFETIME_MS = 8 * 60 * 60_000;
/** Long enough to fill in the sign-in form. */
export const ANONYMOUS_LIFETIME_MS = 2 * 60 * 60_000;

const stored = z.object({
  v: z.literal(1),
  id: z.string().min(32),
  csrf: z.string().min(32),
  user: z.object({ username: z.string().min(1), role: z.enum(['admin', 'staff']) }).nullable(),
  iat: z.number(),
  exp: z.number(),
});

function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

export interface SessionCookiesOptions {
  key: Buffer;
  /** ENTRADA_URL is https: the cookie gets Secure and the `__Host-` prefix (no Domain, Path=/, https only). */
  secure: boolean;
  now: () => number;
}

export class SessionCookies {
  readonly name: string;
  readonly #options: SessionCookiesOptions;

  constructor(options: SessionCookiesOptions) {
    this.#options = options;
    this.name = options.secure ? '__Host-et_session' : 'et_session';
  }

  /** The session in a cookie value, or null when absent, unreadable, tampered or expired. */
  read(value: string | undefined): WebSession | null {
    if (!value) return null;
    const plain = openCookie(value, this.#options.key);
    if (plain === null) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(plain);
    } catch {
      return null;
    }
    const result = stored.safeParse(parsed);
    if (!result.success || result.data.exp <= this.#options.now()) return null;
    const { id, csrf, user, iat, exp } = result.data;
    return { id, csrf, user, issuedAt: iat, expiresAt: exp };
  }

  /** Issues a brand-new session (new id, new CSRF secret) and sets its cookie. */
  issue(reply: FastifyReply, user: SessionUser | null): WebSession {
    const now = this.#options.now();
    const session: WebSession = {
      id: randomToken(),
      csrf: randomToken(),
      user,
      issuedAt: now,
      expiresAt: now + (user ? SIGNED_IN_LIFETIME_MS : ANONYMOUS_LIFETIME_MS),
    };
    const payload = { v: 1, id: session.id, csrf: session.csrf, user, iat: now, exp: session.expiresAt };
    reply.setCookie(this.name, sealCookie(JSON.stringify(payload), this.#options.key), {
      ...this.#attributes(),
      maxAge: Math.floor((session.expiresAt - now) / 1000),
    });
    return session;
  }

  clear(reply: FastifyReply): void {
    reply.clearCookie(this.name, this.#attributes());
  }

  #attributes() {
    return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: this.#options.secure };
  }
}
