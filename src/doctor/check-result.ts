// What every doctor check returns, and the helpers that build one. A check is a function of what it was given (no
// I/O of its own where it can be helped): `status`, the `detail` in words, the `fix` in words when it did not pass,
// and `docs`, the section of docs/troubleshooting.md that explains it (`docs/troubleshooting.md#<docs>`).

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

export interface CheckResult {
  /** Stable id, e.g. `client-secret`. */
  readonly id: string;
  /** What is checked, e.g. "Client secret accepted by Microsoft". */
  readonly title: string;
  readonly status: CheckStatus;
  /** What was found, in words; never a secret or a token. */
  readonly detail: string;
  /** What to do, in words; absent when the check passed. */
  readonly fix?: string;
  /** Anchor in docs/troubleshooting.md. */
  readonly docs: string;
}

/** The fixed part of a check: its id, title and default docs section. */
export interface CheckSpec {
  readonly id: string;
  readonly title: string;
  readonly docs: string;
}

export function pass(spec: CheckSpec, detail: string): CheckResult {
  return { id: spec.id, title: spec.title, status: 'pass', detail, docs: spec.docs };
}

export function warn(spec: CheckSpec, detail: string, fix: string, docs = spec.docs): CheckResult {
  return { id: spec.id, title: spec.title, status: 'warn', detail, fix, docs };
}

export function fail(spec: CheckSpec, detail: string, fix: string, docs = spec.docs): CheckResult {
  return { id: spec.id, title: spec.title, status: 'fail', detail, fix, docs };
}

/** Not run because something it needs failed first; `reason` says which. */
export function skip(spec: CheckSpec, reason: string): CheckResult {
  return { id: spec.id, title: spec.title, status: 'skip', detail: `Not checked: ${reason}`, docs: spec.docs };
}

/** Whether any check failed (a warning does not count): the CLI's exit code 1. */
export function anyFailed(results: readonly CheckResult[]): boolean {
  return results.some((result) => result.status === 'fail');
}
