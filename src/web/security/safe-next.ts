// Where to go after sign-in (`?next=`): only a path on this site. Anything that a browser could read as another
// origin is refused and replaced by the home page: absolute URLs (`https://evil`), scheme-relative (`//evil`),
// backslashes (browsers treat `/\evil` as `//evil`), control characters and whitespace tricks, other schemes.
const MAX_LENGTH = 1024;
const BASE = 'http://next.invalid';

/** Pages that make no sense to return to after signing in. */
const NOT_A_DESTINATION = new Set(['/sign-in', '/sign-out']);

/** Backslashes, whitespace and ASCII control characters: browsers "repair" them into other URLs. */
function hasUnsafeCharacter(text: string): boolean {
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f || char === '\\' || /\s/.test(char)) return true;
  }
  return false;
}

export function safeNextPath(next: unknown, fallback = '/'): string {
  if (typeof next !== 'string' || next.length === 0 || next.length > MAX_LENGTH) return fallback;
  if (!next.startsWith('/') || next.startsWith('//')) return fallback;
  if (hasUnsafeCharacter(next) || /^\/%(2f|5c)/i.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  if (NOT_A_DESTINATION.has(url.pathname)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
