// The table `config:check` prints: each constant, its value as safe to show, and where it came from. Secrets show
// only whether they are set; database URLs lose their passwords.
import { type Config, describeSource } from './config-types.js';
import { CONFIG_KEYS, SECRET_KEYS } from './constants.js';
import { redactUrlPassword } from './redact-url.js';
import { Secret } from './secret.js';

export interface ConfigRow {
  name: string;
  value: string;
  source: string;
}

function shown(value: Config[keyof Config]): string {
  if (value === null) return 'not set';
  if (value instanceof Secret) return 'set (redacted)';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (Array.isArray(value)) return value.join(',');
  return redactUrlPassword(String(value));
}

function isUnset(value: Config[keyof Config]): boolean {
  return value === null || (Array.isArray(value) && value.length === 0);
}

export function describeConfig(config: Config): ConfigRow[] {
  return CONFIG_KEYS.map((name) => {
    const value = config[name];
    // A secret is never rendered by shown(), whatever type a future change gives it.
    const text = SECRET_KEYS.has(name) ? (isUnset(value) ? 'not set' : 'set (redacted)') : shown(value);
    return { name, value: text, source: describeSource(config.sources[name]) };
  });
}
