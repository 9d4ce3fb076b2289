// One Graph request together with the code that reads its answer, so that the same call can be sent alone
// (`perform`) or packed with other teams' small operations into `$batch` envelopes (`performBatch`, ./batch.ts).
// The endpoint modules (groups.ts, teams.ts, members.ts, events.ts) build calls; their readers apply the module's
// table of expected answers (./expected-answers.ts). A reader sees the same `BatchResult` shape either way: a direct
// request's GraphError is turned back into Graph's error body, so the table decides, not the transport.
import { AppError } from '../../lib/errors.js';
import type { BatchRequest, BatchResult } from './batch.js';
import { GraphError } from './graph-error.js';
import type { GraphClient } from './http.js';

export interface GraphCall<R> {
  /** The request as it travels in a `$batch`: relative url with its query; `id` unique within one batch. */
  request: BatchRequest;
  /** Route template for logs, counters and errors, e.g. `/teams/{id}/members/add`. */
  route: string;
  /** Key for the client's limiter: `team:{id}` (4 rps per team), `mailbox:{groupId}` (4 concurrent per mailbox). */
  limiterKey?: string;
  /** Safe to send again after a lost answer (members/add, an event create with transactionId). */
  repeatable?: boolean;
  /** Reads the answer, 2xx or not; throws a typed AppError for a refusal it does not expect to ignore. */
  read(answer: BatchResult): R;
}

export type Settled<R> = { id: string; ok: true; value: R } | { id: string; ok: false; error: AppError };

/** Graph's error body for an answer the client raised as a GraphError (direct requests). */
function answerOfError(id: string, error: GraphError): BatchResult {
  const headers: Record<string, string> = {};
  if (error.requestId) headers['request-id'] = error.requestId;
  if (error.retryAfterSeconds !== undefined) headers['retry-after'] = String(error.retryAfterSeconds);
  return { id, status: error.status, headers, body: { error: { code: error.graphCode, message: error.graphMessage } } };
}

/** Sends one call on its own (with the client's retries) and reads its answer. */
export async function perform<R>(client: GraphClient, call: GraphCall<R>, signal?: AbortSignal): Promise<R> {
  const { request } = call;
  let answer: BatchResult;
  try {
    const response = await client.request({
      method: request.method,
      path: request.url,
      route: call.route,
      body: request.body,
      ...(request.headers ? { headers: request.headers } : {}),
      ...(call.limiterKey ? { limiterKey: call.limiterKey } : {}),
      ...(signal ? { signal } : {}),
      retryNonIdempotent: call.repeatable === true,
    });
    answer = { id: request.id, status: response.status, headers: { ...response.headers }, body: response.body };
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    answer = answerOfError(request.id, error);
  }
  return call.read(answer);
}

function asAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new AppError('Microsoft Graph answered in a shape this version does not understand.', {
    code: 'graph.unexpected_answer',
    docs: 'graph-errors',
    cause: error,
  });
}

/**
 * Sends calls in `$batch` envelopes of ≤ 20 (inner throttling retried by the client) and settles each one: a value,
 * or the typed error its reader raised. Never throws for one call's failure; throws only if a whole envelope fails.
 */
export async function performBatch<R>(
  client: GraphClient,
  calls: ReadonlyArray<GraphCall<R>>,
  options: { limiterKey?: string; signal?: AbortSignal } = {},
): Promise<Array<Settled<R>>> {
  const results = await client.batch(
    calls.map((call) => call.request),
    options,
  );
  return calls.map((call): Settled<R> => {
    const id = call.request.id;
    const answer = results.get(id);
    try {
      if (!answer)
        throw new AppError(`Microsoft Graph did not answer request ${id} of a batch.`, {
          code: 'graph.unexpected_answer',
        });
      return { id, ok: true, value: call.read(answer) };
    } catch (error) {
      return { id, ok: false, error: asAppError(error) };
    }
  });
}
