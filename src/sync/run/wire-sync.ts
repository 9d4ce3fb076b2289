// The sync's production wiring, shared by the CLI command, the cron job, the dashboard's Sync now and the end-to-end
// tests: the Kysely store, the Graph gateway on the throttle-aware client (paced under Microsoft's limits) with tokens
// from the identity, the roster reader with the configuration's ROSTER_* settings (rosterOptionsOf, as the events sync
// reads it), and the planner's options, re-list period and matching rule from its TEAMS_* and MATCH_USERNAME_DOMAIN
// settings (teams-options.ts teamsOptionsOf); what the caller passes wins. The authorizing account's user id comes
// from the stored token's MSAL home account id (`{object id}.{tenant id}`): it is the owner every new team starts with.
import type { Config } from '../../config/index.js';
import type { IntegrationDatabase } from '../../db/index.js';
import type { ElentraHandle } from '../../elentra/open-elentra.js';
import { readRoster } from '../../elentra/read-roster.js';
import { rosterOptionsOf } from '../../elentra/roster-options.js';
import type { GraphLogger, RetryPolicy } from '../../microsoft/graph/index.js';
import { createIdentity, type Identity } from '../../microsoft/identity/index.js';
import { GraphTeamsGateway, type GraphTeamsGatewayOptions } from '../gateway/graph-teams-gateway.js';
import type { GraphRateLimiterOptions } from '../gateway/limiter/graph-rate-limiter.js';
import { createSyncGraphClient } from '../gateway/throttle-aware-client.js';
import { siteIdOf } from '../naming/mail-nickname.js';
import type { MatchingOptions } from '../people/candidate-keys.js';
import { DEFAULT_RECHECK_POLICY } from '../people/recheck-policy.js';
import { DEFAULT_PLAN_OPTIONS, type PlanOptions } from '../plan/plan-options.js';
import { KyselySyncStore } from '../store/kysely-sync-store.js';
import type { RunDeps } from './run-types.js';
import { teamsOptionsOf } from './teams-options.js';

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
  /** Overrides of the configuration's TEAMS_* settings (teamsOptionsOf), e.g. for a test. */
  plan?: Partial<Omit<PlanOptions, 'siteId' | 'authorizingUserId' | 'force'>>;
  /** Overrides MATCH_USERNAME_DOMAIN. */
  matching?: MatchingOptions;
  concurrency?: number;
  /** RunDeps.relistEveryDays; overrides TEAMS_RELIST_DAYS. */
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
  const settings = teamsOptionsOf(config);
  const roster = rosterOptionsOf(config);
  return {
    store: new KyselySyncStore(database),
    gateway: new GraphTeamsGateway(client, input.gateway ?? {}),
    // Without learning events: the teams sync never uses them (only their impossible dates, which are still read).
    readRoster: (options) =>
      readRoster(input.elentra, { ...roster, now: options.now, courseIds: options.courseIds, events: false }),
    planOptions: {
      ...DEFAULT_PLAN_OPTIONS,
      ...settings.plan,
      ...input.plan,
      siteId: siteIdOf(config.ENTRADA_URL),
      authorizingUserId: objectIdOf(account?.homeAccountId),
    },
    matching: input.matching ?? settings.matching,
    recheck: DEFAULT_RECHECK_POLICY,
    graphRequests: () => client.stats.snapshot().total,
    now: input.now ?? (() => new Date()),
    ...(input.concurrency ? { concurrency: input.concurrency } : {}),
    relistEveryDays: input.relistEveryDays ?? settings.relistEveryDays,
    triggeredBy: input.triggeredBy,
  };
}
