// Graph's route table: each route names its method, path pattern, the scopes that may call it (scopes.ts), how it is
// throttled and its handler. Paths are matched still percent-encoded, after OData key syntax is normalized
// (`/teams('x')/operations('y')` → `/teams/x/operations/y`, as the `Location` of a new team reads).
import type { ThrottleTarget } from '../behaviour/index.js';
import type { GraphRequest, GraphResponse, RouteContext } from './http.js';
import type { ScopeRule } from './scopes.js';

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** e.g. `/teams/{teamId}/members`; `{name}` is one path segment. */
  pattern: string;
  /** Overrides the regex built from `pattern` (named groups are the params). */
  regex?: RegExp;
  scopes: ScopeRule;
  throttle: (params: Record<string, string>, req: GraphRequest) => ThrottleTarget;
  handler: (rc: RouteContext) => GraphResponse | Promise<GraphResponse>;
}

interface CompiledRoute {
  route: Route;
  regex: RegExp;
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'wrong-method' }
  | { kind: 'none'; segment: string };

export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(...routes: Route[]): void {
    for (const route of routes) this.routes.push({ route, regex: route.regex ?? compile(route.pattern) });
  }

  match(method: string, path: string): RouteMatch {
    let pathMatched = false;
    for (const { route, regex } of this.routes) {
      const m = regex.exec(path);
      if (!m) continue;
      if (route.method !== method) {
        pathMatched = true;
        continue;
      }
      const params: Record<string, string> = {};
      for (const [name, value] of Object.entries(m.groups ?? {})) params[name] = safeDecode(value ?? '');
      return { kind: 'found', route, params };
    }
    if (pathMatched) return { kind: 'wrong-method' };
    const segments = path.split('/').filter(Boolean);
    return { kind: 'none', segment: safeDecode(segments[segments.length - 1] ?? '') };
  }
}

function compile(pattern: string): RegExp {
  const source = pattern
    .split('/')
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (param) return `(?<${param[1]}>[^/]+)`;
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${source}/?$`);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Normalizes a raw path below `/v1.0`: decodes `( ) ' =` so that key syntax can be recognised, and turns
 * `name('key')` / `name(key)` segments into `name/key`. Function segments such as
 * `supportedTimeZones(TimeZoneStandard=microsoft.graph.timeZoneStandard'Iana')` are left alone.
 */
export function normalizePath(rawPath: string): string {
  const segments = rawPath.split('/').map((segment) => {
    const readable = segment.replace(/%28/gi, '(').replace(/%29/gi, ')').replace(/%27/gi, "'").replace(/%3D/gi, '=');
    const key = /^([A-Za-z$.]+)\(('?)([^'()=]*)\2\)$/.exec(readable);
    if (key) return `${key[1]}/${key[3]}`;
    return readable;
  });
  const path = segments.join('/');
  return path.startsWith('/') ? path : `/${path}`;
}
