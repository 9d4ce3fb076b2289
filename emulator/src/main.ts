// The standalone emulator: `node dist/emulator/src/main.js [options]` (see cli-args.ts), also reached as
// `elentra-teams emulator [options]` through runEmulatorCli. Prints the URLs, runs until SIGINT / SIGTERM (or the
// given AbortSignal), then stops cleanly. Exit codes: 0 stopped, 1 failed to start, 2 bad arguments or seed.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseCliArgs, USAGE } from './cli-args.js';
import { startEmulator } from './server.js';
import { StateFileError } from './state-file.js';
import { SeedError } from './tenant/load-seed.js';

export interface EmulatorCliIo {
  out(text: string): void;
  err(text: string): void;
}

const STATE_LOADED = {
  restored: 'restored',
  new: 'new: created at the first change',
  'other-tenant': 'written for another tenant: ignored, replaced at the first change',
} as const;

const processIo: EmulatorCliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** `args` are the arguments after the program / command name. Resolves with the exit code once stopped. */
export async function runEmulatorCli(
  args: readonly string[],
  io: EmulatorCliIo = processIo,
  signal?: AbortSignal,
): Promise<number> {
  const parsed = parseCliArgs(args);
  if (!parsed.ok) {
    io.err(`Error: ${parsed.error}\n${USAGE}`);
    return 2;
  }
  if (parsed.value.help) {
    io.out(USAGE);
    return 0;
  }
  const { options, tlsCertPath, tlsKeyPath } = parsed.value;
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  try {
    const tls =
      tlsCertPath && tlsKeyPath ? { cert: readFileSync(tlsCertPath), key: readFileSync(tlsKeyPath) } : undefined;
    emulator = await startEmulator({ ...options, ...(tls ? { tls } : {}) });
  } catch (error) {
    io.err(`Error: ${(error as Error).message}`);
    return error instanceof SeedError || error instanceof StateFileError ? 2 : 1;
  }
  const tenant = emulator.context.tenant;
  io.out(`Microsoft 365 emulator listening on ${emulator.baseUrl}`);
  io.out(`  tenant       ${tenant.tenantId} (${tenant.domain})`);
  io.out(`  MS_LOGIN_URL ${emulator.loginUrl}`);
  io.out(`  MS_GRAPH_URL ${emulator.graphUrl}`);
  io.out(`  control API  ${emulator.controlUrl}`);
  io.out(`  viewer       ${emulator.viewerUrl}`);
  for (const a of tenant.apps)
    io.out(`  app          ${a.displayName}: client id ${a.clientId}, redirect ${a.redirectUris.join(' ')}`);
  if (emulator.stateFile)
    io.out(`  state file   ${emulator.stateFile.path} (${STATE_LOADED[emulator.stateFile.loaded]})`);
  if (options.autoConsent) io.out('  auto-consent on: authorize with a login_hint of a tenant user skips the pages');

  await new Promise<void>((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    if (signal?.aborted) done();
    signal?.addEventListener('abort', done, { once: true });
  });
  await emulator.stop();
  io.out('Emulator stopped.');
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runEmulatorCli(process.argv.slice(2));
}
