// A pass-through HTTP proxy in front of the Microsoft 365 emulator that writes down every credential that crosses the
// wire, for test/security-secrets-scan.test.ts: what the token endpoint answered (access, refresh and id tokens),
// what the product sent it (client secret, authorization code, PKCE verifier, refresh token), and every authorization
// code or state in a redirect. The emulator is started with `publicBaseUrl` set to the proxy, so every URL it hands
// out (metadata, redirects, nextLink, operation locations) leads back here. The product is not changed: it is simply
// configured with the proxy's address as MS_LOGIN_URL and MS_GRAPH_URL, as it would be behind a real forward proxy.
import { createServer, type IncomingHttpHeaders, request, type Server } from 'node:http';

/** Names of the credentials a token request or answer carries (form fields and JSON keys alike). */
const CREDENTIAL_FIELDS = [
  'access_token',
  'refresh_token',
  'id_token',
  'code',
  'code_verifier',
  'client_secret',
  'client_assertion',
] as const;

export interface RecordingProxy {
  readonly url: string;
  /** Every credential value seen, by field name (`redirect:code`, `redirect:state` for redirect Locations). */
  readonly seen: Map<string, Set<string>>;
  /** Requests that went through, as `METHOD path` (no query). */
  readonly requests: string[];
  close(): Promise<void>;
}

function remember(seen: Map<string, Set<string>>, field: string, value: unknown): void {
  if (typeof value !== 'string' || value === '') return;
  let values = seen.get(field);
  if (!values) {
    values = new Set();
    seen.set(field, values);
  }
  values.add(value);
}

function fromForm(seen: Map<string, Set<string>>, body: string): void {
  const form = new URLSearchParams(body);
  for (const field of CREDENTIAL_FIELDS) for (const value of form.getAll(field)) remember(seen, field, value);
}

function fromJson(seen: Map<string, Set<string>>, body: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return;
  }
  if (typeof parsed !== 'object' || parsed === null) return;
  for (const field of CREDENTIAL_FIELDS) remember(seen, field, Reflect.get(parsed, field));
}

function fromLocation(seen: Map<string, Set<string>>, location: string | undefined): void {
  if (!location) return;
  let url: URL;
  try {
    url = new URL(location, 'http://proxy.invalid');
  } catch {
    return;
  }
  for (const field of ['code', 'state'] as const) remember(seen, `redirect:${field}`, url.searchParams.get(field));
}

function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/**
 * Listens on 127.0.0.1:`port` and forwards everything to `upstream` (the emulator's real address, http only).
 * Bodies are buffered, which is fine for the emulator's small answers.
 */
export function startRecordingProxy(
  port: number,
  upstream: () => { host: string; port: number },
): Promise<RecordingProxy> {
  const seen = new Map<string, Set<string>>();
  const requests: string[] = [];
  const server: Server = createServer((incoming, outgoing) => {
    void (async () => {
      const body = await readAll(incoming);
      const path = incoming.url ?? '/';
      requests.push(`${incoming.method ?? 'GET'} ${path.split('?')[0]}`);
      const isToken = /\/oauth2\/v2\.0\/token$/.test(path.split('?')[0] ?? '');
      if (isToken) fromForm(seen, body.toString('utf8'));
      const target = upstream();
      const headers: IncomingHttpHeaders = { ...incoming.headers, host: `${target.host}:${target.port}` };
      const forwarded = request(
        { host: target.host, port: target.port, method: incoming.method, path, headers },
        (answer) => {
          void readAll(answer).then((answerBody) => {
            const location = answer.headers.location;
            fromLocation(seen, typeof location === 'string' ? location : undefined);
            if (isToken) fromJson(seen, answerBody.toString('utf8'));
            outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
            outgoing.end(answerBody);
          });
        },
      );
      forwarded.on('error', (error) => {
        outgoing.writeHead(502, { 'content-type': 'text/plain' });
        outgoing.end(`proxy: ${error.message}`);
      });
      forwarded.end(body);
    })();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${port}`,
        seen,
        requests,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
