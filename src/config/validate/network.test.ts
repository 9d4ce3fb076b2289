// HOST and TRUST_PROXY as the web server uses them: every TRUST_PROXY value the check accepts is one Fastify accepts,
// and it decides whose X-Forwarded-For becomes request.ip (login throttling and audit rows use it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../load-config.js';
import { trustProxyOption } from './network.js';

const cwd = mkdtempSync(join(tmpdir(), 'elentra-teams-network-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

/** request.ip for a request from `peer` carrying `X-Forwarded-For: forwardedFor`, with TRUST_PROXY=`trustProxy`. */
async function clientIp(trustProxy: string | undefined, peer: string, forwardedFor: string): Promise<string> {
  const config = loadConfig({ cwd, env: trustProxy === undefined ? {} : { TRUST_PROXY: trustProxy } });
  const app = Fastify({ trustProxy: trustProxyOption(config.TRUST_PROXY) });
  app.get('/', async (request) => request.ip);
  try {
    const response = await app.inject({
      url: '/',
      remoteAddress: peer,
      headers: { 'x-forwarded-for': forwardedFor },
    });
    return response.body;
  } finally {
    await app.close();
  }
}

describe('TRUST_PROXY', () => {
  it('by default ignores X-Forwarded-For: the TCP peer is the client', async () => {
    expect(await clientIp(undefined, '10.0.0.2', '203.0.113.7')).toBe('10.0.0.2');
    expect(await clientIp('0', '10.0.0.2', '203.0.113.7')).toBe('10.0.0.2');
  });

  it('with the proxy addresses, believes X-Forwarded-For from those proxies only', async () => {
    expect(await clientIp('10.0.0.0/8', '10.0.0.2', '203.0.113.7')).toBe('203.0.113.7');
    // A client sending its own X-Forwarded-For through the proxy cannot choose its address.
    expect(await clientIp('10.0.0.0/8', '10.0.0.2', '198.51.100.1, 203.0.113.7')).toBe('203.0.113.7');
    // Not from a trusted proxy: the header is ignored.
    expect(await clientIp('127.0.0.1, 10.0.0.5', '192.0.2.9', '203.0.113.7')).toBe('192.0.2.9');
    expect(await clientIp('loopback', '127.0.0.1', '203.0.113.7')).toBe('203.0.113.7');
  });

  it('with 1, trusts every hop (the left-most address)', async () => {
    expect(await clientIp('1', '10.0.0.2', '198.51.100.1, 203.0.113.7')).toBe('198.51.100.1');
  });
});

describe('HOST', () => {
  it('defaults to every interface', () => {
    expect(loadConfig({ cwd, env: {} }).HOST).toBe('0.0.0.0');
    expect(loadConfig({ cwd, env: { HOST: ' 127.0.0.1 ' } }).HOST).toBe('127.0.0.1');
  });
});
