// The route template of a Graph path, for log lines and request counters: ids, UPNs and keys become `{id}`, the
// query is dropped. `/teams/3f2c…/members?$top=999` → `/teams/{id}/members`. Callers that know better pass `route`.

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isIdLike(segment: string): boolean {
  if (GUID.test(segment) || segment.includes('@') || segment.includes('%40')) return true;
  // Opaque ids (membership ids, event ids, operation ids) are long and mix letters with digits.
  return segment.length >= 16 && /\d/.test(segment) && /[A-Za-z]/.test(segment);
}

export function routeTemplateOf(path: string): string {
  let pathname = path;
  if (/^https?:\/\//i.test(pathname)) pathname = new URL(pathname).pathname.replace(/^\/v1\.0(?=\/|$)/, '');
  pathname = pathname.split('?')[0] ?? '';
  const segments = pathname.split('/').map((segment) => {
    // `teams('…')` / `users('a@x')` key syntax.
    const keyed = /^([A-Za-z$.]+)\((?:'[^']*'|[^)=]*)\)$/.exec(decodeURIComponentSafe(segment));
    if (keyed) return `${keyed[1]}/{id}`;
    return isIdLike(segment) ? '{id}' : segment;
  });
  const route = segments.join('/');
  return route.startsWith('/') ? route : `/${route}`;
}

function decodeURIComponentSafe(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
