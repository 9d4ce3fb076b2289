// One log line per answered request: method, path (never the query: it may hold an OAuth code or state), status,
// duration and who asked. Static files and health checks are left out, so the log shows what people did.
import type { FastifyInstance } from 'fastify';

export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path.startsWith('/static/') || path === '/healthz') return;
    const fields = {
      method: request.method,
      path,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
      user: request.session?.user?.username ?? null,
      ip: request.ip,
    };
    if (reply.statusCode >= 500) request.log.error(fields, 'request failed');
    else request.log.info(fields, 'request');
  });
}
