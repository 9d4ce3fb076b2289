// The values a feature cannot run without but that may be absent at start (before the app is registered in
// Azure, the web app shows "not configured"). Call these where the feature starts; they name what to set and where.
import { ConfigError, type ConfigProblem } from './config-error.js';
import type { Config } from './config-types.js';
import { APP_KEY_GENERATE_COMMAND } from './constants.js';
import type { Secret } from './secret.js';
import { decodeAppKey } from './validate/app-key.js';

export interface MicrosoftApp {
  tenantId: string;
  clientId: string;
  clientSecret: Secret;
}

function whereToSet(config: Config): string {
  return config.settingsFile === null
    ? `the environment or settings-${config.ELENTRA_ENV}.env`
    : `the environment or ${config.settingsFile}`;
}

function missing(config: Config, name: string, what: string): ConfigProblem {
  return { name, message: 'is not set', fix: `set it in ${whereToSet(config)} to ${what}` };
}

/** The app registration's ids and secret; throws ConfigError (code config.missing) naming each one missing. */
export function requireMicrosoftApp(config: Config): MicrosoftApp {
  const { MS_AD_TENANT_ID: tenantId, MS_OAUTH_CLIENT_ID: clientId, MS_OAUTH_CLIENT_SECRET: clientSecret } = config;
  if (tenantId !== null && clientId !== null && clientSecret !== null) return { tenantId, clientId, clientSecret };
  const problems: ConfigProblem[] = [];
  const overview = 'on the Overview page of the app registration in Azure (see docs/azure-setup.md)';
  if (tenantId === null) problems.push(missing(config, 'MS_AD_TENANT_ID', `the "Directory (tenant) ID" ${overview}`));
  if (clientId === null)
    problems.push(missing(config, 'MS_OAUTH_CLIENT_ID', `the "Application (client) ID" ${overview}`));
  if (clientSecret === null) {
    problems.push(missing(config, 'MS_OAUTH_CLIENT_SECRET', 'the "Value" of a client secret (Certificates & secrets)'));
  }
  throw new ConfigError(problems, 'config.missing');
}

/** The 32 bytes of APP_KEY for AES-256-GCM; throws ConfigError (code config.missing) when it is not set. */
export function requireAppKey(config: Config): Buffer {
  const generate = `generate one with: ${APP_KEY_GENERATE_COMMAND}`;
  if (config.APP_KEY === null) {
    throw new ConfigError([missing(config, 'APP_KEY', `32 random bytes; ${generate}`)], 'config.missing');
  }
  // loadConfig() has checked the key already; this guards a Config built some other way (tests, tools).
  const decoded = decodeAppKey(config.APP_KEY.reveal());
  if (!decoded.ok) throw new ConfigError([{ name: 'APP_KEY', message: decoded.message, fix: decoded.fix }]);
  return decoded.value;
}

/**
 * The bytes of APP_PREVIOUS_KEYS (32 each), in the order given; empty when unset. They only decrypt values written
 * before an APP_KEY rotation; new values are always encrypted under APP_KEY.
 */
export function previousAppKeys(config: Config): Buffer[] {
  return config.APP_PREVIOUS_KEYS.map((key, index) => {
    // loadConfig() has checked the keys already; this guards a Config built some other way (tests, tools).
    const decoded = decodeAppKey(key.reveal());
    if (!decoded.ok) {
      const which = `key ${index + 1} of ${config.APP_PREVIOUS_KEYS.length}`;
      throw new ConfigError([{ name: 'APP_PREVIOUS_KEYS', message: `${which}: ${decoded.message}`, fix: decoded.fix }]);
    }
    return decoded.value;
  });
}
