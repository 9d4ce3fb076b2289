// What runEventsSync() (run-events-sync.ts) takes and gives back. The runner is written against the ports
// (../ports.ts: EventStore, CalendarGateway), the run history and a roster reader, so the CLI, the scheduler and the
// tests wire it the same way (wire-events-sync.ts builds the production dependencies).
import type { OfferingStatus, SyncStatus } from '../../../db/tables.js';
import type { Roster } from '../../../elentra/roster/roster-types.js';
import type { EventOperationKind } from '../event-operations.js';
import type { EventWindowOptions } from '../event-window.js';
import type { CalendarGateway, EventStore } from '../ports.js';
import type { OutlookLimits } from '../schedule/outlook-limits.js';
import type { AppliedOutcome } from './apply-event-operation.js';
import type { EventRunEnd, EventRunStart, OfferingRecord } from './event-run-records.js';
import type { TeamsAlongside } from './teams-alongside.js';

export interface EventRunLog {
  start(run: EventRunStart): Promise<number>;
  offering(runId: number, result: OfferingRecord): Promise<void>;
  finish(runId: number, end: EventRunEnd): Promise<void>;
}

export interface EventSyncSettings {
  /** ENTRADA_URL: the link back to each session. */
  entradaUrl: string;
  /** DEFAULT_TIMEZONE (IANA): its Windows zone is used when no Outlook Time Zone was chosen. */
  defaultTimeZone: string;
  /** siteTag(…) of this installation: part of every transactionId. */
  site: string;
  /** Ask for a Teams meeting on each event (default on). */
  onlineMeetings: boolean;
  /** Only events whose audience is the offering's. */
  onlyOfferingAudience: boolean;
  window: EventWindowOptions;
}

export interface EventsRunDeps {
  store: EventStore;
  /** Offering key → team id of every offering whose team exists (ms_teams). */
  teams(): Promise<ReadonlyMap<string, string>>;
  /** Offering key → team id of every team the teams sync found deleted in Microsoft (ms_teams status 'deleted'). */
  deletedTeams(): Promise<ReadonlyMap<string, string>>;
  records: EventRunLog;
  gateway: CalendarGateway;
  readRoster(options: { now: Date; courseIds: readonly number[] | null }): Promise<Roster>;
  /** service_tokens.outlook_time_zone: the zone chosen on the Microsoft Account page, or null. */
  storedOutlookTimeZone(): Promise<string | null>;
  settings: EventSyncSettings;
  /** Graph requests spent so far (GraphClient `stats.snapshot().total`), read at the start and the end. */
  graphRequests(): number;
  now(): Date;
  /** Operations in flight across all mailboxes (default 4 × mailboxes with work, at most 256; never more than 4 per
   * mailbox). */
  maxInFlight?: number;
  limits?: OutlookLimits;
  triggeredBy: 'schedule' | 'cli' | 'web';
}

export type EventsRunProgress =
  | { phase: 'plan'; message: string }
  | { phase: 'apply'; done: number; total: number; eventId: number; offeringKey: string; outcome: AppliedOutcome };

export interface EventsRunOptions {
  courseIds?: readonly number[] | null;
  dryRun: boolean;
  /** The teams sync running beside this run (teams-alongside.ts): plan in rounds as its teams appear. */
  alongside?: TeamsAlongside;
  signal?: AbortSignal;
  onProgress?: (progress: EventsRunProgress) => void;
}

/** What happened to one event (dry run: what would). */
export interface EventResult {
  eventId: number;
  offeringKey: string;
  /** Null for an event deleted in Elentra. */
  title: string | null;
  /** ISO instant; null when Elentra no longer has the event. */
  start: string | null;
  action: EventOperationKind | 'deferred';
  /** Why (create: new / retry / recreate / moved; delete: unreleased / …; noChange: in-sync / past / …). */
  reason: string;
  outcome: AppliedOutcome | 'planned' | 'unchanged' | 'deferred' | 'not-run';
  joinUrl: string | null;
  message: string | null;
}

export interface OfferingEventsOutcome {
  offeringKey: string;
  displayName: string;
  status: OfferingStatus;
  counts: Record<string, number>;
  /** The last error, or the warnings, in words; null when all went well. */
  message: string | null;
  events: EventResult[];
}

export interface EventsRunReport {
  runId: number;
  dryRun: boolean;
  status: SyncStatus;
  /** The Windows zone the meetings are written in. */
  outlookTimeZone: string;
  /** The options the run planned with (EVENTS_* settings): the window as ISO instants, meetings, audience. */
  options: { windowFrom: string; windowUntil: string; onlineMeetings: boolean; onlyOfferingAudience: boolean };
  /** Run-wide warnings in words (e.g. no Outlook Time Zone chosen). */
  warnings: string[];
  counts: Record<string, number>;
  offerings: OfferingEventsOutcome[];
  /** Graph requests this run spent. */
  requests: number;
  /** The error that stopped the whole run (authorization), in words. */
  error: string | null;
}
