#!/usr/bin/env node
// The command-line program and the composition root: it hands the product's CLI (dist/src) the Microsoft 365
// emulator (dist/emulator), which the product itself never imports. Both are loaded lazily so that commands such as
// `schedule:run` start fast. `npm ci` builds dist/ (the `prepare` script); run `npm run build` after editing.
import { main } from '../dist/src/cli/main.js';

const extensions = {
  async startEmbeddedTenant(options) {
    const { startEmulator } = await import('../dist/emulator/src/server.js');
    return startEmulator({
      port: options.port,
      host: options.host,
      seed: options.seed,
      ...(options.statePath ? { statePath: options.statePath } : {}),
    });
  },
  async runEmulatorCli(args) {
    const { runEmulatorCli } = await import('../dist/emulator/src/main.js');
    return runEmulatorCli(args);
  },
};

process.exitCode = await main(process.argv, undefined, extensions);
