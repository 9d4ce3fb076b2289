// OData query options other than `$filter` (filter.ts): `$select`, `$top`, and opaque paging tokens and next links.
import { graphError } from './errors.js';

/** `$select` as a list, or null when absent. */
export function selectList(query: URLSearchParams): string[] | null {
  const raw = query.get('$select');
  if (!raw) return null;
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Keeps only the selected properties (and `@odata.*` annotations, and `alwaysKeep`); 400 for a property the type does
 * not have.
 */
export function project(
  entity: Record<string, unknown>,
  select: string[] | null,
  known: readonly string[],
  typeName: string,
  alwaysKeep: readonly string[] = [],
): Record<string, unknown> {
  if (!select) return entity;
  for (const name of select) {
    if (!known.includes(name)) throw graphError('unknownSelectProperty', { property: name, type: typeName });
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entity)) {
    if (key.startsWith('@odata.') || select.includes(key) || alwaysKeep.includes(key)) out[key] = value;
  }
  for (const name of select) if (!(name in out)) out[name] = null;
  return out;
}

/** `$top` bounded to [1, max], default when absent; 400 when not a positive integer. */
export function topOf(query: URLSearchParams, defaultTop: number, maxTop: number): number {
  const raw = query.get('$top');
  if (raw === null) return defaultTop;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw graphError('invalidFilter', { detail: `invalid $top '${raw}'` });
  return Math.min(Number(raw), maxTop);
}

// Paging tokens are opaque to clients (GRAPH-FACTS §9: never build or parse them): JSON, XOR-scrambled, base64url.
const TOKEN_KEY = 'elentra-graph-emulator';

export function encodeToken(value: unknown): string {
  const bytes = Buffer.from(JSON.stringify(value), 'utf8');
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = (bytes[i] ?? 0) ^ TOKEN_KEY.charCodeAt(i % TOKEN_KEY.length);
  return bytes.toString('base64url');
}

export function decodeToken<T>(token: string, check: (v: unknown) => v is T): T | null {
  try {
    const bytes = Buffer.from(token, 'base64url');
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = (bytes[i] ?? 0) ^ TOKEN_KEY.charCodeAt(i % TOKEN_KEY.length);
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return check(value) ? value : null;
  } catch {
    return null;
  }
}

interface PageToken {
  o: number;
}
const isPageToken = (v: unknown): v is PageToken =>
  typeof v === 'object' && v !== null && typeof (v as { o?: unknown }).o === 'number';

/** The offset a `$skiptoken` stands for (0 without one); 400 for a token this emulator did not issue. */
export function pageOffset(query: URLSearchParams): number {
  const token = query.get('$skiptoken');
  if (token === null) return 0;
  const decoded = decodeToken(token, isPageToken);
  if (!decoded || decoded.o < 0) throw graphError('badSkipToken');
  return decoded.o;
}

/**
 * One page of `items` and, when more remain, the `@odata.nextLink`: the same URL with a fresh `$skiptoken`.
 */
export function page<T>(
  items: T[],
  query: URLSearchParams,
  url: string,
  top: number,
): { value: T[]; nextLink?: string } {
  const offset = pageOffset(query);
  const value = items.slice(offset, offset + top);
  if (offset + top >= items.length) return { value };
  const next = new URLSearchParams(query);
  next.set('$skiptoken', encodeToken({ o: offset + top }));
  return { value, nextLink: `${url}?${odataQueryString(next)}` };
}

/** A query string that keeps `$` and `,` readable, as Graph's links do. */
export function odataQueryString(query: URLSearchParams): string {
  return [...query.entries()]
    .map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%24/g, '$').replace(/%2C/g, ',').replace(/%20/g, '%20')}`)
    .join('&');
}
