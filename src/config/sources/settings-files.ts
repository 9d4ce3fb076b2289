// Finds and reads the settings files: the per-environment file (SETTINGS_FILE, or else settings-<env>.env or
// settings-<env>.inc.php in the working folder, as Elentra keeps separate production and staging settings), and the
// embedded demo's generated data/demo-settings.env. A `.php` file is read for its define() calls, any other as
// KEY=value.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { ConfigProblem } from '../config-error.js';
import { DEMO_SETTINGS_FILE, ELENTRA_ENVS } from '../constants.js';
import { parseDotenv } from './parse-dotenv.js';
import { parsePhpDefines } from './parse-php-defines.js';

export interface SettingsFile {
  /** As shown to people: relative to the working folder when inside it. */
  path: string;
  values: Map<string, string>;
}

function shownPath(cwd: string, absolute: string): string {
  const inside = relative(cwd, absolute);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : absolute;
}

export function parseSettingsText(path: string, text: string): Map<string, string> {
  return path.endsWith('.php') || text.trimStart().startsWith('<?php') ? parsePhpDefines(text) : parseDotenv(text);
}

function readSettingsFile(cwd: string, absolute: string): SettingsFile {
  return { path: shownPath(cwd, absolute), values: parseSettingsText(absolute, readFileSync(absolute, 'utf8')) };
}

/** The per-environment file. A missing or unreadable SETTINGS_FILE is a problem; no settings-<env> file is not. */
export function findSettingsFile(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): { file: SettingsFile | null; problem?: ConfigProblem } {
  const explicit = env.SETTINGS_FILE?.trim();
  if (explicit) {
    const absolute = resolve(cwd, explicit);
    try {
      return { file: readSettingsFile(cwd, absolute) };
    } catch (error) {
      const missing = error instanceof Error && 'code' in error && error.code === 'ENOENT';
      const reason = missing ? 'does not exist' : 'cannot be read';
      const fix = 'correct the path, or unset SETTINGS_FILE to use settings-<ELENTRA_ENV>.env in the working folder';
      return { file: null, problem: { name: 'SETTINGS_FILE', message: `the file ${absolute} ${reason}`, fix } };
    }
  }
  const envName = (env.ELENTRA_ENV?.trim() || 'development').toLowerCase();
  // Only the known names: ELENTRA_ENV must not steer us to an arbitrary file; its own check reports a bad value.
  if (!ELENTRA_ENVS.some((known) => known === envName)) return { file: null };
  for (const name of [`settings-${envName}.env`, `settings-${envName}.inc.php`]) {
    const absolute = resolve(cwd, name);
    if (existsSync(absolute)) return { file: readSettingsFile(cwd, absolute) };
  }
  return { file: null };
}

/** The demo's generated settings (written by `npm start`), or null when this is not a demo install. */
export function findDemoSettingsFile(cwd: string): SettingsFile | null {
  const absolute = resolve(cwd, DEMO_SETTINGS_FILE);
  return existsSync(absolute) ? readSettingsFile(cwd, absolute) : null;
}
