// Parsing forms and query strings with zod. A value the app's own pages never send (wrong type, too long, missing
// field) is a 400 page, not a 500: FormError carries the status Fastify's error handler reads.
import type { z } from 'zod';

export class FormError extends Error {
  readonly statusCode = 400;
  readonly code = 'web.bad_form';
}

export function parseForm<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw new FormError('The form did not match what this page sends.');
  return result.data;
}
