// The identity platform's error answers, in Microsoft's three forms (GRAPH-FACTS §1):
// - token endpoint: JSON `{error, error_description: "AADSTSn: …\r\nTrace ID: …\r\nCorrelation ID: …\r\nTimestamp: …",
//   error_codes, timestamp, trace_id, correlation_id[, suberror]}`, HTTP 400 (401 for invalid_client);
// - authorize, once the redirect URI is trusted: a redirect with `error`, `error_description` and `state`;
// - authorize, before that (unknown app, unregistered redirect URI): an HTML error page — never a redirect.
import { randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { errorPage } from './pages/error-page.js';

export interface AadError {
  /** OAuth error, e.g. `invalid_grant`. */
  error: string;
  /** The AADSTS number. */
  code: number;
  /** Microsoft's message text, without the `AADSTSn: ` prefix. */
  message: string;
  suberror?: string;
}

export function aadError(error: string, code: number, message: string, suberror?: string): AadError {
  return suberror ? { error, code, message, suberror } : { error, code, message };
}

/** `2024-05-01 10:11:12Z`: the timestamp format of Microsoft's error descriptions. */
function aadTimestamp(nowMs: number): string {
  return `${new Date(nowMs).toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

function describe(err: AadError, nowMs: number, traceId: string, correlationId: string): string {
  return `AADSTS${err.code}: ${err.message}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${aadTimestamp(nowMs)}`;
}

/** Microsoft answers `invalid_client` with 401; everything else with 400. */
export function tokenErrorStatus(err: AadError): number {
  return err.error === 'invalid_client' ? 401 : 400;
}

export function tokenErrorBody(err: AadError, nowMs: number, correlationId?: string) {
  const traceId = randomUUID();
  const correlation = correlationId ?? randomUUID();
  return {
    error: err.error,
    error_description: describe(err, nowMs, traceId, correlation),
    error_codes: [err.code],
    timestamp: aadTimestamp(nowMs),
    trace_id: traceId,
    correlation_id: correlation,
    ...(err.suberror ? { suberror: err.suberror } : {}),
    error_uri: `https://login.microsoftonline.com/error?code=${err.code}`,
  };
}

export function sendTokenError(reply: FastifyReply, err: AadError, nowMs: number, correlationId?: string) {
  return reply
    .status(tokenErrorStatus(err))
    .header('content-type', 'application/json; charset=utf-8')
    .header('cache-control', 'no-store, no-cache')
    .send(tokenErrorBody(err, nowMs, correlationId));
}

/** The redirect form: only ever to a redirect URI already checked against the app's registration. */
export function errorRedirectUrl(redirectUri: string, err: AadError, nowMs: number, state: string | undefined): string {
  const url = new URL(redirectUri);
  url.searchParams.set('error', err.error);
  url.searchParams.set('error_description', describe(err, nowMs, randomUUID(), randomUUID()));
  if (err.suberror) url.searchParams.set('error_subcode', err.suberror);
  if (state !== undefined) url.searchParams.set('state', state);
  return url.toString();
}

/** The page form, for errors where redirecting would be unsafe or impossible. */
export function sendErrorPage(reply: FastifyReply, err: AadError, nowMs: number) {
  return reply
    .status(400)
    .header('content-type', 'text/html; charset=utf-8')
    .send(errorPage(`AADSTS${err.code}: ${err.message}`, randomUUID(), aadTimestamp(nowMs)));
}
