// The shapes every Graph route works with: one request in (a top-level HTTP request or a `$batch` inner request),
// one answer out. Route modules return answers; the pipeline (pipeline.ts) adds auth, throttling, faults, the standard
// headers and the request log, and index.ts / batch.ts turn answers into HTTP.

import type { FaultRule } from '../behaviour/index.js';
import type { AccessGrant, EmulatorContext } from '../context.js';
import type { GraphState } from './state.js';

export interface GraphRequest {
  method: string;
  /** Path below `/v1.0`, still percent-encoded, keys normalized (`/teams('x')` → `/teams/x`), e.g. `/teams/x/members`. */
  path: string;
  query: URLSearchParams;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** Parsed JSON body, `undefined` when there was none. */
  body: unknown;
  /** The body was not valid JSON (answered 400 once the route and token are checked). */
  invalidBody?: boolean;
  /** Set for `$batch` inner requests. */
  inner?: { batchSeq: number; id: string };
  /** The request-log sequence number reserved for this request (a batch marks its inner requests with it). */
  seq?: number;
}

export interface GraphResponse {
  status: number;
  headers: Record<string, string>;
  /** JSON body; `undefined` for none (204, 202). */
  body?: unknown;
  /** Drop the connection instead of answering (a connection-level fault fired inside a `$batch`). */
  drop?: FaultRule;
}

/** What a route handler gets. */
export interface RouteContext {
  ctx: EmulatorContext;
  state: GraphState;
  grant: AccessGrant;
  req: GraphRequest;
  /** Decoded path parameters. */
  params: Record<string, string>;
  /** A fired fault the handler must act out (`failed-operation`, `meeting-missing`), if any. */
  fault: FaultRule | null;
  /** `https://host:port/v1.0`, for `@odata.context`, next links and Location headers. */
  graphBase: string;
  nowMs: number;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): GraphResponse {
  return { status, headers, body };
}

export function noContent(headers: Record<string, string> = {}): GraphResponse {
  return { status: 204, headers };
}

export function accepted(headers: Record<string, string>): GraphResponse {
  // Microsoft: `202 Accepted`, `Content-Length: 0`, `Location`, `Content-Location` (team-post.md, team-archive.md).
  return { status: 202, headers };
}

/** A JSON body as an object, or null (not an object). */
export function bodyObject(req: GraphRequest): Record<string, unknown> | null {
  const b = req.body;
  return b !== null && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : null;
}

export function stringField(body: Record<string, unknown> | null, name: string): string | undefined {
  const v = body?.[name];
  return typeof v === 'string' ? v : undefined;
}

/** `2026-09-14T08:30:00Z` (directory timestamps have whole seconds). */
export function isoSeconds(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** `2026-09-14T08:30:00.1234567Z` (Outlook timestamps have 7 fractional digits). */
export function isoTicks(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}0000Z`;
}
