// The standalone program, run in-process: it prints its URLs, serves, and stops on the abort signal; bad arguments
// and bad seeds exit 2 with the reason. Also HTTPS with a throwaway self-signed certificate when openssl exists.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { get as httpsGet } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEmulatorCli } from './main.js';
import { startEmulator } from './server.js';

function memoryIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } };
}

async function waitFor(condition: () => boolean) {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
}

describe('runEmulatorCli', () => {
  it('prints its URLs, serves until aborted, then exits 0', async () => {
    const { out, io } = memoryIo();
    const controller = new AbortController();
    const running = runEmulatorCli(['--port', '0'], io, controller.signal);
    await waitFor(() => out.some((l) => l.includes('MS_GRAPH_URL')));
    const base = out[0]?.match(/listening on (\S+)/)?.[1] ?? '';
    expect(out.join('\n')).toContain(`MS_LOGIN_URL ${base}`);
    expect((await fetch(`${base}/_emulator/tenant`)).status).toBe(200);
    controller.abort();
    expect(await running).toBe(0);
  });

  it('exits 2 on a bad argument or an invalid seed file', async () => {
    const bad = memoryIo();
    expect(await runEmulatorCli(['--nope'], bad.io)).toBe(2);
    expect(bad.err.join('\n')).toMatch(/unknown argument '--nope'[\s\S]*Usage:/);
    const path = join(mkdtempSync(join(tmpdir(), 'seed-')), 'seed.json');
    writeFileSync(path, JSON.stringify({ tenantId: 'x' }));
    const seed = memoryIo();
    expect(await runEmulatorCli(['--seed', path], seed.io)).toBe(2);
    expect(seed.err.join('\n')).toMatch(/Invalid tenant seed[\s\S]*tenantId: must be a GUID/);
  });
});

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.runIf(hasOpenssl())('HTTPS', () => {
  it('serves over TLS with the given certificate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tls-'));
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
      ],
      { stdio: 'ignore' },
    );
    const emu = await startEmulator({ tls: { cert: readFileSync(cert), key: readFileSync(key) } });
    try {
      expect(emu.baseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const status = await new Promise<number | undefined>((resolve, reject) => {
        httpsGet(`${emu.controlUrl}/tenant`, { rejectUnauthorized: false }, (res) => resolve(res.statusCode)).on(
          'error',
          reject,
        );
      });
      expect(status).toBe(200);
    } finally {
      await emu.stop();
    }
  });
});
