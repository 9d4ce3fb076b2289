// What this app adds to Fastify's request: the session read from the cookie (./security/session-hook.ts).
import type { WebSession } from './security/session.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The session of this request, or null (no cookie, unreadable, expired, or its account is gone). */
    session: WebSession | null;
  }
}
