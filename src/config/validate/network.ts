// Checks for where the web app listens and whom it believes about the client's address: HOST (the listen address)
// and TRUST_PROXY (which reverse proxies may set X-Forwarded-For / -Proto / -Host, as Fastify's `trustProxy` takes it).
import { isIP } from 'node:net';
import { type Check, fail, ok } from './check.js';

/** The trusted-proxy names Fastify (proxy-addr) understands besides addresses and CIDR ranges. */
export const PROXY_ADDRESS_NAMES = ['loopback', 'linklocal', 'uniquelocal'] as const;

/** `false` (the default: the TCP peer is the client), `true` (trust every hop), or the trusted proxies. */
export type TrustProxy = boolean | readonly string[];

const TRUST_PROXY_FIX =
  'set it to 0 (no proxy), 1 (trust every proxy), or the comma-separated addresses or CIDR ranges of your proxies, e.g. 127.0.0.1,10.0.0.0/8 (loopback, linklocal and uniquelocal are also understood)';

/** An IPv4/IPv6 address, optionally with a /prefix of the right size, or one of PROXY_ADDRESS_NAMES. */
function isProxyAddress(entry: string): boolean {
  if ((PROXY_ADDRESS_NAMES as readonly string[]).includes(entry)) return true;
  const slash = entry.indexOf('/');
  const address = slash === -1 ? entry : entry.slice(0, slash);
  const version = isIP(address);
  if (version === 0) return false;
  if (slash === -1) return true;
  const prefix = entry.slice(slash + 1);
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

export function checkTrustProxy(value: string): Check<TrustProxy> {
  const flag = value.trim().toLowerCase();
  if (['0', 'false', 'no'].includes(flag)) return ok(false);
  if (['1', 'true', 'yes'].includes(flag)) return ok(true);
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const wrong = entries.filter((entry) => !isProxyAddress(entry));
  if (entries.length === 0 || wrong.length > 0) {
    const what = wrong.length > 0 ? wrong.map((entry) => `"${entry}"`).join(', ') : `"${value}"`;
    return fail(
      `${what} ${wrong.length > 1 ? 'are' : 'is'} not 0, 1 or a proxy address or CIDR range`,
      TRUST_PROXY_FIX,
    );
  }
  return ok(Object.freeze([...new Set(entries)]));
}

/** HOST: an IPv4 or IPv6 address to listen on, or a host name of this machine (localhost). */
export function checkListenHost(value: string): Check<string> {
  const host = value.trim();
  const hostName =
    /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
  if (isIP(host) !== 0 || (hostName.test(host) && !/^[\d.]+$/.test(host))) return ok(host);
  return fail(
    `"${value}" is not an address to listen on`,
    'use 0.0.0.0 (every interface, the default), 127.0.0.1 (this machine only, behind a local proxy), :: or an address of this server',
  );
}

/** The value for Fastify's `trustProxy` option (which wants a mutable list). */
export function trustProxyOption(value: TrustProxy): boolean | string[] {
  return typeof value === 'boolean' ? value : [...value];
}
