// Typed failures of Graph requests. Branch on `status` and `graphCode`, never on Microsoft's message (GRAPH-FACTS §2).
// The public message says what happened and what to do in words; Microsoft's own message and a truncated body stay
// in fields for the logs. The endpoint modules (users.ts, teams.ts, …) decide which answers are expected.
import { AppError } from '../../lib/errors.js';

export interface GraphErrorDetails {
  method: string;
  /** The route template, e.g. `/teams/{id}/members`: never the raw path, which may hold e-mail addresses. */
  route: string;
  status: number;
  /** Graph's `error.code`, e.g. `Request_ResourceNotFound`; `unknown` when the body had none. */
  graphCode: string;
  /** Graph's `error.message`: for logs only. */
  graphMessage: string;
  requestId: string | null;
  retryAfterSeconds?: number | undefined;
}

function summaryFor(
  status: number,
  retryAfterSeconds: number | undefined,
): { code: string; text: string; docs: string } {
  if (status === 401) {
    return {
      code: 'graph.unauthorized',
      text: 'Microsoft Graph did not accept the access token, even after a refresh. An administrator may need to press Re-authorize on the Microsoft Account page.',
      docs: 'microsoft-authorization-expired',
    };
  }
  if (status === 403) {
    return {
      code: 'graph.forbidden',
      text: 'The authorized Microsoft account is not allowed to do this. Check that every permission in MS_OAUTH_SCOPES was granted (Microsoft Account page) and that the account may manage this team or group.',
      docs: 'graph-forbidden',
    };
  }
  if (status === 404)
    return { code: 'graph.not_found', text: 'Microsoft Graph did not find it.', docs: 'graph-not-found' };
  if (status === 409)
    return { code: 'graph.conflict', text: 'Microsoft Graph reported a conflict.', docs: 'graph-errors' };
  if (status === 429) {
    const when = retryAfterSeconds === undefined ? 'later' : `in ${retryAfterSeconds} seconds`;
    return {
      code: 'graph.throttled',
      text: `Microsoft is throttling requests; it will be tried again ${when}.`,
      docs: 'graph-throttled',
    };
  }
  if (status >= 500) {
    return {
      code: 'graph.unavailable',
      text: 'Microsoft Graph is having trouble; it will be tried again.',
      docs: 'graph-unavailable',
    };
  }
  return { code: 'graph.rejected', text: 'Microsoft Graph refused the request.', docs: 'graph-errors' };
}

export class GraphError extends AppError {
  readonly method: string;
  readonly route: string;
  readonly status: number;
  readonly graphCode: string;
  readonly graphMessage: string;
  readonly requestId: string | null;

  constructor(details: GraphErrorDetails, cause?: unknown) {
    const summary = summaryFor(details.status, details.retryAfterSeconds);
    const where = `${details.method} ${details.route}: HTTP ${details.status} ${details.graphCode}`;
    super(`${summary.text} (${where}${details.requestId ? `, request-id ${details.requestId}` : ''})`, {
      code: summary.code,
      docs: summary.docs,
      retryAfterSeconds: details.retryAfterSeconds,
      cause,
    });
    this.method = details.method;
    this.route = details.route;
    this.status = details.status;
    this.graphCode = details.graphCode;
    this.graphMessage = details.graphMessage;
    this.requestId = details.requestId;
  }
}

/** No answer at all: connection refused or reset, timeout, DNS. Whether a write happened is unknown. */
export class GraphNetworkError extends AppError {
  readonly method: string;
  readonly route: string;

  constructor(method: string, route: string, cause: unknown, timedOut: boolean) {
    const what = timedOut ? 'did not answer in time' : 'could not be reached';
    super(`Microsoft Graph ${what} (${method} ${route}). It will be tried again.`, {
      code: timedOut ? 'graph.timeout' : 'graph.network',
      docs: 'microsoft-unreachable',
      cause,
    });
    this.method = method;
    this.route = route;
  }
}

/** Graph's error body `{"error":{"code","message"}}` → code and message (GRAPH-FACTS §2), tolerant of anything else. */
export function graphErrorFields(body: unknown): { graphCode: string; graphMessage: string } {
  const error = typeof body === 'object' && body !== null && 'error' in body ? body.error : undefined;
  if (typeof error !== 'object' || error === null) return { graphCode: 'unknown', graphMessage: '' };
  const code = 'code' in error && typeof error.code === 'string' ? error.code : 'unknown';
  const message = 'message' in error && typeof error.message === 'string' ? error.message : '';
  return { graphCode: code, graphMessage: message };
}
