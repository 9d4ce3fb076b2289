// The validated configuration: one object, keyed by the constants' own names, built once at start by loadConfig().
import type { CourseContactType } from '../elentra/tables.js';
import type { TeamTemplate } from '../sync/plan/plan-types.js';
import type { ConfigKey, ElentraEnv, LogLevel } from './constants.js';
import type { Secret } from './secret.js';
import type { TrustProxy } from './validate/network.js';

/** Where a value came from: the environment, a settings file (its path), or the built-in default. */
export type ConfigSource = { kind: 'environment' } | { kind: 'file'; path: string } | { kind: 'default' };

export interface Config {
  MS_SERVICE_TOKEN_ID: string;
  /** Null until the app is registered in Azure; see requireMicrosoftApp(). */
  MS_AD_TENANT_ID: string | null;
  MS_OAUTH_CLIENT_ID: string | null;
  MS_OAUTH_CLIENT_SECRET: Secret | null;
  /** Always holds the six required scopes (in any case), perhaps more. */
  MS_OAUTH_SCOPES: readonly string[];
  /** Always ENTRADA_URL + OAUTH_REDIRECT_ROUTE. */
  MS_OAUTH_REDIRECT_URL: string;
  /** Absolute http(s) URL, no trailing slash. */
  ENTRADA_URL: string;
  /** IANA zone of the site, e.g. America/Toronto. */
  DEFAULT_TIMEZONE: string;
  DATABASE_URL: string;
  ELENTRA_DATABASE_URL: string;
  /** Database holding user_data / user_access; null = the same database as ELENTRA_DATABASE_URL. */
  ELENTRA_AUTH_DATABASE: string | null;
  /** 32 random bytes as given (`base64:…` or hex); see requireAppKey() for the bytes. */
  APP_KEY: Secret | null;
  /**
   * Earlier APP_KEY values still accepted for decrypting, during a rotation (never for encrypting); empty when unset.
   * See previousAppKeys() for the bytes.
   */
  APP_PREVIOUS_KEYS: readonly Secret[];
  /** No trailing slash. */
  MS_LOGIN_URL: string;
  /** No trailing slash. */
  MS_GRAPH_URL: string;
  PORT: number;
  /** The web app's listen address (`serve`, `start`); 0.0.0.0 = every interface. */
  HOST: string;
  /**
   * Whom to believe about the client's address (X-Forwarded-For), as Fastify's `trustProxy` takes it: false = nobody
   * (the TCP peer is the client), true = every hop, or the trusted proxies' addresses / CIDR ranges.
   */
  TRUST_PROXY: TrustProxy;
  ELENTRA_ENV: ElentraEnv;
  LOG_LEVEL: LogLevel;
  /** Whether `npm start` runs the scheduler loop in the web process. */
  SCHEDULER_IN_PROCESS: boolean;
  /** Event sync: sessions that started up to this many days ago are still kept in step (whole days, 0–365). */
  EVENTS_WINDOW_PAST_DAYS: number;
  /** Event sync: sessions starting up to this many days ahead get their meeting (whole days, 1–730). */
  EVENTS_WINDOW_FUTURE_DAYS: number;
  /** Event sync: new meetings are Teams meetings (isOnlineMeeting); off keeps the meetings already made. */
  EVENTS_ONLINE_MEETINGS: boolean;
  /** Event sync: only events whose audience is the offering's (cohort, course list or enrolment) get a meeting. */
  EVENTS_ONLY_OFFERING_AUDIENCE: boolean;
  /** Teams sync: the team's display name; only the placeholders of src/sync/naming/template.ts. */
  TEAMS_DISPLAY_NAME_TEMPLATE: string;
  /** Teams sync: the team's description; same placeholders. */
  TEAMS_DESCRIPTION_TEMPLATE: string;
  /** Teams sync: the template new teams are created from. */
  TEAMS_TEMPLATE: TeamTemplate;
  /** Teams sync: archive the team of an offering that ended (its period finished ROSTER_GRACE_DAYS ago). */
  TEAMS_ARCHIVE_ENDED: boolean;
  /** Teams sync: make a new team for an offering whose team was deleted in Microsoft (otherwise only flag it). */
  TEAMS_RECREATE_DELETED: boolean;
  /** Teams sync: the authorizing account stays an owner of the teams it creates (plan-options.ts says why). */
  TEAMS_KEEP_AUTHORIZING_OWNER: boolean;
  /** Mass-removal guard: hold removals of more than this fraction of a team's members (0–1; 0.3 = 30 %)… */
  TEAMS_MASS_REMOVAL_SHARE: number;
  /** …when they are at least this many people (1–25,000). */
  TEAMS_MASS_REMOVAL_MINIMUM: number;
  /** Teams sync: each team is listed in full at least every this many days (0–365; 0 = never). */
  TEAMS_RELIST_DAYS: number;
  /** People matching: the third rule, `username@MATCH_USERNAME_DOMAIN` (lower case, no @); null = off. */
  MATCH_USERNAME_DOMAIN: string | null;
  /** Roster: the course contact types that become team owners (Elentra's types, each once). */
  ROSTER_OWNER_CONTACT_TYPES: readonly CourseContactType[];
  /** Roster: offerings whose period starts within this many days are synced (0–730). */
  ROSTER_HORIZON_DAYS: number;
  /** Roster: offerings whose period finished up to this many days ago are still synced, as ended (0–365). */
  ROSTER_GRACE_DAYS: number;
  /** Roster: only this organisation's courses; null = every organisation. */
  ROSTER_ORGANISATION_ID: number | null;
  /** Roster: Elentra's own `user_access.app_id` (AUTH_APP_ID in Elentra's settings). */
  ELENTRA_APP_ID: number;
  /** Where each value came from, for `config:check` and error messages. */
  sources: Readonly<Record<ConfigKey, ConfigSource>>;
  /** The per-environment settings file that was read, if any. */
  settingsFile: string | null;
}

export function describeSource(source: ConfigSource): string {
  return source.kind === 'file' ? source.path : source.kind;
}

/** The teams sync's settings (built by build-config.ts; turned into planner options by src/sync/run/teams-options.ts). */
export type TeamsSettings = Pick<
  Config,
  | 'TEAMS_DISPLAY_NAME_TEMPLATE'
  | 'TEAMS_DESCRIPTION_TEMPLATE'
  | 'TEAMS_TEMPLATE'
  | 'TEAMS_ARCHIVE_ENDED'
  | 'TEAMS_RECREATE_DELETED'
  | 'TEAMS_KEEP_AUTHORIZING_OWNER'
  | 'TEAMS_MASS_REMOVAL_SHARE'
  | 'TEAMS_MASS_REMOVAL_MINIMUM'
  | 'TEAMS_RELIST_DAYS'
>;
