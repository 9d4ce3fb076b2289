import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args.js';

describe('parseCliArgs', () => {
  it.each([
    [[], { options: {}, help: false }],
    [['--port', '4010', '--auto-consent'], { options: { port: 4010, autoConsent: true }, help: false }],
    [['--state', 'data/emulator-state.json'], { options: { statePath: 'data/emulator-state.json' }, help: false }],
    [
      ['--port=4010', '--latency=25', '--seed', 'x.json'],
      { options: { port: 4010, latencyMs: 25, seed: 'x.json' }, help: false },
    ],
    [
      ['--tls-cert', 'c.pem', '--tls-key', 'k.pem'],
      { options: {}, tlsCertPath: 'c.pem', tlsKeyPath: 'k.pem', help: false },
    ],
    [
      ['--host', '0.0.0.0', '--public-url', 'http://emu:4010'],
      { options: { host: '0.0.0.0', publicBaseUrl: 'http://emu:4010' }, help: false },
    ],
  ])('parses %j', (args, expected) => {
    expect(parseCliArgs(args)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [['--port', 'abc'], "--port needs a whole number, got 'abc'"],
    [['--seed'], '--seed needs a value'],
    [['--state'], '--state needs a value'],
    [['--tls-cert', 'c.pem'], '--tls-cert and --tls-key go together'],
    [['--frobnicate'], "unknown argument '--frobnicate'"],
  ])('refuses %j', (args, error) => {
    expect(parseCliArgs(args)).toEqual({ ok: false, error });
  });
});
