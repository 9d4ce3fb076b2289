// Layers the sources into one raw (unchecked) string per constant, remembering where each came from:
// environment > per-environment settings file > data/demo-settings.env > (defaults, applied in ../build-config.ts).
// Empty values count as unset, so `MS_AD_TENANT_ID=` in a file or an empty variable does not hide a lower layer.
import type { ConfigProblem } from '../config-error.js';
import type { ConfigSource } from '../config-types.js';
import { CONFIG_KEYS, type ConfigKey } from '../constants.js';
import { findDemoSettingsFile, findSettingsFile, type SettingsFile } from './settings-files.js';

export interface RawValue {
  value: string;
  source: ConfigSource;
}

export interface RawValues {
  values: Map<ConfigKey, RawValue>;
  settingsFile: string | null;
  problems: ConfigProblem[];
}

export function readRawValues(env: Readonly<Record<string, string | undefined>>, cwd: string): RawValues {
  const { file, problem } = findSettingsFile(env, cwd);
  // The embedded demo's generated settings never leak into a real site: a production or staging install that once ran
  // `npm start` in the same folder must not pick up the demo's emulator URLs or app for values it left unset.
  const demo = isDemoAllowed(env) ? findDemoSettingsFile(cwd) : null;
  const layers: Array<{ source: ConfigSource; get(key: string): string | undefined }> = [
    { source: { kind: 'environment' }, get: (key) => env[key] },
  ];
  for (const settings of [file, demo]) {
    if (settings) layers.push(fileLayer(settings));
  }
  const values = new Map<ConfigKey, RawValue>();
  for (const key of CONFIG_KEYS) {
    for (const layer of layers) {
      const value = layer.get(key)?.trim();
      if (value) {
        values.set(key, { value, source: layer.source });
        break;
      }
    }
  }
  return { values, settingsFile: file?.path ?? null, problems: problem ? [problem] : [] };
}

function fileLayer(file: SettingsFile): { source: ConfigSource; get(key: string): string | undefined } {
  return { source: { kind: 'file', path: file.path }, get: (key) => file.values.get(key) };
}

function isDemoAllowed(env: Readonly<Record<string, string | undefined>>): boolean {
  const name = env.ELENTRA_ENV?.trim();
  return name !== 'production' && name !== 'staging';
}
