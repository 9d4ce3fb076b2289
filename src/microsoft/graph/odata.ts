// OData text for Graph queries: string literals in `$filter` (single quotes doubled, OData ABNF `SQUOTE-in-string`),
// `in` lists, and query strings encoded once, with `$` kept literal in option names as Graph's docs write them.

/** `O'Brien@x` → `'O''Brien@x'`. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** `mail in ('a@x','b@x')`; Graph takes at most 15 values in one `in` (GRAPH-FACTS §5). */
export function odataIn(property: string, values: readonly string[]): string {
  return `${property} in (${values.map(odataString).join(',')})`;
}

export type QueryValue = string | number | boolean | undefined;

/** `{ $filter: "mail eq 'a+b@x'", $top: 999 }` → `?$filter=mail%20eq%20'a%2Bb%40x'&$top=999`; empty → ''. */
export function queryString(query: Readonly<Record<string, QueryValue>> | undefined): string {
  if (query === undefined) return '';
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key).replace(/^%24/, '$')}=${encodeURIComponent(String(value))}`);
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}
