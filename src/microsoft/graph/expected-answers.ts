// Microsoft's quirks as data (Canvas's `*_SPECIAL_CASES`): each endpoint module keeps frozen tables of the non-2xx
// answers it expects — status + Graph code (+ a message pattern only where the code alone is ambiguous, such as
// `BadRequest`) → what it means: `ignore` (the goal is already met: already a member, already gone), `retry` (a
// documented wait, e.g. the replication 404), or a typed error class with a message for the administrator. Anything
// not in a table stays a GraphError. Per-person result parts of bulk calls (members/add, members/remove) have a code
// and message but no status; their tables leave `status` out. `example` names the real answer in
// emulator/fixtures/graph-errors.json that the table test (./expected-answers.test.ts) checks every row against.
import type { AppError } from '../../lib/errors.js';
import type { BatchResult } from './batch.js';
import { batchResultError } from './batch.js';
import type { GraphError } from './graph-error.js';
import type { HttpMethod } from './http.js';

export interface ExpectedAnswer<R> {
  /** HTTP status; absent for per-person result parts, which carry none. */
  status?: number;
  /** Graph's `error.code`, compared ignoring case. */
  code: string;
  /** Only where the code is ambiguous: a pattern on Microsoft's message. */
  message?: RegExp;
  result: R;
  /** The Microsoft fact behind the row: doc page, issue, or GRAPH-FACTS section. */
  source: string;
  /** Name of the real answer in emulator/fixtures/graph-errors.json (checked by the table test). */
  example: string;
}

/** A typed error built from the Graph answer it explains. */
export type ResourceErrorClass = new (cause: GraphError) => AppError;

/** What a whole-request table can say about a refusal. */
export type RequestOutcome = 'ignore' | 'retry' | ResourceErrorClass;

export interface AnswerFields {
  status?: number;
  code: string;
  message: string;
}

export function expectedAnswers<R>(rows: ReadonlyArray<ExpectedAnswer<R>>): ReadonlyArray<ExpectedAnswer<R>> {
  return Object.freeze(rows.map((row) => Object.freeze({ ...row })));
}

/** The first row that matches, or undefined. */
export function matchAnswer<R>(table: ReadonlyArray<ExpectedAnswer<R>>, answer: AnswerFields): R | undefined {
  const code = answer.code.toLowerCase();
  const row = table.find(
    (r) =>
      (r.status === undefined || r.status === answer.status) &&
      r.code.toLowerCase() === code &&
      (r.message === undefined || r.message.test(answer.message)),
  );
  return row?.result;
}

/** Maps a GraphError through a whole-request table: `ignore` / `retry` are returned, typed errors thrown. */
export function outcomeOfError(
  table: ReadonlyArray<ExpectedAnswer<RequestOutcome>>,
  error: GraphError,
): 'ignore' | 'retry' {
  const outcome = matchAnswer(table, { status: error.status, code: error.graphCode, message: error.graphMessage });
  if (outcome === undefined) throw error;
  if (typeof outcome === 'function') throw new outcome(error);
  return outcome;
}

/** The same for a non-2xx answer read by a GraphCall (direct or batched). */
export function outcomeOf(
  table: ReadonlyArray<ExpectedAnswer<RequestOutcome>>,
  answer: BatchResult,
  method: HttpMethod,
  route: string,
): 'ignore' | 'retry' {
  return outcomeOfError(table, batchResultError(method, route, answer));
}

/** For a caller with nothing to ignore or retry here: the typed error of the table, else the GraphError. */
export function refusal(
  table: ReadonlyArray<ExpectedAnswer<RequestOutcome>>,
  answer: BatchResult,
  method: HttpMethod,
  route: string,
): AppError {
  const error = batchResultError(method, route, answer);
  const outcome = matchAnswer(table, { status: error.status, code: error.graphCode, message: error.graphMessage });
  return typeof outcome === 'function' ? new outcome(error) : error;
}
