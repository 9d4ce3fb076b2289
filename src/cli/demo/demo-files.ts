// The embedded demo's files under data/ (relative to the working folder): the generated settings, read by
// loadConfig() at the lowest priority, and the demo's state (when the school was seeded, which fixes its people).
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEMO_SETTINGS_FILE } from '../../config/constants.js';

export const DEMO_STATE_FILE = 'data/demo-state.json';

/** The first port after the web app's: where the demo's Microsoft 365 emulator listens. */
export function demoEmulatorPort(webPort: number): number {
  return webPort < 65535 ? webPort + 1 : webPort - 1;
}

/**
 * Writes data/demo-settings.env unless it exists: a fresh tenant id, app id and client secret for the emulator's
 * demo app, a random APP_KEY, and the emulator's addresses. Returns whether it wrote the file. Mode 0600: it holds
 * secrets.
 */
export function ensureDemoSettingsFile(cwd: string, webPort: number): boolean {
  const path = join(cwd, DEMO_SETTINGS_FILE);
  if (existsSync(path)) return false;
  const emulatorUrl = `http://127.0.0.1:${demoEmulatorPort(webPort)}`;
  const lines = [
    '# Written by `npm start` for the embedded demo: the built-in Microsoft 365 emulator is the tenant.',
    '# Settings in the environment or in a settings file win over these. Delete data/ to start the demo over.',
    `MS_AD_TENANT_ID=${randomUUID()}`,
    `MS_OAUTH_CLIENT_ID=${randomUUID()}`,
    `MS_OAUTH_CLIENT_SECRET=${randomBytes(30).toString('base64url')}`,
    `APP_KEY=base64:${randomBytes(32).toString('base64')}`,
    `MS_LOGIN_URL=${emulatorUrl}`,
    `MS_GRAPH_URL=${emulatorUrl}`,
    '',
  ];
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, lines.join('\n'), { mode: 0o600 });
  return true;
}

export interface DemoState {
  /** When the demo school was seeded: its cohorts and terms are relative to it, and so is the tenant's user list. */
  seededAt: string;
}

export function readDemoState(cwd: string): DemoState | null {
  const path = join(cwd, DEMO_STATE_FILE);
  if (!existsSync(path)) return null;
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<DemoState>;
  return typeof parsed.seededAt === 'string' ? { seededAt: parsed.seededAt } : null;
}

export function writeDemoState(cwd: string, state: DemoState): void {
  const path = join(cwd, DEMO_STATE_FILE);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(state, null, 2)}\n`);
}
