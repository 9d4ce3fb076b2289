// The entry point: read the environment and the settings files once, at start, into one validated Config.
// Throws ConfigError (a UsageError: the CLI exits 2) listing every problem.
import { buildConfig } from './build-config.js';
import type { Config } from './config-types.js';
import { readRawValues } from './sources/raw-values.js';

export interface LoadConfigOptions {
  /** Defaults to process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Where settings-<env>.env and data/demo-settings.env are looked for; defaults to process.cwd(). */
  cwd?: string;
}

export function loadConfig({ env = process.env, cwd = process.cwd() }: LoadConfigOptions = {}): Config {
  return buildConfig(readRawValues(env, cwd));
}
