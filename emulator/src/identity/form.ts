// `application/x-www-form-urlencoded` bodies (the token endpoint and the sign-in pages), parsed with URLSearchParams
// into a plain object of strings. Registered once, by server.ts, for the whole Fastify instance.
import type { FastifyInstance } from 'fastify';

export type FormBody = Record<string, string | undefined>;

export function registerFormParser(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
}

/** The body as a form, or an empty one when it is missing or was sent as something else. */
export function formBody(body: unknown): FormBody {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  const out: FormBody = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}
