// Composes the emulator: one Fastify instance on one port serving the identity platform (`/{tenant}/oauth2/v2.0/…`,
// identity/), Graph (`/v1.0/…`, graph/, with behaviour/ hooks) and the control API (`/_emulator/…`, control/ and
// graph/control.ts). loginUrl and graphUrl are the same base URL: the product appends the paths, as it does to
// login.microsoftonline.com and graph.microsoft.com. Tests call startEmulator; main.ts is the standalone program.
import { createServer as createHttpsServer } from 'node:https';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerBehaviourHooks } from './behaviour/index.js';
import type { EmulatorContext, EmulatorOptions, TenantSeed } from './context.js';
import { tenantFromSeed } from './context.js';
import { registerControlRoutes } from './control/index.js';
import { registerViewerRoute } from './control/viewer.js';
import { registerGraphControlRoutes } from './graph/control.js';
import { getGraphState, registerGraphRoutes } from './graph/index.js';
import { registerFormParser } from './identity/form.js';
import { createIdentity, registerIdentityRoutes } from './identity/index.js';
import {
  baseUrlFor,
  DEFAULT_RANDOM_SEED,
  DEFAULT_REFRESH_INACTIVITY_SECONDS,
  DEFAULT_TOKEN_LIFETIME_SECONDS,
  type StartEmulatorOptions,
} from './options.js';
import { openStateFile, type StateFile, type StateFileLoad } from './state-file.js';
import { DEFAULT_SEED_PATH, loadSeedFile, requireTenantSeed } from './tenant/load-seed.js';

export type { StartEmulatorOptions } from './options.js';

export interface RunningEmulator {
  /** The login base URL (MS_LOGIN_URL): the product appends `/{tenant}/oauth2/v2.0/…`. */
  loginUrl: string;
  /** The Graph base URL (MS_GRAPH_URL): the product appends `/v1.0/…`. */
  graphUrl: string;
  /** `{base}/_emulator`: the control API. */
  controlUrl: string;
  /** `{base}/_emulator/`: the tenant viewer page. */
  viewerUrl: string;
  baseUrl: string;
  context: EmulatorContext;
  /** With `statePath`: the file, and whether its state was restored at start. */
  stateFile: { path: string; loaded: StateFileLoad } | null;
  /** Stops listening, then saves the state file (if any). */
  stop(): Promise<void>;
}

function resolveSeed(seed: TenantSeed | string | undefined): TenantSeed {
  if (seed === undefined) return loadSeedFile(DEFAULT_SEED_PATH);
  if (typeof seed === 'string') return loadSeedFile(seed);
  return requireTenantSeed(seed, 'startEmulator({ seed })');
}

function createApp(options: StartEmulatorOptions): FastifyInstance {
  const common = { logger: options.logger ?? false };
  const tls = options.tls;
  if (!tls) return Fastify(common);
  // https.Server is an http.Server to Fastify's types, so the instance keeps the default (http) type parameters.
  return Fastify({
    ...common,
    serverFactory: (handler) => createHttpsServer({ cert: tls.cert, key: tls.key }, handler),
  });
}

/** Starts the emulator and resolves once it listens. Throws a SeedError (all problems listed) for a bad seed. */
export async function startEmulator(start: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const initialSeed = resolveSeed(start.seed);
  const host = start.host ?? '127.0.0.1';
  const options: EmulatorOptions = {
    port: start.port ?? 0,
    host,
    baseUrl: '',
    autoConsent: start.autoConsent ?? false,
    latencyMs: start.latencyMs ?? 0,
    seed: start.randomSeed ?? DEFAULT_RANDOM_SEED,
    tokenLifetimeSeconds: start.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS,
    refreshInactivitySeconds: start.refreshInactivitySeconds ?? DEFAULT_REFRESH_INACTIVITY_SECONDS,
    ...(start.graph ? { graph: start.graph } : {}),
  };
  const identity = createIdentity(() => ctx);
  const ctx: EmulatorContext = {
    tenant: tenantFromSeed(initialSeed),
    tokens: identity.tokens,
    options,
    onReset: [],
    now: start.now ?? (() => Date.now()),
  };

  const app = createApp(start);
  registerFormParser(app);
  registerBehaviourHooks(app, ctx);
  registerIdentityRoutes(app, ctx, identity);
  registerGraphRoutes(app, ctx);
  registerControlRoutes(app, ctx, initialSeed);
  registerGraphControlRoutes(app, ctx);
  registerViewerRoute(app, ctx, getGraphState);
  const stateFile = start.statePath === undefined ? null : openStateFile(start.statePath, ctx, identity);
  if (stateFile) watchForChanges(app, stateFile);

  await app.listen({ port: options.port, host });
  const address = app.server.address();
  options.port = typeof address === 'object' && address ? address.port : options.port;
  options.baseUrl = (start.publicBaseUrl ?? baseUrlFor(start.tls ? 'https' : 'http', host, options.port)).replace(
    /\/+$/,
    '',
  );

  const baseUrl = options.baseUrl;
  return {
    loginUrl: baseUrl,
    graphUrl: baseUrl,
    controlUrl: `${baseUrl}/_emulator`,
    viewerUrl: `${baseUrl}/_emulator/`,
    baseUrl,
    context: ctx,
    stateFile: stateFile ? { path: stateFile.path, loaded: stateFile.loaded } : null,
    stop: async () => {
      await app.close();
      stateFile?.close();
    },
  };
}

/**
 * Schedules a save after every request that may change the state: any write, and every request to the identity
 * platform (an auto-consented authorize is a GET). Reads of Graph and of the control API change nothing that is kept:
 * an operation a read completes is saved with its timing and completes again on restore.
 */
function watchForChanges(app: FastifyInstance, stateFile: StateFile): void {
  app.addHook('onResponse', async (request) => {
    const write = request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS';
    if (write || request.url.includes('/oauth2/')) stateFile.changed();
  });
}
