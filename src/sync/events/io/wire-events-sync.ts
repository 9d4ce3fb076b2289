// Event sync's production wiring, shared by the CLI command, the cron job and the end-to-end tests: the Kysely store
// and run history, the calendar gateway on the sync's throttle-aware Graph client (src/sync/gateway/: paced under
// Microsoft's documented limits, 4 concurrent per mailbox among them) with tokens from the identity, the roster
// reader, and the meeting settings from the configuration and the Microsoft Account page.

import type { Config } from '../../../config/index.js';
import type { IntegrationDatabase } from '../../../db/index.js';
import type { ElentraHandle } from '../../../elentra/open-elentra.js';
import { readRoster } from '../../../elentra/read-roster.js';
import type { GraphLogger, RetryPolicy } from '../../../microsoft/graph/index.js';
import { createIdentity, type Identity } from '../../../microsoft/identity/index.js';
import type { GraphRateLimiterOptions } from '../../gateway/limiter/graph-rate-limiter.js';
import { createSyncGraphClient } from '../../gateway/throttle-aware-client.js';
import { siteTag } from '../transaction-id.js';
import { EventRunRecords } from './event-run-records.js';
import type { EventSyncSettings, EventsRunDeps } from './events-run-types.js';
import { GraphCalendarGateway } from './graph-calendar-gateway.js';
import { KyselyEventStore } from './kysely-event-store.js';

export interface WireEventsSyncInput {
  config: Config;
  database: IntegrationDatabase;
  elentra: ElentraHandle;
  triggeredBy: EventsRunDeps['triggeredBy'];
  identity?: Identity;
  settings?: Partial<Omit<EventSyncSettings, 'entradaUrl' | 'defaultTimeZone' | 'site'>>;
  limits?: GraphRateLimiterOptions;
  retry?: Partial<RetryPolicy>;
  logger?: GraphLogger;
  maxInFlight?: number;
  now?: () => Date;
}

/**
 * The site part of every transactionId. Never change it: a different tag makes every pending create's retry a new
 * event. Installation and service token together, so two sites (or two tokens) sharing a tenant never collide.
 */
export function eventSiteTag(config: Pick<Config, 'ENTRADA_URL' | 'MS_SERVICE_TOKEN_ID'>): string {
  return siteTag(`${config.ENTRADA_URL}#${config.MS_SERVICE_TOKEN_ID}`);
}

export async function wireEventsSync(input: WireEventsSyncInput): Promise<EventsRunDeps> {
  const { config, database } = input;
  const identity = input.identity ?? createIdentity({ config, database });
  // Fails now, with the words of an AuthorizationRequiredError, when the account is not (or no longer) authorized.
  await identity.getAccessToken();
  const { client } = createSyncGraphClient({
    graphUrl: config.MS_GRAPH_URL,
    getAccessToken: identity.getAccessToken,
    ...(input.limits ? { limits: input.limits } : {}),
    ...(input.retry ? { retry: input.retry } : {}),
    ...(input.logger ? { logger: input.logger } : {}),
  });
  const store = new KyselyEventStore(database);
  return {
    store,
    teams: () => store.teamIds(),
    records: new EventRunRecords(database),
    gateway: new GraphCalendarGateway(client),
    readRoster: (options) => readRoster(input.elentra, { now: options.now, courseIds: options.courseIds }),
    storedOutlookTimeZone: async () => (await identity.store.summary()).outlookTimeZone,
    settings: {
      entradaUrl: config.ENTRADA_URL,
      defaultTimeZone: config.DEFAULT_TIMEZONE,
      site: eventSiteTag(config),
      onlineMeetings: input.settings?.onlineMeetings ?? true,
      onlyOfferingAudience: input.settings?.onlyOfferingAudience ?? false,
      window: input.settings?.window ?? {},
    },
    graphRequests: () => client.stats.snapshot().total,
    now: input.now ?? (() => new Date()),
    ...(input.maxInFlight ? { maxInFlight: input.maxInFlight } : {}),
    triggeredBy: input.triggeredBy,
  };
}
