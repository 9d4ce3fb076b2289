// The web application. For now a landing page and a health check; the sign-in, the Microsoft Account page and the
// dashboard arrive with their issues. Fastify, server-rendered pages, no client JavaScript.
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from '../config/index.js';

export interface WebServerOptions {
  config: Config;
  /** Extra links shown on the landing page (the emulator's tenant viewer in the embedded demo). */
  links?: Array<{ label: string; href: string }>;
}

export function createWebServer(options: WebServerOptions): FastifyInstance {
  const app = Fastify({ logger: false });
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/', async (_request, reply) => {
    const links = (options.links ?? [])
      .map((link) => `<li><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></li>`)
      .join('');
    reply.type('text/html; charset=utf-8');
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Elentra Teams</title></head>
<body><main><h1>Elentra Teams</h1><p>The service is running for ${escapeHtml(options.config.ENTRADA_URL)}.</p>
<ul>${links}</ul></main></body></html>`;
  });
  return app;
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
