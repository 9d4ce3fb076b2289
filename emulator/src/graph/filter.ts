// `$filter` as the product uses it: eq, ne, in, startswith / endswith, `any()` lambdas, and / or / not, parentheses,
// type casts (`microsoft.graph.aadUserConversationMember/userId`). Directory string comparisons are case-insensitive,
// as Entra's are. `$select`, `$top` and paging: odata.ts.
import { graphError } from './errors.js';

export type FilterNode =
  | { kind: 'or' | 'and'; items: FilterNode[] }
  | { kind: 'not'; item: FilterNode }
  | { kind: 'cmp'; path: string; op: 'eq' | 'ne'; value: Literal }
  | { kind: 'in'; path: string; values: Literal[] }
  | { kind: 'func'; name: 'startswith' | 'endswith'; path: string; value: Literal }
  | { kind: 'any'; path: string; op: 'eq' | 'ne'; value: Literal };

export type Literal = string | number | boolean | null;

type Token = { t: 'str'; v: string } | { t: 'word'; v: string } | { t: 'punct'; v: string };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i] ?? '';
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === "'") {
      let value = '';
      i += 1;
      for (;;) {
        if (i >= input.length) throw invalid('unterminated string literal');
        if (input[i] === "'" && input[i + 1] === "'") {
          value += "'";
          i += 2;
        } else if (input[i] === "'") {
          i += 1;
          break;
        } else {
          value += input[i];
          i += 1;
        }
      }
      tokens.push({ t: 'str', v: value });
    } else if ('(),:'.includes(ch)) {
      tokens.push({ t: 'punct', v: ch });
      i += 1;
    } else {
      const m = /^[A-Za-z0-9_.$/@#+-]+/.exec(input.slice(i));
      if (!m) throw invalid(`unexpected '${ch}'`);
      tokens.push({ t: 'word', v: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

function invalid(detail: string): Error {
  return graphError('invalidFilter', { detail });
}

/** Drops an OData type cast prefix: `microsoft.graph.aadUserConversationMember/userId` → `userId`. */
function stripCast(path: string): string {
  return path.replace(/^microsoft\.graph\.[A-Za-z]+\//, '');
}

export function parseFilter(input: string): FilterNode {
  const tokens = tokenize(input);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const word = (v: string): boolean => {
    const tok = peek();
    return tok?.t === 'word' && tok.v.toLowerCase() === v;
  };
  const expect = (v: string): void => {
    const tok = tokens[pos];
    if (tok?.t !== 'punct' || tok.v !== v) throw invalid(`expected '${v}'`);
    pos += 1;
  };
  const literal = (): Literal => {
    const tok = tokens[pos];
    if (!tok) throw invalid('expected a value');
    pos += 1;
    if (tok.t === 'str') return tok.v;
    if (tok.t === 'word') {
      const lower = tok.v.toLowerCase();
      if (lower === 'true') return true;
      if (lower === 'false') return false;
      if (lower === 'null') return null;
      if (/^-?\d+(\.\d+)?$/.test(tok.v)) return Number(tok.v);
      // Unquoted GUIDs are accepted by Graph in some places (e.g. `resourceId eq 8e88…`).
      if (/^[0-9a-f-]{36}$/i.test(tok.v)) return tok.v;
    }
    throw invalid(`unexpected '${tok.v}'`);
  };
  const op = (): 'eq' | 'ne' => {
    if (word('eq') || word('ne')) {
      const v = (tokens[pos] as Token).v.toLowerCase() as 'eq' | 'ne';
      pos += 1;
      return v;
    }
    throw invalid(`unsupported operator '${peek()?.v ?? ''}'`);
  };
  const orExpr = (): FilterNode => {
    const items = [andExpr()];
    while (word('or')) {
      pos += 1;
      items.push(andExpr());
    }
    return items.length === 1 ? (items[0] as FilterNode) : { kind: 'or', items };
  };
  const andExpr = (): FilterNode => {
    const items = [unary()];
    while (word('and')) {
      pos += 1;
      items.push(unary());
    }
    return items.length === 1 ? (items[0] as FilterNode) : { kind: 'and', items };
  };
  const unary = (): FilterNode => {
    if (word('not')) {
      pos += 1;
      return { kind: 'not', item: unary() };
    }
    return primary();
  };
  const primary = (): FilterNode => {
    const tok = peek();
    if (tok?.t === 'punct' && tok.v === '(') {
      pos += 1;
      const inner = orExpr();
      expect(')');
      return inner;
    }
    if (tok?.t !== 'word') throw invalid('expected a property');
    pos += 1;
    const name = tok.v.toLowerCase();
    if ((name === 'startswith' || name === 'endswith') && peek()?.v === '(') {
      expect('(');
      const pathTok = tokens[pos];
      if (pathTok?.t !== 'word') throw invalid('expected a property');
      pos += 1;
      expect(',');
      const value = literal();
      expect(')');
      return { kind: 'func', name, path: stripCast(pathTok.v), value };
    }
    const lambda = /^(.*)\/(any)$/i.exec(tok.v);
    if (lambda && peek()?.v === '(') {
      expect('(');
      const variable = tokens[pos];
      if (variable?.t !== 'word') throw invalid('expected a lambda variable');
      pos += 1;
      expect(':');
      const subject = tokens[pos];
      if (subject?.t !== 'word' || subject.v !== variable.v) throw invalid('unsupported lambda expression');
      pos += 1;
      const o = op();
      const value = literal();
      expect(')');
      return { kind: 'any', path: stripCast(lambda[1] ?? ''), op: o, value };
    }
    const path = stripCast(tok.v);
    if (word('in')) {
      pos += 1;
      expect('(');
      const values = [literal()];
      while (peek()?.v === ',') {
        pos += 1;
        values.push(literal());
      }
      expect(')');
      return { kind: 'in', path, values };
    }
    const o = op();
    return { kind: 'cmp', path, op: o, value: literal() };
  };
  const root = orExpr();
  if (pos !== tokens.length) throw invalid(`unexpected '${tokens[pos]?.v ?? ''}'`);
  return root;
}

/** Every property path the filter reads. */
export function filterPaths(node: FilterNode): string[] {
  switch (node.kind) {
    case 'or':
    case 'and':
      return node.items.flatMap(filterPaths);
    case 'not':
      return filterPaths(node.item);
    default:
      return [node.path];
  }
}

/** The largest number of OR'ed child clauses (an `in` list counts as one clause per value). */
export function maxOrClauses(node: FilterNode): number {
  switch (node.kind) {
    case 'or':
      return Math.max(node.items.length, ...node.items.map(maxOrClauses));
    case 'and':
      return Math.max(0, ...node.items.map(maxOrClauses));
    case 'not':
      return maxOrClauses(node.item);
    case 'in':
      return node.values.length;
    default:
      return 1;
  }
}

/**
 * An `in` list's string values in lower case, computed once per parsed filter: a directory look-up evaluates the same
 * 15 values against every user, and lower-casing them again for each user made the emulator (not the product) the
 * bottleneck of the benchmark's people look-ups.
 */
const LOWER_IN_VALUES = new WeakMap<FilterNode, Set<string>>();

function lowerStrings(node: Extract<FilterNode, { kind: 'in' }>): Set<string> {
  let set = LOWER_IN_VALUES.get(node);
  if (set === undefined) {
    set = new Set(node.values.flatMap((v) => (typeof v === 'string' ? [v.toLowerCase()] : [])));
    LOWER_IN_VALUES.set(node, set);
  }
  return set;
}

function same(a: unknown, b: Literal): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return a === b;
}

export function evaluate(node: FilterNode, get: (path: string) => unknown): boolean {
  switch (node.kind) {
    case 'or':
      return node.items.some((n) => evaluate(n, get));
    case 'and':
      return node.items.every((n) => evaluate(n, get));
    case 'not':
      return !evaluate(node.item, get);
    case 'cmp': {
      const eq = same(get(node.path) ?? null, node.value);
      return node.op === 'eq' ? eq : !eq;
    }
    case 'in': {
      const actual = get(node.path) ?? null;
      if (typeof actual === 'string') return lowerStrings(node).has(actual.toLowerCase());
      return node.values.some((v) => same(actual, v));
    }
    case 'func': {
      const actual = get(node.path);
      if (typeof actual !== 'string' || typeof node.value !== 'string') return false;
      const a = actual.toLowerCase();
      const v = node.value.toLowerCase();
      return node.name === 'startswith' ? a.startsWith(v) : a.endsWith(v);
    }
    case 'any': {
      const actual = get(node.path);
      if (!Array.isArray(actual)) return false;
      return actual.some((item) => (node.op === 'eq' ? same(item, node.value) : !same(item, node.value)));
    }
  }
}
