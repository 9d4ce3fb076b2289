// Typed errors with a message for the administrator. Every error the product shows a person is an AppError: a stable
// `code`, a `publicMessage` in plain words that names the problem and the fix, and the section of
// docs/troubleshooting.md that explains it. Internal detail (a response body, a stack) stays in `cause` and the logs.

export interface AppErrorOptions {
  /** Stable machine code, e.g. `config.invalid`, `graph.throttled`. */
  code: string;
  /** Anchor in docs/troubleshooting.md, e.g. `expired-client-secret`. */
  docs?: string;
  /** Seconds to wait before retrying, when the failure is retriable. */
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: string;
  readonly docs: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(publicMessage: string, options: AppErrorOptions) {
    super(publicMessage, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code;
    this.docs = options.docs;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** The text an administrator sees: never a stack trace, never a secret. */
  get publicMessage(): string {
    return this.message;
  }
}

/** Bad usage or configuration: the CLI exits with code 2. */
export class UsageError extends AppError {
  constructor(publicMessage: string, options: Partial<AppErrorOptions> = {}) {
    super(publicMessage, { code: 'usage', ...options });
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
