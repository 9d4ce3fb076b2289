// What startEmulator accepts, and the defaults that turn it into EmulatorOptions (../context.ts).
import type { GraphOptions, TenantSeed } from './context.js';

export interface StartEmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the emulator is for this machine. Use 0.0.0.0 to reach it from a container's host. */
  host?: string;
  /** A tenant seed, or the path of a seed file. Default: emulator/seeds/default-tenant.json. */
  seed?: TenantSeed | string;
  /** With `login_hint` of a tenant user, authorize answers at once with the redirect (automation only). */
  autoConsent?: boolean;
  /** PEM certificate and key: serve HTTPS (for clients that insist on https). */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Extra latency on Graph answers. */
  latencyMs?: number;
  /** Seed for pseudo-random behaviour (fault rates, ids). Default 1. */
  randomSeed?: number;
  /** Access-token lifetime. Default 3599 (Microsoft's usual `expires_in`). */
  tokenLifetimeSeconds?: number;
  /** Refresh-token inactivity limit. Default 90 days, Microsoft's for web apps. */
  refreshInactivitySeconds?: number;
  /** The base URL clients use, when it differs from the listening address (a proxy, a container port mapping). */
  publicBaseUrl?: string;
  /** The clock, in epoch ms (tests move it instead of sleeping). Default Date.now. */
  now?: () => number;
  /** Graph timings and throttling limits (see GraphOptions in context.ts; defaults in behaviour/defaults.ts). */
  graph?: GraphOptions;
  /** Fastify's request logging. Default false. */
  logger?: boolean;
  /**
   * A JSON file that keeps the tenant's Graph data (groups, teams, members, events, operations, delta log) and the
   * identity platform's refresh tokens, access tokens and consents across restarts: read at start if it exists, saved
   * atomically after changes and on stop. Users and apps still come from the seed. Default: memory only.
   */
  statePath?: string;
}

export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3599;
export const DEFAULT_REFRESH_INACTIVITY_SECONDS = 90 * 24 * 60 * 60;
export const DEFAULT_RANDOM_SEED = 1;

/** `http://127.0.0.1:PORT`; a wildcard listening address is reached as localhost. */
export function baseUrlFor(scheme: 'http' | 'https', host: string, port: number): string {
  const reachable = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `${scheme}://${reachable}:${port}`;
}
