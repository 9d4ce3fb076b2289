// Event sync's production wiring, shared by the CLI command, the cron job and the end-to-end tests: the Kysely store
// and run history, the calendar gateway on the sync's throttle-aware Graph client (src/sync/gateway/: paced under
// Microsoft's documented limits, 4 concurrent per mailbox among them) with tokens from the identity, the roster
// reader with the roster settings the teams sync uses (ROSTER_*, rosterOptionsOf: both must agree about which
// offerings exist), and the meeting settings from the configuration (EVENTS_*, eventOptionsOf) and the Microsoft
// Account page.

import type { Config } from '../../../config/index.js';
import type { IntegrationDatabase } from '../../../db/index.js';
import type { ElentraHandle } from '../../../elentra/open-elentra.js';
import { readRoster } from '../../../elentra/read-roster.js';
import { rosterOptionsOf } from '../../../elentra/roster-options.js';
import type { GraphLogger, RetryPolicy } from '../../../microsoft/graph/index.js';
import { createIdentity, type Identity } from '../../../microsoft/identity/index.js';
import type { GraphRateLimiterOptions } from '../../gateway/limiter/graph-rate-limiter.js';
import { createSyncGraphClient } from '../../gateway/throttle-aware-client.js';
import { siteTag } from '../transaction-id.js';
import { MAX_EVENTS_IN_FLIGHT } from './apply-event-plan.js';
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
  /** Overrides of the configuration's EVENTS_* settings (eventOptionsOf), e.g. for a test. */
  settings?: Partial<EventOptionSettings>;
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

type EventOptionSettings = Omit<EventSyncSettings, 'entradaUrl' | 'defaultTimeZone' | 'site'>;

/** The administrator's choices (docs/configuration.md, EVENTS_*): the window, Teams meetings, the audience filter. */
export function eventOptionsOf(
  config: Pick<
    Config,
    'EVENTS_WINDOW_PAST_DAYS' | 'EVENTS_WINDOW_FUTURE_DAYS' | 'EVENTS_ONLINE_MEETINGS' | 'EVENTS_ONLY_OFFERING_AUDIENCE'
  >,
): EventOptionSettings {
  return {
    onlineMeetings: config.EVENTS_ONLINE_MEETINGS,
    onlyOfferingAudience: config.EVENTS_ONLY_OFFERING_AUDIENCE,
    window: { daysBefore: config.EVENTS_WINDOW_PAST_DAYS, daysAhead: config.EVENTS_WINDOW_FUTURE_DAYS },
  };
}

/**
 * How the event sync reads the roster: learners only where a `grad_year` audience needs them (read-roster.ts,
 * `members`). At university scale the 500,000 memberships were most of its memory, and only the audience filter uses
 * them. The benchmark plans with the same read.
 */
export const EVENT_SYNC_READ = { members: false } as const;

export async function wireEventsSync(input: WireEventsSyncInput): Promise<EventsRunDeps> {
  const { config, database } = input;
  const identity = input.identity ?? createIdentity({ config, database });
  // Fails now, with the words of an AuthorizationRequiredError, when the account is not (or no longer) authorized.
  await identity.getAccessToken();
  // The client's bound on exchanges in flight matches the runner's (its default of 16 would cap 200 mailboxes at 16).
  const maxConcurrent = input.limits?.maxConcurrent ?? input.maxInFlight ?? MAX_EVENTS_IN_FLIGHT;
  const { client } = createSyncGraphClient({
    graphUrl: config.MS_GRAPH_URL,
    getAccessToken: identity.getAccessToken,
    limits: { ...input.limits, maxConcurrent },
    ...(input.retry ? { retry: input.retry } : {}),
    ...(input.logger ? { logger: input.logger } : {}),
  });
  const store = new KyselyEventStore(database);
  const roster = rosterOptionsOf(config);
  return {
    store,
    teams: () => store.teamIds(),
    deletedTeams: () => store.deletedTeamIds(),
    records: new EventRunRecords(database),
    gateway: new GraphCalendarGateway(client),
    readRoster: (options) =>
      readRoster(input.elentra, { ...roster, now: options.now, courseIds: options.courseIds, ...EVENT_SYNC_READ }),
    storedOutlookTimeZone: async () => (await identity.store.summary()).outlookTimeZone,
    settings: {
      entradaUrl: config.ENTRADA_URL,
      defaultTimeZone: config.DEFAULT_TIMEZONE,
      site: eventSiteTag(config),
      ...eventOptionsOf(config),
      ...input.settings,
    },
    graphRequests: () => client.stats.snapshot().total,
    now: input.now ?? (() => new Date()),
    ...(input.maxInFlight ? { maxInFlight: input.maxInFlight } : {}),
    triggeredBy: input.triggeredBy,
  };
}
