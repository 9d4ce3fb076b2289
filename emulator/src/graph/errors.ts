// Graph's error answers: `{"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}`
// (GRAPH-FACTS §2). The catalogue of codes and messages lives in emulator/fixtures/graph-errors.json, shared with the
// product's tests; each entry says where it was seen and whether it is verified.
import { readFileSync } from 'node:fs';
import type { GraphResponse } from './http.js';

export interface CatalogueEntry {
  status: number;
  code: string;
  message: string;
  verified: boolean;
  source: string;
}

const catalogue = (
  JSON.parse(readFileSync(new URL('../../fixtures/graph-errors.json', import.meta.url), 'utf8')) as {
    errors: Record<string, CatalogueEntry>;
  }
).errors;

export type ErrorName = keyof typeof catalogue & string;

/** Thrown by route code; the pipeline turns it into the answer. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The catalogue entry `name`, with `{placeholders}` filled in. */
export function graphError(
  name: string,
  params: Record<string, string | number> = {},
  headers: Record<string, string> = {},
): GraphError {
  const entry = catalogue[name];
  if (!entry) throw new Error(`Unknown Graph error '${name}'`);
  const message = entry.message.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
  return new GraphError(entry.status, entry.code, message, headers);
}

export function catalogueEntry(name: string): CatalogueEntry | undefined {
  return catalogue[name];
}

/** The error body with its innerError; `date` has whole seconds and no zone, as Graph writes it. */
export function errorBody(
  code: string,
  message: string,
  requestId: string,
  clientRequestId: string,
  nowMs: number,
): unknown {
  return {
    error: {
      code,
      message,
      innerError: {
        date: new Date(nowMs).toISOString().slice(0, 19),
        'request-id': requestId,
        'client-request-id': clientRequestId,
      },
    },
  };
}

export function errorResponse(
  error: GraphError,
  requestId: string,
  clientRequestId: string,
  nowMs: number,
): GraphResponse {
  return {
    status: error.status,
    headers: { ...error.headers },
    body: errorBody(error.code, error.message, requestId, clientRequestId, nowMs),
  };
}
