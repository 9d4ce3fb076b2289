// `start` (what `npm start` runs): the product on its embedded default. With no Microsoft app configured it prepares
// the demo on first run — generated settings in data/demo-settings.env, the Elentra-shaped tables and the demo
// school in the SQLite file — starts the built-in Microsoft 365 emulator as the tenant on the next port, and serves
// the web app. The emulator keeps its teams, events and tokens in data/emulator-state.json, so that after a restart
// the integration's database still points at teams that exist and the Microsoft authorization still holds. With a
// Microsoft app configured it is `serve`.
import { join } from 'node:path';
import type { Command } from 'commander';
import { DEMO_SETTINGS_FILE } from '../../config/constants.js';
import type { Config } from '../../config/index.js';
import { requireMicrosoftApp } from '../../config/index.js';
import { buildDemoTenantSeed } from '../../elentra/demo/tenant-seed.js';
import { migrateElentraDemoSchema } from '../../elentra/index.js';
import { UsageError } from '../../lib/errors.js';
import { ensureDemoAdmin } from '../../web/index.js';
import type { CliApp } from '../cli-app.js';
import { demoEmulatorPort, ensureDemoSettingsFile, readDemoState } from '../demo/demo-files.js';
import { seedEmbeddedDemo } from '../demo/seed-embedded-demo.js';
import { isEmbeddedElentra } from '../embedded.js';
import { serveUntilStopped } from './serve.js';

/** The embedded tenant's state (relative to the working folder, beside DEMO_SETTINGS_FILE); delete data/ to reset. */
export const DEMO_EMULATOR_STATE_FILE = 'data/emulator-state.json';

function usesDemoSettings(config: Config): boolean {
  const source = config.sources.MS_OAUTH_CLIENT_ID;
  return source.kind === 'file' && source.path.endsWith(DEMO_SETTINGS_FILE);
}

export function registerStartCommand(program: Command, app: CliApp): void {
  program
    .command('start')
    .description('Run the product on its embedded default (SQLite + Microsoft 365 emulator + demo data)')
    .action(async () => {
      let config = app.config();
      // The demo is for development only: production and staging never read data/demo-settings.env (src/config).
      if (config.MS_OAUTH_CLIENT_ID === null && config.ELENTRA_ENV === 'development') {
        if (ensureDemoSettingsFile(app.io.cwd, config.PORT)) {
          app.io.out(`First start: wrote the demo's settings to ${DEMO_SETTINGS_FILE}.`);
        }
        config = app.reloadConfig();
      }
      if (!usesDemoSettings(config)) {
        await serveUntilStopped(app, config);
        return;
      }
      const viewerUrl = await startDemoTenant(app, config);
      const banner = [`Microsoft 365 emulator (the demo's tenant): ${viewerUrl}`];
      const admin = await ensureDemoAdmin(await app.database());
      if (admin) {
        banner.push(`Sign in as "${admin.username}" with the one-time password ${admin.password} (shown only now).`);
      }
      await serveUntilStopped(app, config, {
        banner,
        links: [{ label: "The demo tenant's viewer (Microsoft 365 emulator)", href: viewerUrl }],
      });
    });
}

/** Prepares the demo school and starts the emulator as its tenant; returns the tenant viewer's address. */
async function startDemoTenant(app: CliApp, config: Config): Promise<string> {
  const start = app.extensions.startEmbeddedTenant;
  if (!start) {
    throw new UsageError(
      'This build has no Microsoft 365 emulator: configure a Microsoft app (see docs/azure-setup.md).',
    );
  }
  await app.database();
  let seededAt = readDemoState(app.io.cwd)?.seededAt;
  if (isEmbeddedElentra(config)) {
    const elentra = await app.elentra();
    await migrateElentraDemoSchema(elentra);
    if (seededAt === undefined) {
      const now = new Date();
      const result = await seedEmbeddedDemo(app, elentra, now);
      app.io.out(result.message);
      if (result.seeded) seededAt = now.toISOString();
    }
  }
  const microsoft = requireMicrosoftApp(config);
  const seed = buildDemoTenantSeed({
    now: new Date(seededAt ?? Date.now()),
    tenantId: microsoft.tenantId,
    clientId: microsoft.clientId,
    clientSecret: microsoft.clientSecret.reveal(),
    redirectUris: [config.MS_OAUTH_REDIRECT_URL],
  });
  const tenant = await start({
    port: portOf(config.MS_LOGIN_URL, demoEmulatorPort(config.PORT)),
    host: '127.0.0.1',
    seed,
    statePath: join(app.io.cwd, DEMO_EMULATOR_STATE_FILE),
  });
  app.onClose(() => tenant.stop());
  return tenant.viewerUrl;
}

function portOf(url: string, fallback: number): number {
  const port = Number(new URL(url).port);
  return Number.isInteger(port) && port > 0 ? port : fallback;
}
