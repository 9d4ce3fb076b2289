// `serve`: the web app on PORT with the configured databases and Microsoft, until SIGINT or SIGTERM.
import type { Command } from 'commander';
import type { Config } from '../../config/index.js';
import { createWebServer } from '../../web/create-server.js';
import type { CliApp } from '../cli-app.js';
import { waitForStopSignal } from '../wait-for-stop.js';

export interface ServeOptions {
  links?: Array<{ label: string; href: string }>;
  /** Printed once the server listens (the embedded demo adds the tenant viewer's address). */
  banner?: string[];
}

/** Starts the web app, prints where it listens, and resolves when the process is asked to stop. */
export async function serveUntilStopped(app: CliApp, config: Config, options: ServeOptions = {}): Promise<void> {
  await app.database();
  const server = createWebServer({ config, ...(options.links ? { links: options.links } : {}) });
  await server.listen({ port: config.PORT, host: '0.0.0.0' });
  app.onClose(() => server.close());
  app.io.out(`Elentra Teams is running at ${config.ENTRADA_URL}/`);
  for (const line of options.banner ?? []) app.io.out(line);
  app.io.out('Press Ctrl+C to stop.');
  const signal = await waitForStopSignal();
  app.io.out(`Stopping (${signal}).`);
}

export function registerServeCommand(program: Command, app: CliApp): void {
  program
    .command('serve')
    .description('Run the web app with the configured databases and Microsoft tenant, until stopped')
    .action(async () => {
      await serveUntilStopped(app, app.config());
    });
}
