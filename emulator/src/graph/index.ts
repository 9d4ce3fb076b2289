// Graph v1.0 for the emulator: every `/v1.0/…` route on one Fastify catch-all, dispatched by Graph's own router so that
// `$batch` inner requests take exactly the same path (pipeline.ts). Resource families: users.ts, timezones.ts,
// groups.ts, delta.ts, teams.ts, members.ts, events.ts, batch.ts. Control routes: control.ts. README: emulator/README.md.
import type { FastifyInstance } from 'fastify';
import { getBehaviour } from '../behaviour/index.js';
import type { EmulatorContext } from '../context.js';
import { batchRoute } from './batch.js';
import { deltaRoutes } from './delta.js';
import { eventRoutes } from './events.js';
import { groupRoutes } from './groups.js';
import type { GraphRequest } from './http.js';
import { memberRoutes } from './members.js';
import { runGraphRequest } from './pipeline.js';
import { normalizePath, Router } from './router.js';
import { type GraphStateSnapshot, graphSnapshot } from './snapshot.js';
import { getGraphStateRecord } from './state.js';
import { teamRoutes } from './teams.js';
import { timeZoneRoutes } from './timezones.js';
import { userRoutes } from './users.js';

export type { EventSnapshot, GraphStateSnapshot, GroupSnapshot, MemberSnapshot, TeamSnapshot } from './snapshot.js';

export function createGraphRouter(): Router {
  const router = new Router();
  // `/groups/delta` before `/groups/{groupId}`.
  router.add(
    ...deltaRoutes,
    ...userRoutes,
    ...timeZoneRoutes,
    ...groupRoutes,
    ...teamRoutes,
    ...memberRoutes,
    ...eventRoutes,
    batchRoute(router),
  );
  return router;
}

const GRAPH_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export function registerGraphRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const behaviour = getBehaviour(ctx);
  getGraphStateRecord(ctx); // registers the reset hook now, not on the first request
  const router = createGraphRouter();

  app.register(async (scope) => {
    // Graph parses its own bodies: JSON errors must come back in Graph's shape, after the token check.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    const handler = async (request: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply) => {
      const rawUrl = request.raw.url ?? '/v1.0';
      const q = rawUrl.indexOf('?');
      const rawPath = (q === -1 ? rawUrl : rawUrl.slice(0, q)).slice('/v1.0'.length) || '/';
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers))
        if (typeof value === 'string') headers[name.toLowerCase()] = value;
      const req: GraphRequest = {
        method: request.method,
        path: normalizePath(rawPath),
        query: new URLSearchParams(q === -1 ? '' : rawUrl.slice(q + 1)),
        headers,
        body: undefined,
        seq: behaviour.log.nextSeq(),
      };
      if (Buffer.isBuffer(request.body) && request.body.length > 0) {
        try {
          req.body = JSON.parse(request.body.toString('utf8'));
        } catch {
          req.invalidBody = true;
        }
      }
      const result = await runGraphRequest(ctx, router, req, { topLevel: true });
      if (result.drop) {
        reply.hijack();
        behaviour.dropConnection(request.raw, result.drop.kind === 'timeout' ? result.drop : 'reset');
        return;
      }
      const { status, headers: out, body } = result.response;
      reply.code(status).headers(out);
      return body === undefined ? reply.send() : reply.send(JSON.stringify(body));
    };
    scope.route({ method: [...GRAPH_METHODS], url: '/v1.0', handler });
    scope.route({ method: [...GRAPH_METHODS], url: '/v1.0/*', handler });
  });
}

/** Graph's state as plain data (teams, members, calendars, team-less groups), for the tenant viewer and the control API. */
export function getGraphState(ctx: EmulatorContext): GraphStateSnapshot {
  return graphSnapshot(ctx);
}
