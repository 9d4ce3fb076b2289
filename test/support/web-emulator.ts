// The web tests against the Microsoft 365 emulator: the settings that point the web app at the emulator's first app
// (Microsoft sends the browser back to `entradaUrl`), and the web app's log kept as text, to prove no secret reaches it.
import { Writable } from 'node:stream';
import type { RunningEmulator } from '../../emulator/src/server.js';
import { firstApp } from '../../emulator/src/testing/oauth.js';
import { microsoftEnv } from '../../src/web/testing/web-fixture.js';

/** MS_* for `emu`'s first app, and ENTRADA_URL = `entradaUrl`: the `env` of startWebFixture. */
export function emulatorWebEnv(emu: RunningEmulator, entradaUrl: string): Record<string, string> {
  const app = firstApp(emu);
  return {
    ...microsoftEnv({
      loginUrl: emu.loginUrl,
      graphUrl: emu.graphUrl,
      tenantId: emu.context.tenant.tenantId,
      clientId: app.clientId,
      clientSecret: app.secret,
    }),
    ENTRADA_URL: entradaUrl,
  };
}

/** A log stream for startWebFixture's `log`, and everything written to it so far. */
export function textLog(): { stream: Writable; text(): string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}
