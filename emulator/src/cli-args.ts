// Parses the standalone program's arguments (main.ts): `[--port N] [--host H] [--seed FILE] [--state FILE]
// [--auto-consent] [--tls-cert F --tls-key F] [--latency MS] [--public-url URL]`. Returns a usage error instead of
// throwing.
import type { StartEmulatorOptions } from './options.js';

export const USAGE = `Usage: emulator [--port N] [--host H] [--seed FILE] [--state FILE] [--auto-consent]
                [--tls-cert FILE --tls-key FILE] [--latency MS] [--public-url URL]
  --port N          listen on port N (default 0: any free port)
  --host H          listen address (default 127.0.0.1)
  --seed FILE       tenant seed JSON (default: emulator/seeds/default-tenant.json)
  --state FILE      keep teams, events and tokens in FILE across restarts (read at start, saved after changes)
  --auto-consent    answer authorize at once for a login_hint of a tenant user (automation only)
  --tls-cert FILE   PEM certificate; with --tls-key serve HTTPS
  --tls-key FILE    PEM private key
  --latency MS      extra latency on every Graph answer
  --public-url URL  the base URL clients use, when it differs from the listening address`;

export interface CliArgs {
  options: Omit<StartEmulatorOptions, 'tls'>;
  tlsCertPath?: string;
  tlsKeyPath?: string;
  help: boolean;
}

export function parseCliArgs(args: readonly string[]): { ok: true; value: CliArgs } | { ok: false; error: string } {
  const out: CliArgs = { options: {}, help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = (): string | undefined => inline ?? args[++i];
    const number = (name: string): number | string => {
      const raw = value();
      const n = Number(raw);
      return raw !== undefined && Number.isInteger(n) && n >= 0
        ? n
        : `${name} needs a whole number, got '${raw ?? ''}'`;
    };
    switch (flag) {
      case '--help':
      case '-h':
        out.help = true;
        break;
      case '--auto-consent':
        out.options.autoConsent = true;
        break;
      case '--port': {
        const n = number('--port');
        if (typeof n === 'string') return { ok: false, error: n };
        out.options.port = n;
        break;
      }
      case '--latency': {
        const n = number('--latency');
        if (typeof n === 'string') return { ok: false, error: n };
        out.options.latencyMs = n;
        break;
      }
      case '--host':
      case '--seed':
      case '--state':
      case '--tls-cert':
      case '--tls-key':
      case '--public-url': {
        const v = value();
        if (!v) return { ok: false, error: `${flag} needs a value` };
        if (flag === '--host') out.options.host = v;
        else if (flag === '--seed') out.options.seed = v;
        else if (flag === '--state') out.options.statePath = v;
        else if (flag === '--tls-cert') out.tlsCertPath = v;
        else if (flag === '--tls-key') out.tlsKeyPath = v;
        else out.options.publicBaseUrl = v;
        break;
      }
      default:
        return { ok: false, error: `unknown argument '${arg}'` };
    }
  }
  if (Boolean(out.tlsCertPath) !== Boolean(out.tlsKeyPath))
    return { ok: false, error: '--tls-cert and --tls-key go together' };
  return { ok: true, value: out };
}
