// The emulator's behaviour layer: throttling, fault injection, latency and the request log, one `Behaviour` per
// emulator context. Graph requests (and every `$batch` inner request) go through it from the Graph pipeline
// (emulator/src/graph/pipeline.ts), so that inner requests are throttled and faulted on their own; the Fastify hooks
// registered here apply faults to the other routes (the identity platform) and log them. Control: graph/control.ts.
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { aadError, tokenErrorBody } from '../identity/errors.js';
import { applyLimits, type LimitsConfig, resolveGraphOptions } from './defaults.js';
import { DEFAULT_TIMEOUT_HOLD_SECONDS, FaultInjector, type FaultRule } from './faults.js';
import { deriveSeed } from './prng.js';
import { RequestLog } from './request-log.js';
import { Throttler } from './throttle.js';

export type { FaultRule } from './faults.js';
export type { RequestLogEntry } from './request-log.js';
export type { Admission, ThrottleTarget } from './throttle.js';

export interface Timing {
  teamOperationMs: number;
  replicationDelayMs: number;
}

export class Behaviour {
  readonly throttler: Throttler;
  readonly faults: FaultInjector;
  readonly log = new RequestLog();
  timing: Timing;
  private readonly held = new Set<{ destroy: () => void }>();

  constructor(private readonly ctx: EmulatorContext) {
    const resolved = resolveGraphOptions(ctx.options.graph);
    this.throttler = new Throttler(resolved.limits);
    this.faults = new FaultInjector(deriveSeed(ctx.options.seed, 'faults'));
    this.timing = { teamOperationMs: resolved.teamOperationMs, replicationDelayMs: resolved.replicationDelayMs };
  }

  get limits(): LimitsConfig {
    return this.throttler.limits;
  }

  setLimits(input: Parameters<typeof applyLimits>[1]): LimitsConfig {
    this.throttler.limits = applyLimits(this.throttler.limits, input);
    return this.throttler.limits;
  }

  /** Back to the options the emulator was started with: limits, timing, no faults, empty log and windows. */
  reset(): void {
    const resolved = resolveGraphOptions(this.ctx.options.graph);
    this.throttler.reset(resolved.limits);
    this.faults.remove();
    this.log.clear();
    this.timing = { teamOperationMs: resolved.teamOperationMs, replicationDelayMs: resolved.replicationDelayMs };
  }

  /** Destroys the connection now (`reset`, `lost-response`) or after `holdSeconds` (`timeout`). */
  dropConnection(raw: IncomingMessage, rule: FaultRule | 'reset'): void {
    const socket = raw.socket;
    if (rule === 'reset' || rule.kind !== 'timeout') {
      socket.destroy();
      return;
    }
    const holdMs = (rule.holdSeconds ?? DEFAULT_TIMEOUT_HOLD_SECONDS) * 1000;
    const entry = {
      destroy: () => {
        clearTimeout(timer);
        this.held.delete(entry);
        socket.destroy();
      },
    };
    const timer = setTimeout(entry.destroy, holdMs);
    socket.once('close', entry.destroy);
    this.held.add(entry);
  }

  /** Releases every held (`timeout`) connection; called when the server closes. */
  releaseHeld(): void {
    for (const entry of [...this.held]) entry.destroy();
  }
}

const behaviours = new WeakMap<EmulatorContext, Behaviour>();

/** The behaviour layer of this emulator, created on first use (and reset with the tenant). */
export function getBehaviour(ctx: EmulatorContext): Behaviour {
  let behaviour = behaviours.get(ctx);
  if (!behaviour) {
    const created = new Behaviour(ctx);
    behaviour = created;
    behaviours.set(ctx, created);
    ctx.onReset.push(() => created.reset());
  }
  return behaviour;
}

const GRAPH_PREFIX = '/v1.0';
const CONTROL_PREFIX = '/_emulator';

interface HookState {
  startedAt: number;
  lostResponse?: FaultRule;
  fault?: string;
}
const hookStates = new WeakMap<FastifyRequest, HookState>();

/**
 * Hooks for every route other than Graph's (Graph requests are handled in the Graph pipeline): fault injection for
 * the identity platform and the request log. Control routes (`/_emulator/…`) are neither faulted nor logged.
 */
export function registerBehaviourHooks(app: FastifyInstance, ctx: EmulatorContext): void {
  const behaviour = getBehaviour(ctx);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const path = pathOf(request.url);
    if (isGraphPath(path) || path.startsWith(CONTROL_PREFIX)) return;
    const state: HookState = { startedAt: performance.now() };
    hookStates.set(request, state);
    const rule = behaviour.faults.pick({ method: request.method, path, route: request.routeOptions.url });
    if (!rule) return;
    state.fault = rule.kind;
    switch (rule.kind) {
      case 'status': {
        const status = rule.status ?? 503;
        if (rule.retryAfterSeconds !== undefined) reply.header('Retry-After', String(rule.retryAfterSeconds));
        // The identity platform's error JSON (GRAPH-FACTS §1); AADSTS90033 is its "transient error" code.
        const error = status === 429 || status === 503 ? 'temporarily_unavailable' : 'server_error';
        const body = tokenErrorBody(
          aadError(error, 90033, rule.message ?? 'A transient error has occurred. Please try again.'),
          ctx.now(),
        );
        await reply.code(status).header('content-type', 'application/json; charset=utf-8').send(body);
        return;
      }
      case 'reset':
      case 'timeout':
        logIdentity(behaviour, ctx, request, null, state);
        reply.hijack();
        behaviour.dropConnection(request.raw, rule);
        return;
      case 'lost-response':
        state.lostResponse = rule;
        return;
      default:
        return; // failed-operation / meeting-missing mean nothing outside Graph
    }
  });

  app.addHook('onSend', async (request: FastifyRequest, _reply: FastifyReply, payload: unknown) => {
    const state = hookStates.get(request);
    if (state?.lostResponse) {
      logIdentity(behaviour, ctx, request, null, state);
      state.lostResponse = undefined;
      hookStates.delete(request);
      behaviour.dropConnection(request.raw, 'reset');
    }
    return payload;
  });

  app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    const state = hookStates.get(request);
    if (!state) return;
    logIdentity(behaviour, ctx, request, reply.statusCode, state);
  });

  // preClose: before the server waits for open connections, so a held (timeout) connection cannot delay shutdown.
  app.addHook('preClose', async () => {
    behaviour.releaseHeld();
  });
}

function logIdentity(
  behaviour: Behaviour,
  ctx: EmulatorContext,
  request: FastifyRequest,
  status: number | null,
  state: HookState,
): void {
  hookStates.delete(request);
  const path = pathOf(request.url);
  behaviour.log.add({
    at: new Date(ctx.now()).toISOString(),
    method: request.method,
    path,
    route: request.routeOptions.url ?? path,
    status,
    throttled: false,
    durationMs: Math.round(performance.now() - state.startedAt),
    ...(state.fault ? { fault: state.fault } : {}),
  });
}

function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

function isGraphPath(path: string): boolean {
  return path === GRAPH_PREFIX || path.startsWith(`${GRAPH_PREFIX}/`);
}
