// The settings constants and their defaults. The MS_* names, the scopes and the redirect route are fixed by
// Elentra's Microsoft Teams configuration guide (../../../shared/seed), so a school's settings file works as is.
// Defaults that depend on another value (ENTRADA_URL on PORT, the redirect URL on ENTRADA_URL) are in
// ./build-config.ts. The team name templates and the owner contact types default to what the planner and the roster
// reader use when given nothing (src/sync/naming/template.ts, src/elentra/roster/offering-rule.ts); the numbers are
// checked against theirs by src/sync/run/teams-options.test.ts.

import { DEFAULT_OWNER_CONTACT_TYPES } from '../elentra/roster/offering-rule.js';
import type { CourseContactType } from '../elentra/tables.js';
import { DEFAULT_DESCRIPTION_TEMPLATE, DEFAULT_DISPLAY_NAME_TEMPLATE } from '../sync/naming/template.js';
import type { TeamTemplate } from '../sync/plan/plan-types.js';

export const CONFIG_KEYS = [
  'MS_SERVICE_TOKEN_ID',
  'MS_AD_TENANT_ID',
  'MS_OAUTH_CLIENT_ID',
  'MS_OAUTH_CLIENT_SECRET',
  'MS_OAUTH_SCOPES',
  'MS_OAUTH_REDIRECT_URL',
  'ENTRADA_URL',
  'DEFAULT_TIMEZONE',
  'DATABASE_URL',
  'ELENTRA_DATABASE_URL',
  'ELENTRA_AUTH_DATABASE',
  'APP_KEY',
  'APP_PREVIOUS_KEYS',
  'MS_LOGIN_URL',
  'MS_GRAPH_URL',
  'PORT',
  'HOST',
  'TRUST_PROXY',
  'ELENTRA_ENV',
  'LOG_LEVEL',
  'SCHEDULER_IN_PROCESS',
  'EVENTS_WINDOW_PAST_DAYS',
  'EVENTS_WINDOW_FUTURE_DAYS',
  'EVENTS_ONLINE_MEETINGS',
  'EVENTS_ONLY_OFFERING_AUDIENCE',
  'TEAMS_DISPLAY_NAME_TEMPLATE',
  'TEAMS_DESCRIPTION_TEMPLATE',
  'TEAMS_TEMPLATE',
  'TEAMS_ARCHIVE_ENDED',
  'TEAMS_RECREATE_DELETED',
  'TEAMS_KEEP_AUTHORIZING_OWNER',
  'TEAMS_MASS_REMOVAL_SHARE',
  'TEAMS_MASS_REMOVAL_MINIMUM',
  'TEAMS_RELIST_DAYS',
  'MATCH_USERNAME_DOMAIN',
  'ROSTER_OWNER_CONTACT_TYPES',
  'ROSTER_HORIZON_DAYS',
  'ROSTER_GRACE_DAYS',
  'ROSTER_ORGANISATION_ID',
  'ELENTRA_APP_ID',
] as const;

export type ConfigKey = (typeof CONFIG_KEYS)[number];

/** Values never printed: kept in Secret instances, shown as "set (redacted)". */
export const SECRET_KEYS: ReadonlySet<ConfigKey> = new Set(['MS_OAUTH_CLIENT_SECRET', 'APP_KEY', 'APP_PREVIOUS_KEYS']);

/** The delegated Graph permissions the guide lists; every one must be granted and requested. */
export const REQUIRED_SCOPES = [
  'offline_access',
  'User.ReadBasic.All',
  'Group.ReadWrite.All',
  'Team.Create',
  'Team.ReadBasic.All',
  'TeamMember.ReadWrite.All',
] as const;

/** Where Microsoft sends the administrator back after consent, relative to ENTRADA_URL (from the guide). */
export const OAUTH_REDIRECT_ROUTE = '/api/ms-graph-oauth.php';

export const ELENTRA_ENVS = ['production', 'staging', 'development'] as const;
export type ElentraEnv = (typeof ELENTRA_ENVS)[number];

/** The team templates Microsoft offers for a class team (TEAMS_TEMPLATE); the planner's TeamTemplate. */
export const TEAM_TEMPLATES = ['standard', 'educationClass'] as const satisfies readonly TeamTemplate[];

/** Elentra's course contact types (`course_contacts.contact_type`, ../elentra/tables.ts CourseContactType). */
export const ELENTRA_CONTACT_TYPES = [
  'director',
  'ccoordinator',
  'faculty',
  'pcoordinator',
  'ccmember',
  'evaluationrep',
  'studentrep',
  'ta',
] as const satisfies readonly CourseContactType[];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const DEFAULTS = {
  MS_SERVICE_TOKEN_ID: 'microsoft_graph',
  MS_OAUTH_SCOPES: REQUIRED_SCOPES.join(','),
  DEFAULT_TIMEZONE: 'America/Toronto',
  DATABASE_URL: 'sqlite:data/elentra-teams.sqlite',
  MS_LOGIN_URL: 'https://login.microsoftonline.com',
  MS_GRAPH_URL: 'https://graph.microsoft.com',
  PORT: '8080',
  HOST: '0.0.0.0',
  TRUST_PROXY: '0',
  ELENTRA_ENV: 'development',
  LOG_LEVEL: 'info',
  SCHEDULER_IN_PROCESS: '1',
  EVENTS_WINDOW_PAST_DAYS: '1',
  EVENTS_WINDOW_FUTURE_DAYS: '120',
  EVENTS_ONLINE_MEETINGS: '1',
  EVENTS_ONLY_OFFERING_AUDIENCE: '0',
  TEAMS_DISPLAY_NAME_TEMPLATE: DEFAULT_DISPLAY_NAME_TEMPLATE,
  TEAMS_DESCRIPTION_TEMPLATE: DEFAULT_DESCRIPTION_TEMPLATE,
  TEAMS_TEMPLATE: 'standard',
  TEAMS_ARCHIVE_ENDED: '1',
  TEAMS_RECREATE_DELETED: '0',
  TEAMS_KEEP_AUTHORIZING_OWNER: '1',
  TEAMS_MASS_REMOVAL_SHARE: '0.3',
  TEAMS_MASS_REMOVAL_MINIMUM: '3',
  TEAMS_RELIST_DAYS: '7',
  ROSTER_OWNER_CONTACT_TYPES: DEFAULT_OWNER_CONTACT_TYPES.join(','),
  ROSTER_HORIZON_DAYS: '120',
  ROSTER_GRACE_DAYS: '14',
  ELENTRA_APP_ID: '1',
} as const satisfies Partial<Record<ConfigKey, string>>;

/** Written by `npm start` for the embedded demo (relative to the working folder); the lowest-priority file. */
export const DEMO_SETTINGS_FILE = 'data/demo-settings.env';

/** Printed wherever APP_KEY is missing or weak. */
export const APP_KEY_GENERATE_COMMAND =
  "node -e \"console.log('base64:'+require('crypto').randomBytes(32).toString('base64'))\"";
