// Configuration: the guide's MS_* constants plus the service's own settings, from the environment, a settings
// file and defaults, validated once into one typed Config. Start with loadConfig(); see docs/configuration.md.

export type { ConfigProblem } from './config-error.js';
export { ConfigError, formatProblem } from './config-error.js';
export type { Config, ConfigSource, TeamsSettings } from './config-types.js';
export { describeSource } from './config-types.js';
export type { ConfigKey, ElentraEnv, LogLevel } from './constants.js';
export {
  APP_KEY_GENERATE_COMMAND,
  CONFIG_KEYS,
  DEFAULTS,
  ELENTRA_ENVS,
  LOG_LEVELS,
  OAUTH_REDIRECT_ROUTE,
  REQUIRED_SCOPES,
} from './constants.js';
export type { ConfigRow } from './describe-config.js';
export { describeConfig } from './describe-config.js';
export type { LoadConfigOptions } from './load-config.js';
export { loadConfig } from './load-config.js';
export { redactUrlPassword } from './redact-url.js';
export type { MicrosoftApp } from './require-config.js';
export { previousAppKeys, requireAppKey, requireMicrosoftApp } from './require-config.js';
export { Secret } from './secret.js';
export { type TrustProxy, trustProxyOption } from './validate/network.js';
