// The sync's production wiring, shared by the CLI command, the cron job and the end-to-end tests: the Kysely store,
// the Graph gateway on the throttle-aware client (paced under Microsoft's limits) with tokens from the identity, the
// roster reader, and the planner's options from the configuration. The authorizing account's user id comes from the
// stored token's MSAL home account id (`{object id}.{tenant id}`): it is the owner every new team starts with.
import type { Config } from '../../config/index.js';
import type { IntegrationDatabase } from '../../db/index.js';
import type { ElentraHandle } from '../../elentra/open-elentra.js';
import { readRoster } from '../../elentra/read-roster.js';
import type { GraphLogger, RetryPolicy } from '../../microsoft/graph/index.js';
import { createIdentity, type Identity } from '../../microsoft/identity/index.js';
import { GraphTeamsGateway, type GraphTeamsGatewayOptions } from '../gateway/graph-teams-gateway.js';
import type { GraphRateLimiterOptions } from '../gateway/limiter/graph-rate-limiter.js';
import { createSyncGraphClient } from '../gateway/throttle-aware-client.js';
import { siteIdOf } from '../naming/mail-nickname.js';
import { DEFAULT_MATCHING } from '../people/candidate-keys.js';
import { DEFAULT_RECHECK_POLICY } from '../people/recheck-policy.js';
import { DEFAULT_PLAN_OPTIONS, type PlanOptions } from '../plan/plan-options.js';
import { KyselySyncStore } from '../store/kysely-sync-store.js';
import type { RunDeps } from './run-types.js';

export interface WireSyncInput {
  config: Config;
  database: IntegrationDatabase;
  elentra: ElentraHandle;
  triggeredBy: RunDeps['triggeredBy'];
  identity?: Identity;
  gateway?: GraphTeamsGatewayOptions;
  limits?: GraphRateLimiterOptions;
  retry?: Partial<RetryPolicy>;
  logger?: GraphLogger;
  plan?: Partial<Omit<PlanOptions, 'siteId' | 'authorizingUserId' | 'force'>>;
  concurrency?: number;
  /** RunDeps.relistEveryDays. */
  relistEveryDays?: number;
  now?: () => Date;
}

/** The object id in MSAL's home account id. */
function objectIdOf(homeAccountId: string | undefined): string | null {
  const id = homeAccountId?.split('.')[0] ?? '';
  return id === '' ? null : id;
}

export async function wireTeamsSync(input: WireSyncInput): Promise<RunDeps> {
  const { config, database } = input;
  const identity = input.identity ?? createIdentity({ config, database });
  // Fails now, with the words of an AuthorizationRequiredError, when the account is not (or no longer) authorized.
  await identity.getAccessToken();
  const account = (await identity.store.summary()).account;
  const { client } = createSyncGraphClient({
    graphUrl: config.MS_GRAPH_URL,
    getAccessToken: identity.getAccessToken,
    ...(input.limits ? { limits: input.limits } : {}),
    ...(input.retry ? { retry: input.retry } : {}),
    ...(input.logger ? { logger: input.logger } : {}),
  });
  return {
    store: new KyselySyncStore(database),
    gateway: new GraphTeamsGateway(client, input.gateway ?? {}),
    readRoster: (options) => readRoster(input.elentra, { now: options.now, courseIds: options.courseIds }),
    planOptions: {
      ...DEFAULT_PLAN_OPTIONS,
      ...input.plan,
      siteId: siteIdOf(config.ENTRADA_URL),
      authorizingUserId: objectIdOf(account?.homeAccountId),
    },
    matching: DEFAULT_MATCHING,
    recheck: DEFAULT_RECHECK_POLICY,
    graphRequests: () => client.stats.snapshot().total,
    now: input.now ?? (() => new Date()),
    ...(input.concurrency ? { concurrency: input.concurrency } : {}),
    ...(input.relistEveryDays !== undefined ? { relistEveryDays: input.relistEveryDays } : {}),
    triggeredBy: input.triggeredBy,
  };
}
