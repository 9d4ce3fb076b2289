// The Graph and behaviour part of the control API (`/_emulator/…`, JSON):
//   GET    /_emulator/state      teams (members, roles, events), team-less groups, users, tenant, apps without secrets
//   GET    /_emulator/requests   `{requests, totals}` (`?since=<seq>` for the newest only); DELETE clears
//   POST   /_emulator/faults     add fault rules (one rule, an array, or `{rules}`); GET lists; DELETE clears (`?id=`)
//   POST   /_emulator/limits     throttling overrides (`{enabled:false}`, `{scale}`, `{teams:{…}}`, `"off"`, `"documented"`)
//   POST   /_emulator/latency    `{ms}`: latency of every Graph answer
//   POST   /_emulator/timing     `{teamOperationMs?, replicationDelayMs?}`
// Everything here is reset by `POST /_emulator/reset` (back to the start options).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { compilePattern, faultRuleInput } from '../behaviour/faults.js';
import { getBehaviour } from '../behaviour/index.js';
import type { EmulatorContext, GraphLimitsInput } from '../context.js';
import { publicTenant } from '../context.js';
import { controlError } from '../control/reply.js';
import { graphSnapshot } from './snapshot.js';

const TEAMS_LIMIT_NAMES = [
  'createTeamPerWindow',
  'teamifyPerWindow',
  'getTeamPerWindow',
  'getMembersPerWindow',
  'otherGetPerWindow',
  'otherWritePerWindow',
  'perTeamPerWindow',
  'windowMs',
] as const;

const positive = z.number().positive();
const limitsInput = z.union([
  z.enum(['off', 'documented']),
  z
    .object({
      enabled: z.boolean().optional(),
      scale: positive.optional(),
      teams: z.partialRecord(z.enum(TEAMS_LIMIT_NAMES), positive).optional(),
      directory: z
        .object({
          resourceUnits: positive.nullable().optional(),
          windowMs: positive.optional(),
          writes: positive.optional(),
          writeWindowMs: positive.optional(),
        })
        .strict()
        .optional(),
      outlook: z
        .object({ requests: positive.optional(), windowMs: positive.optional(), concurrent: positive.optional() })
        .strict()
        .optional(),
    })
    .strict(),
]);

const timingInput = z
  .object({ teamOperationMs: z.number().min(0).optional(), replicationDelayMs: z.number().min(0).optional() })
  .strict();
const latencyInput = z.object({ ms: z.number().min(0) }).strict();

/** 400 in the control API's error shape (control/reply.ts). */
function invalid(reply: FastifyReply, error: unknown) {
  const details =
    error instanceof z.ZodError
      ? error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
      : [error instanceof Error ? error.message : String(error)];
  return controlError(reply, 400, 'InvalidRequest', 'The request body is not valid.', details);
}

export function registerGraphControlRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const behaviour = getBehaviour(ctx);

  app.get('/_emulator/state', async () => {
    const tenant = publicTenant(ctx.tenant);
    return {
      tenant: {
        tenantId: tenant.tenantId,
        domain: tenant.domain,
        displayName: tenant.displayName,
        education: tenant.education,
      },
      users: tenant.users,
      apps: tenant.apps,
      ...graphSnapshot(ctx),
    };
  });

  app.get('/_emulator/requests', async (request) => {
    const since = Number((request.query as Record<string, string | undefined>).since ?? 0) || 0;
    const requests = behaviour.log.list(since);
    return { requests, totals: behaviour.log.totals(requests) };
  });
  app.delete('/_emulator/requests', async () => {
    const cleared = behaviour.log.list().length;
    behaviour.log.clear();
    return { cleared };
  });

  app.get('/_emulator/faults', async () => ({ rules: behaviour.faults.list() }));
  app.post('/_emulator/faults', async (request, reply) => {
    try {
      const body = request.body as unknown;
      const raw = Array.isArray(body)
        ? body
        : body && typeof body === 'object' && 'rules' in body
          ? (body as { rules: unknown }).rules
          : [body];
      const inputs = z.array(faultRuleInput).min(1).parse(raw);
      for (const input of inputs) compilePattern(input.route);
      const rules = inputs.map((input) => behaviour.faults.add(input));
      return reply.code(201).send({ rules });
    } catch (error) {
      return invalid(reply, error);
    }
  });
  app.delete('/_emulator/faults', async (request) => {
    const id = (request.query as Record<string, string | undefined>).id;
    return { removed: behaviour.faults.remove(id) };
  });

  app.get('/_emulator/limits', async () => ({ limits: behaviour.limits }));
  app.post('/_emulator/limits', async (request, reply) => {
    try {
      const input = limitsInput.parse(request.body) as GraphLimitsInput | 'off' | 'documented';
      return { limits: behaviour.setLimits(input) };
    } catch (error) {
      return invalid(reply, error);
    }
  });

  app.post('/_emulator/latency', async (request, reply) => {
    try {
      ctx.options.latencyMs = latencyInput.parse(request.body).ms;
      return { latencyMs: ctx.options.latencyMs };
    } catch (error) {
      return invalid(reply, error);
    }
  });

  app.get('/_emulator/timing', async () => ({ timing: behaviour.timing }));
  app.post('/_emulator/timing', async (request, reply) => {
    try {
      const input = timingInput.parse(request.body);
      behaviour.timing = {
        teamOperationMs: input.teamOperationMs ?? behaviour.timing.teamOperationMs,
        replicationDelayMs: input.replicationDelayMs ?? behaviour.timing.replicationDelayMs,
      };
      return { timing: behaviour.timing };
    } catch (error) {
      return invalid(reply, error);
    }
  });
}
