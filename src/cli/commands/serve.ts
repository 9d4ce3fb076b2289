// `serve`: the web app on HOST:PORT with the configured databases and Microsoft, until SIGINT or SIGTERM. Behind a
// reverse proxy, TRUST_PROXY says whose X-Forwarded-For to believe (login throttling and audit rows use the address).
import type { Command } from 'commander';
import { type Config, trustProxyOption } from '../../config/index.js';
import { createJobRegistry } from '../../scheduler/index.js';
import { createWebServer } from '../../web/create-server.js';
import type { CliApp } from '../cli-app.js';
import { jobHandlers } from '../job-handlers.js';
import { waitForStopSignal } from '../wait-for-stop.js';

export interface ServeOptions {
  links?: Array<{ label: string; href: string }>;
  /** Printed once the server listens (the embedded demo adds the tenant viewer's address). */
  banner?: string[];
}

/** Starts the web app, prints where it listens, and resolves when the process is asked to stop. */
export async function serveUntilStopped(app: CliApp, config: Config, options: ServeOptions = {}): Promise<void> {
  const database = await app.database();
  const elentra = await app.elentra();
  const jobRegistry = createJobRegistry(jobHandlers(app));
  const server = createWebServer({
    config,
    database,
    elentra,
    jobRegistry,
    trustProxy: trustProxyOption(config.TRUST_PROXY),
    ...(options.links ? { links: options.links } : {}),
  });
  await server.listen({ port: config.PORT, host: config.HOST });
  app.onClose(() => server.close());
  app.io.out(`Elentra Teams is running at ${config.ENTRADA_URL}/`);
  if (config.SCHEDULER_IN_PROCESS) {
    const { createJobRegistry, startInProcessScheduler } = await import('../../scheduler/index.js');
    const scheduler = startInProcessScheduler({ db: database, registry: createJobRegistry(jobHandlers(app)), config });
    // Closed before the server (closers run in reverse): a running job is told to stop and its lease released.
    app.onClose(() => scheduler.stop());
    app.io.out('The scheduler runs in this process (SCHEDULER_IN_PROCESS=1); the cron table decides what runs.');
  }
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
