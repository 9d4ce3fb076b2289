// Turns the layered raw values into the typed Config, or one ConfigError listing every problem. The order matters
// where a default depends on another value: PORT → ENTRADA_URL → MS_OAUTH_REDIRECT_URL,
// DATABASE_URL → ELENTRA_DATABASE_URL.
import { ConfigError, type ConfigProblem } from './config-error.js';
import { ConfigReader } from './config-reader.js';
import type { Config, ConfigSource, TeamsSettings } from './config-types.js';
import {
  CONFIG_KEYS,
  type ConfigKey,
  DEFAULTS,
  ELENTRA_ENVS,
  LOG_LEVELS,
  OAUTH_REDIRECT_ROUTE,
  SECRET_KEYS,
  TEAM_TEMPLATES,
} from './constants.js';
import { Secret } from './secret.js';
import type { RawValues } from './sources/raw-values.js';
import { checkPreviousAppKeys, decodeAppKey } from './validate/app-key.js';
import { checkDatabaseName, checkFlag, checkOneOf, checkPort, checkTokenId } from './validate/basic.js';
import { ok } from './validate/check.js';
import { checkFutureDays, checkPastDays } from './validate/events.js';
import { checkClientSecret, checkGuid, checkRedirectUrl, checkScopes } from './validate/microsoft.js';
import { checkListenHost, checkTrustProxy } from './validate/network.js';
import {
  checkContactTypes,
  checkElentraId,
  checkGraceDays,
  checkHorizonDays,
  checkUsernameDomain,
} from './validate/roster.js';
import {
  checkDescriptionTemplate,
  checkDisplayNameTemplate,
  checkRelistDays,
  checkRemovalMinimum,
  checkRemovalShare,
} from './validate/teams.js';
import { checkTimeZone } from './validate/timezone.js';
import { checkDatabaseUrl, checkMicrosoftUrl, checkSiteUrl } from './validate/urls.js';

export function buildConfig(raw: RawValues): Config {
  const read = new ConfigReader(raw.values, [...raw.problems]);
  const port = read.withDefault('PORT', DEFAULTS.PORT, checkPort);
  const entradaUrl = read.withDefault('ENTRADA_URL', `http://localhost:${port}`, checkSiteUrl);
  const redirectUrl = `${entradaUrl}${OAUTH_REDIRECT_ROUTE}`;
  const databaseUrl = read.withDefault('DATABASE_URL', DEFAULTS.DATABASE_URL, checkDatabaseUrl);
  const clientSecret = read.optional('MS_OAUTH_CLIENT_SECRET', checkClientSecret);
  const appKey = read.optional('APP_KEY', (value) => {
    const decoded = decodeAppKey(value);
    return decoded.ok ? ok(value) : decoded;
  });
  const previousKeys = read.optional('APP_PREVIOUS_KEYS', checkPreviousAppKeys) ?? [];
  const config: Config = {
    MS_SERVICE_TOKEN_ID: read.withDefault('MS_SERVICE_TOKEN_ID', DEFAULTS.MS_SERVICE_TOKEN_ID, checkTokenId),
    MS_AD_TENANT_ID: read.optional('MS_AD_TENANT_ID', checkGuid('tenant')),
    MS_OAUTH_CLIENT_ID: read.optional('MS_OAUTH_CLIENT_ID', checkGuid('client')),
    MS_OAUTH_CLIENT_SECRET: clientSecret === null ? null : new Secret(clientSecret),
    MS_OAUTH_SCOPES: Object.freeze(read.withDefault('MS_OAUTH_SCOPES', DEFAULTS.MS_OAUTH_SCOPES, checkScopes)),
    // A wrong ENTRADA_URL is reported once, not again as a redirect URL that cannot match it.
    MS_OAUTH_REDIRECT_URL: read.isValid('ENTRADA_URL')
      ? read.withDefault(
          'MS_OAUTH_REDIRECT_URL',
          redirectUrl,
          checkRedirectUrl(redirectUrl, read.sourceOf('ENTRADA_URL')),
        )
      : redirectUrl,
    ENTRADA_URL: entradaUrl,
    DEFAULT_TIMEZONE: read.withDefault('DEFAULT_TIMEZONE', DEFAULTS.DEFAULT_TIMEZONE, checkTimeZone),
    DATABASE_URL: databaseUrl,
    ELENTRA_DATABASE_URL: read.withDefault('ELENTRA_DATABASE_URL', databaseUrl, checkDatabaseUrl),
    ELENTRA_AUTH_DATABASE: read.optional('ELENTRA_AUTH_DATABASE', checkDatabaseName),
    APP_KEY: appKey === null ? null : new Secret(appKey),
    APP_PREVIOUS_KEYS: Object.freeze(previousKeys.map((key) => new Secret(key))),
    MS_LOGIN_URL: read.withDefault('MS_LOGIN_URL', DEFAULTS.MS_LOGIN_URL, checkMicrosoftUrl(DEFAULTS.MS_LOGIN_URL)),
    MS_GRAPH_URL: read.withDefault('MS_GRAPH_URL', DEFAULTS.MS_GRAPH_URL, checkMicrosoftUrl(DEFAULTS.MS_GRAPH_URL)),
    PORT: port,
    HOST: read.withDefault('HOST', DEFAULTS.HOST, checkListenHost),
    TRUST_PROXY: read.withDefault('TRUST_PROXY', DEFAULTS.TRUST_PROXY, checkTrustProxy),
    ELENTRA_ENV: read.withDefault('ELENTRA_ENV', DEFAULTS.ELENTRA_ENV, checkOneOf(ELENTRA_ENVS)),
    LOG_LEVEL: read.withDefault('LOG_LEVEL', DEFAULTS.LOG_LEVEL, checkOneOf(LOG_LEVELS)),
    SCHEDULER_IN_PROCESS: read.withDefault('SCHEDULER_IN_PROCESS', DEFAULTS.SCHEDULER_IN_PROCESS, checkFlag),
    EVENTS_WINDOW_PAST_DAYS: read.withDefault(
      'EVENTS_WINDOW_PAST_DAYS',
      DEFAULTS.EVENTS_WINDOW_PAST_DAYS,
      checkPastDays,
    ),
    EVENTS_WINDOW_FUTURE_DAYS: read.withDefault(
      'EVENTS_WINDOW_FUTURE_DAYS',
      DEFAULTS.EVENTS_WINDOW_FUTURE_DAYS,
      checkFutureDays,
    ),
    EVENTS_ONLINE_MEETINGS: read.withDefault('EVENTS_ONLINE_MEETINGS', DEFAULTS.EVENTS_ONLINE_MEETINGS, checkFlag),
    EVENTS_ONLY_OFFERING_AUDIENCE: read.withDefault(
      'EVENTS_ONLY_OFFERING_AUDIENCE',
      DEFAULTS.EVENTS_ONLY_OFFERING_AUDIENCE,
      checkFlag,
    ),
    ...teamsSettings(read),
    ...rosterSettings(read),
    sources: sourcesByKey(read.sources),
    settingsFile: raw.settingsFile,
  };
  if (read.problems.length > 0) throw new ConfigError(withoutSecrets(inKeyOrder(read.problems), raw));
  return Object.freeze(config);
}

/** The teams sync's settings (src/sync/run/teams-options.ts teamsOptionsOf). */
function teamsSettings(read: ConfigReader): TeamsSettings {
  return {
    TEAMS_DISPLAY_NAME_TEMPLATE: read.withDefault(
      'TEAMS_DISPLAY_NAME_TEMPLATE',
      DEFAULTS.TEAMS_DISPLAY_NAME_TEMPLATE,
      checkDisplayNameTemplate,
    ),
    TEAMS_DESCRIPTION_TEMPLATE: read.withDefault(
      'TEAMS_DESCRIPTION_TEMPLATE',
      DEFAULTS.TEAMS_DESCRIPTION_TEMPLATE,
      checkDescriptionTemplate,
    ),
    TEAMS_TEMPLATE: read.withDefault('TEAMS_TEMPLATE', DEFAULTS.TEAMS_TEMPLATE, checkOneOf(TEAM_TEMPLATES)),
    TEAMS_ARCHIVE_ENDED: read.withDefault('TEAMS_ARCHIVE_ENDED', DEFAULTS.TEAMS_ARCHIVE_ENDED, checkFlag),
    TEAMS_RECREATE_DELETED: read.withDefault('TEAMS_RECREATE_DELETED', DEFAULTS.TEAMS_RECREATE_DELETED, checkFlag),
    TEAMS_KEEP_AUTHORIZING_OWNER: read.withDefault(
      'TEAMS_KEEP_AUTHORIZING_OWNER',
      DEFAULTS.TEAMS_KEEP_AUTHORIZING_OWNER,
      checkFlag,
    ),
    TEAMS_MASS_REMOVAL_SHARE: read.withDefault(
      'TEAMS_MASS_REMOVAL_SHARE',
      DEFAULTS.TEAMS_MASS_REMOVAL_SHARE,
      checkRemovalShare,
    ),
    TEAMS_MASS_REMOVAL_MINIMUM: read.withDefault(
      'TEAMS_MASS_REMOVAL_MINIMUM',
      DEFAULTS.TEAMS_MASS_REMOVAL_MINIMUM,
      checkRemovalMinimum,
    ),
    TEAMS_RELIST_DAYS: read.withDefault('TEAMS_RELIST_DAYS', DEFAULTS.TEAMS_RELIST_DAYS, checkRelistDays),
  };
}

type RosterSettings = Pick<
  Config,
  | 'MATCH_USERNAME_DOMAIN'
  | 'ROSTER_OWNER_CONTACT_TYPES'
  | 'ROSTER_HORIZON_DAYS'
  | 'ROSTER_GRACE_DAYS'
  | 'ROSTER_ORGANISATION_ID'
  | 'ELENTRA_APP_ID'
>;

/** Who is read from Elentra and how people are matched (src/elentra/roster-options.ts rosterOptionsOf). */
function rosterSettings(read: ConfigReader): RosterSettings {
  return {
    MATCH_USERNAME_DOMAIN: read.optional('MATCH_USERNAME_DOMAIN', checkUsernameDomain),
    ROSTER_OWNER_CONTACT_TYPES: read.withDefault(
      'ROSTER_OWNER_CONTACT_TYPES',
      DEFAULTS.ROSTER_OWNER_CONTACT_TYPES,
      checkContactTypes,
    ),
    ROSTER_HORIZON_DAYS: read.withDefault('ROSTER_HORIZON_DAYS', DEFAULTS.ROSTER_HORIZON_DAYS, checkHorizonDays),
    ROSTER_GRACE_DAYS: read.withDefault('ROSTER_GRACE_DAYS', DEFAULTS.ROSTER_GRACE_DAYS, checkGraceDays),
    ROSTER_ORGANISATION_ID: read.optional(
      'ROSTER_ORGANISATION_ID',
      checkElentraId(
        'an organisation id',
        "use the organisation_id of your school's courses in Elentra (e.g. 1), or remove it to read every organisation",
      ),
    ),
    ELENTRA_APP_ID: read.withDefault(
      'ELENTRA_APP_ID',
      DEFAULTS.ELENTRA_APP_ID,
      checkElentraId(
        'an application id',
        "use AUTH_APP_ID from Elentra's settings file, or remove it for the default, 1",
      ),
    ),
  };
}

/** Problems in the order of the configuration table; SETTINGS_FILE (not a key) first, as the others depend on it. */
function inKeyOrder(problems: ConfigProblem[]): ConfigProblem[] {
  const rank = new Map<string, number>(CONFIG_KEYS.map((key, index) => [key, index]));
  return [...problems].sort((a, b) => (rank.get(a.name) ?? -1) - (rank.get(b.name) ?? -1));
}

function sourcesByKey(sources: ReadonlyMap<ConfigKey, ConfigSource>): Record<ConfigKey, ConfigSource> {
  const entries = CONFIG_KEYS.map((key) => [key, sources.get(key) ?? { kind: 'default' }] as const);
  return Object.freeze(Object.fromEntries(entries) as Record<ConfigKey, ConfigSource>);
}

/**
 * The checks never echo a secret; this also covers a secret pasted into another constant (a client secret given
 * as MS_OAUTH_CLIENT_ID), whose message may quote it.
 */
function withoutSecrets(problems: ConfigProblem[], raw: RawValues): ConfigProblem[] {
  // A list (APP_PREVIOUS_KEYS) is scrubbed whole and item by item, as one of its keys may be quoted on its own.
  const secrets = [...SECRET_KEYS]
    .map((key) => raw.values.get(key)?.value)
    .filter((value): value is string => value !== undefined)
    .flatMap((value) => [value, ...value.split(',').map((part) => part.trim())])
    .filter((value) => value.length >= 4)
    .sort((a, b) => b.length - a.length);
  const scrub = (text: string) => secrets.reduce((result, secret) => result.split(secret).join('[redacted]'), text);
  return problems.map((problem) => ({ ...problem, message: scrub(problem.message), fix: scrub(problem.fix) }));
}
