// Checks for URLs: the site's address, Microsoft's endpoints (https, except a local emulator) and database URLs.
// Passwords in database URLs are replaced by *** in every message.
import { redactUrlPassword } from '../redact-url.js';
import { type Check, fail, ok } from './check.js';

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

function withoutTrailingSlash(value: string): string {
  return value.replace(/\/+$/, '');
}

/** localhost, 127.x.x.x and ::1: where plain http is acceptable, because nothing leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

/** ENTRADA_URL: absolute http(s), no query or fragment; a path is fine (sites often live under /elentra). */
export function checkSiteUrl(value: string): Check<string> {
  const url = parseUrl(value);
  const fix =
    'give the address people use to reach the site, e.g. https://elentra.example.edu (no trailing path to a page)';
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    return fail(`"${value}" is not an absolute http(s) URL`, fix);
  }
  if (url.search || url.hash || url.username || url.password) {
    return fail(`"${value}" has a query, fragment or user name`, fix);
  }
  return ok(withoutTrailingSlash(value));
}

/** MS_LOGIN_URL / MS_GRAPH_URL: tokens travel to these, so https unless the host is this machine (the emulator). */
export function checkMicrosoftUrl(defaultUrl: string): (value: string) => Check<string> {
  return (value) => {
    const url = parseUrl(value);
    const fix = `use ${defaultUrl} (the default), or http://localhost:PORT for the local emulator`;
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
      return fail(`"${value}" is not an absolute https URL`, fix);
    }
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
      return fail(`"${value}" uses http; tokens may only be sent over https (http is allowed for localhost only)`, fix);
    }
    return ok(withoutTrailingSlash(value));
  };
}

const DATABASE_URL_FIX =
  'use sqlite:data/elentra-teams.sqlite, mysql://user:password@host:3306/database (also mariadb://) or postgres://user:password@host:5432/database';

/** sqlite:PATH, mysql:// or mariadb://, postgres:// or postgresql://, with a database name for the servers. */
export function checkDatabaseUrl(value: string): Check<string> {
  const shown = `"${redactUrlPassword(value)}"`;
  if (value.startsWith('sqlite:')) {
    const path = value.slice('sqlite:'.length);
    if (path === '') return fail(`${shown} names no file`, DATABASE_URL_FIX);
    // sqlite://data/x would silently become the absolute path /data/x.
    if (path.startsWith('//'))
      return fail(`${shown} is not sqlite:PATH (write sqlite:PATH, without //)`, DATABASE_URL_FIX);
    return ok(value);
  }
  if (!/^(?:mysql|mariadb|postgres|postgresql):\/\//.test(value)) {
    return fail(`${shown} is not a database URL this program understands`, DATABASE_URL_FIX);
  }
  const url = parseUrl(value);
  if (!url?.hostname) return fail(`${shown} has no host name`, DATABASE_URL_FIX);
  if (!/^\/[^/]+$/.test(url.pathname))
    return fail(`${shown} names no database (…/database at the end)`, DATABASE_URL_FIX);
  return ok(value);
}
