// The control API's error shape: `{ error: { code, message, details? } }` with a 4xx status. Not Microsoft's — the
// control API is the emulator's own, for tests and the demo.
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';

export function controlError(reply: FastifyReply, status: number, code: string, message: string, details?: string[]) {
  return reply.status(status).send({ error: { code, message, ...(details ? { details } : {}) } });
}

/** Parses a JSON body with a zod schema; a missing body counts as `{}`. */
export function parseBody<T>(
  schema: z.ZodType<T>,
  body: unknown,
): { ok: true; value: T } | { ok: false; details: string[] } {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, details: parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`) };
}
