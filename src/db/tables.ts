// Row types of the integration's own tables (created by migrations/0001-integration-tables.ts), as Kysely sees them.
// Conventions (why: capabilities.ts): `*_at` columns are instants in epoch milliseconds (`EpochMs`), booleans are
// `Flag` (0 | 1), JSON columns hold text (`JsonText`) parsed and validated by their owner, secrets are stored only as
// ciphertext (`*_ciphertext`, AES-256-GCM under APP_KEY, see microsoft/identity). `Generated<>` marks columns the
// database fills (auto-increment ids, defaults): optional on insert. Elentra's tables, `settings` included, are not
// here: they belong to the Elentra database (src/elentra/).
import type { Generated } from 'kysely';

/** An instant: milliseconds since 1970-01-01T00:00:00Z, stored as BIGINT. `Date.now()` produces one. */
export type EpochMs = number;
/** A boolean stored as SMALLINT: 1 is true, 0 is false. Convert with `toFlag` / `fromFlag`. */
export type Flag = 0 | 1;
/** JSON stored as text. Parse it where it is read, and validate it there. */
export type JsonText = string;

export type JobStatus = 'running' | 'ok' | 'warning' | 'error';
export type SyncStatus = 'running' | 'ok' | 'warning' | 'error';
export type OfferingStatus = 'ok' | 'warning' | 'error' | 'held';
export type TeamRole = 'owner' | 'member';

/** One row per background job (`microsoft:sync-teams`, …): its schedule, last run and lease (scheduler/). */
export interface CronTable {
  name: string;
  /** A cron expression, e.g. `0 0 * * *`. */
  schedule: string;
  /** IANA zone the schedule is evaluated in; null means the site's DEFAULT_TIMEZONE. */
  timezone: string | null;
  active: Generated<Flag>;
  description: string | null;
  last_started_at: EpochMs | null;
  last_finished_at: EpochMs | null;
  last_status: JobStatus | null;
  last_error: string | null;
  last_duration_ms: number | null;
  next_due_at: EpochMs | null;
  /** Who holds the lease (`host:pid:random`) and until when; an expired lease is free to take. */
  lease_owner: string | null;
  lease_expires_at: EpochMs | null;
  updated_at: EpochMs;
}

/** One row per run of a job. Unique on (job_name, due_at): inserting it is how an instance claims a due time. */
export interface CronRunsTable {
  id: Generated<number>;
  job_name: string;
  due_at: EpochMs;
  started_at: EpochMs;
  finished_at: EpochMs | null;
  status: JobStatus;
  error: string | null;
  host: string;
  pid: number;
  summary: JsonText | null;
}

/** The last time `schedule:run` ran on each host: tells the doctor whether the crontab fires. */
export interface SchedulerHeartbeatsTable {
  host: string;
  last_beat_at: EpochMs;
  pid: number;
}

/** The site's Microsoft service token, keyed by MS_SERVICE_TOKEN_ID. */
export interface ServiceTokensTable {
  token_id: string;
  /** Which APP_KEY encrypted the ciphertexts (key rotation). */
  key_id: string;
  refresh_token_ciphertext: string | null;
  access_token_ciphertext: string | null;
  msal_cache_ciphertext: string | null;
  account_username: string | null;
  account_id: string | null;
  tenant_id: string | null;
  /** Space-separated, as Microsoft returns them. */
  granted_scopes: string | null;
  access_expires_at: EpochMs | null;
  /** Username of the web account that authorized. */
  authorized_by: string | null;
  authorized_at: EpochMs | null;
  last_refreshed_at: EpochMs | null;
  /** `disconnected`: no token (never authorized, or Disconnect), the row may still hold the time zone. */
  status: 'connected' | 'needs_reauthorization' | 'disconnected';
  status_reason: string | null;
  /** A Windows time zone name, e.g. `Eastern Standard Time`. */
  outlook_time_zone: string | null;
  /** Optimistic concurrency: update `where version = read` and bump it, so no refresh overwrites a newer token. */
  version: Generated<number>;
  updated_at: EpochMs;
}

/** People who sign in to the web app. `username` is stored lower-case (comparisons are case-sensitive). */
export interface WebAccountsTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  role: 'admin' | 'staff';
  created_at: EpochMs;
  last_sign_in_at: EpochMs | null;
  failed_attempts: Generated<number>;
  locked_until: EpochMs | null;
}

/** OAuth `state` values in flight: bound to a session, single-use, short-lived. */
export interface OauthStatesTable {
  state: string;
  session_id: string;
  code_verifier_ciphertext: string;
  created_at: EpochMs;
  expires_at: EpochMs;
  used_at: EpochMs | null;
}

/** Elentra person (proxy_id) ↔ Entra user, and why not when there is no match. */
export interface MsUserLinksTable {
  proxy_id: number;
  ms_user_id: string | null;
  matched_by: 'email' | 'email_alt' | 'username' | null;
  matched_value: string | null;
  status: 'matched' | 'unmatched' | 'ambiguous';
  reason: string | null;
  checked_at: EpochMs;
}

/** One team per course offering (`course:12:period:3`). */
export interface MsTeamsTable {
  offering_key: string;
  course_id: number;
  cperiod_id: number;
  team_id: string | null;
  mail_nickname: string;
  display_name: string;
  description: string | null;
  status: string;
  archived: Generated<Flag>;
  last_error: string | null;
  /** Anchor in docs/troubleshooting.md for `last_error`. */
  last_error_docs: string | null;
  last_synced_at: EpochMs | null;
  /** `@odata.deltaLink` of the team's group members; long, opaque. */
  delta_link: string | null;
  /** When its members were last listed in full (migration 0002; src/sync/run/relist-due.ts). */
  last_listed_at: EpochMs | null;
  /** The offering's period finish as last read from Elentra (migration 0002; src/sync/plan/plan-gone-team.ts). */
  period_finish_at: EpochMs | null;
  /** The team's `webUrl` as Graph last gave it (migration 0003); null until the sync has seen it. */
  web_url: string | null;
  created_at: EpochMs;
}

/** Snapshot of each team's members as last observed. */
export interface MsTeamMembersTable {
  offering_key: string;
  ms_user_id: string;
  role: TeamRole;
  membership_id: string | null;
}

/** Elentra learning event ↔ group calendar event. */
export interface MsEventsTable {
  event_id: number;
  offering_key: string;
  team_id: string | null;
  graph_event_id: string | null;
  /** Deterministic per event, so a retried create never makes a second meeting. */
  transaction_id: string;
  join_url: string | null;
  /** Hash of the payload last sent: unchanged hash, no PATCH. */
  sent_hash: string | null;
  status: string;
  last_error: string | null;
  updated_at: EpochMs;
}

/** One row per sync run. `triggered_by` rather than `trigger`, a reserved word in MySQL and PostgreSQL. */
export interface SyncRunsTable {
  id: Generated<number>;
  kind: 'teams' | 'events';
  /** `schedule`, `cli`, `web`. */
  triggered_by: string;
  started_at: EpochMs;
  finished_at: EpochMs | null;
  status: SyncStatus;
  dry_run: Generated<Flag>;
  counts: JsonText | null;
  /** Graph requests spent. */
  requests: Generated<number>;
  error: string | null;
}

/** Outcome per offering per run (deleted with its run). */
export interface SyncOfferingResultsTable {
  run_id: number;
  offering_key: string;
  status: OfferingStatus;
  counts: JsonText | null;
  message: string | null;
}

/** Removals the mass-removal guard held until someone confirms them. */
export interface HeldRemovalsTable {
  offering_key: string;
  ms_user_id: string;
  role: TeamRole;
  reason: string;
  created_at: EpochMs;
  confirmed_at: EpochMs | null;
  confirmed_by: string | null;
}

/** Who did what in the web UI and CLI. */
export interface AuditLogTable {
  id: Generated<number>;
  at: EpochMs;
  actor: string;
  action: string;
  target: string | null;
  detail: JsonText | null;
  ip: string | null;
}

export interface IntegrationTables {
  cron: CronTable;
  cron_runs: CronRunsTable;
  scheduler_heartbeats: SchedulerHeartbeatsTable;
  service_tokens: ServiceTokensTable;
  web_accounts: WebAccountsTable;
  oauth_states: OauthStatesTable;
  ms_user_links: MsUserLinksTable;
  ms_teams: MsTeamsTable;
  ms_team_members: MsTeamMembersTable;
  ms_events: MsEventsTable;
  sync_runs: SyncRunsTable;
  sync_offering_results: SyncOfferingResultsTable;
  held_removals: HeldRemovalsTable;
  audit_log: AuditLogTable;
}

export function toFlag(value: boolean): Flag {
  return value ? 1 : 0;
}

export function fromFlag(value: number): boolean {
  return value !== 0;
}
