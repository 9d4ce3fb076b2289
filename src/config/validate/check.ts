// The result of checking one raw value: the parsed value, or what is wrong and how to fix it. Checks never throw
// and never put a secret's value in `message`; ../build-config.ts collects their failures into one ConfigError.

export type Check<T> = { ok: true; value: T } | { ok: false; message: string; fix: string };

export function ok<T>(value: T): Check<T> {
  return { ok: true, value };
}

export function fail(message: string, fix: string): { ok: false; message: string; fix: string } {
  return { ok: false, message, fix };
}
