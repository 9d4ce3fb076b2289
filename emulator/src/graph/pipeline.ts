// One Graph request, top-level or `$batch` inner, end to end: route → token (401) → scopes (403) → throttling (429)
// → injected fault → latency → handler → standard headers → request log. Running inner requests through the same
// function is what makes each of them authenticated, throttled and faulted on its own (GRAPH-FACTS §7).
import { randomUUID } from 'node:crypto';
import { type FaultRule, getBehaviour } from '../behaviour/index.js';
import { latencyMs, sleep } from '../behaviour/latency.js';
import type { EmulatorContext } from '../context.js';
import { errorResponse, GraphError, graphError } from './errors.js';
import type { GraphRequest, GraphResponse } from './http.js';
import type { Router } from './router.js';
import { hasScope } from './scopes.js';
import { type GraphState, getGraphStateRecord, settleOperations, teamMemberIds } from './state.js';

export const JSON_CONTENT_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export interface PipelineResult {
  response: GraphResponse;
  /** Set when the connection must be dropped instead of answered (reset, timeout, lost response). */
  drop: FaultRule | null;
  /** The route pattern (with `/v1.0`), for the log. */
  route: string;
}

export interface PipelineOptions {
  /** Top-level requests wait the configured latency; inner requests share their batch's. */
  topLevel: boolean;
}

export async function runGraphRequest(
  ctx: EmulatorContext,
  router: Router,
  req: GraphRequest,
  opts: PipelineOptions,
): Promise<PipelineResult> {
  const behaviour = getBehaviour(ctx);
  const startedAt = performance.now();
  const requestId = randomUUID();
  const clientRequestId = req.headers['client-request-id'] || requestId;
  const nowMs = ctx.now();
  const fullPath = `/v1.0${req.path}`;
  let route = fullPath;
  let throttled = false;
  let fault: FaultRule | null = null;
  let response: GraphResponse;
  let drop: FaultRule | null = null;
  let release = (): void => {};
  let before: { groupId: string; userIds: string[] } | null = null;

  try {
    const match = router.match(req.method, req.path);
    if (match.kind === 'none') throw graphError('unknownSegment', { segment: match.segment });
    if (match.kind === 'wrong-method') throw graphError('methodNotAllowed', { method: req.method });
    const { route: found, params } = match;
    route = `/v1.0${found.pattern}`;

    const check = ctx.tokens.verifyAccessToken(bearerOf(req.headers.authorization));
    if (!check.ok) {
      const name =
        check.reason === 'missing' ? 'tokenMissing' : check.reason === 'expired' ? 'tokenExpired' : 'tokenInvalid';
      throw graphError(
        name,
        {},
        {
          'WWW-Authenticate': `Bearer realm="", authorization_uri="${ctx.options.baseUrl}/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`,
        },
      );
    }
    const grant = check.grant;
    if (!hasScope(grant.scopes, found.scopes)) throw scopeError(found.scopes.service, found.scopes.anyOf, grant.scopes);
    if (req.invalidBody) throw graphError('badJson');

    const target = found.throttle(params, req);
    const admission = behaviour.throttler.admit(
      target,
      { appId: grant.clientId, tenantId: grant.tenantId, tenantUsers: ctx.tenant.users.length },
      nowMs,
    );
    if (!admission.ok) {
      throttled = true;
      const headers = { ...admission.headers, 'Retry-After': String(admission.retryAfterSeconds) };
      throw new GraphError(429, admission.code, admission.message, headers);
    }
    release = admission.release;

    fault = behaviour.faults.pick({ method: req.method, path: fullPath, route });
    if (fault?.kind === 'status') throw statusFault(fault);
    if (fault?.kind === 'reset' || fault?.kind === 'timeout') {
      drop = fault;
      response = { status: 0, headers: {} };
    } else {
      if (opts.topLevel) await sleep(latencyMs(ctx));
      const state = getGraphStateRecord(ctx);
      before = req.method === 'GET' ? null : membershipOf(state, params);
      const handlerNow = ctx.now();
      settleOperations(state, handlerNow);
      response = await found.handler({
        ctx,
        state,
        grant,
        req,
        params,
        fault: fault?.kind === 'failed-operation' || fault?.kind === 'meeting-missing' ? fault : null,
        graphBase: `${ctx.options.baseUrl}/v1.0`,
        nowMs: handlerNow,
      });
      response.headers = { ...admission.headers, ...response.headers };
      if (fault?.kind === 'lost-response') drop = fault;
      if (response.drop) drop = drop ?? response.drop;
    }
  } catch (error) {
    response = errorResponse(asGraphError(error), requestId, clientRequestId, nowMs);
  } finally {
    release();
  }

  response.headers['request-id'] = requestId;
  response.headers['client-request-id'] = clientRequestId;
  if (response.body !== undefined && !hasHeader(response.headers, 'content-type'))
    response.headers['Content-Type'] = JSON_CONTENT_TYPE;

  const removed = before ? removedSince(getGraphStateRecord(ctx), before) : null;
  behaviour.log.add({
    ...(req.seq !== undefined ? { seq: req.seq } : {}),
    at: new Date(nowMs).toISOString(),
    method: req.method,
    path: fullPath,
    route,
    status: drop ? null : response.status,
    throttled,
    durationMs: Math.round(performance.now() - startedAt),
    ...(req.inner ? { batch: { seq: req.inner.batchSeq, id: req.inner.id } } : {}),
    ...(fault ? { fault: fault.kind } : {}),
    ...(removed ? { removed } : {}),
  });
  return { response, drop, route };
}

/** The members ∪ owners of the group a write names in its path (`{teamId}`, `{groupId}`), before it runs. */
function membershipOf(
  state: GraphState,
  params: Record<string, string>,
): { groupId: string; userIds: string[] } | null {
  const groupId = params.teamId ?? params.groupId;
  const group = groupId === undefined ? undefined : state.groups.get(groupId);
  return group ? { groupId: group.id, userIds: teamMemberIds(group) } : null;
}

/** Who of `before` is no longer in the group (all of them when the group is gone); null when nobody left. */
function removedSince(state: GraphState, before: { groupId: string; userIds: string[] }) {
  const group = state.groups.get(before.groupId);
  const now = new Set(group ? teamMemberIds(group) : []);
  const userIds = before.userIds.filter((id) => !now.has(id));
  return userIds.length > 0 ? { groupId: before.groupId, userIds } : null;
}

function bearerOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer\s+(.+)$/i.exec(header.trim());
  return m ? (m[1] ?? '').trim() : header.trim();
}

function scopeError(service: string, required: readonly string[], granted: readonly string[]): GraphError {
  if (service === 'teams')
    return graphError('teamsMissingScope', { required: required.join(', '), granted: granted.join(', ') });
  if (service === 'outlook') return graphError('outlookAccessDenied');
  return graphError('insufficientPrivileges');
}

const STATUS_FAULTS: Record<number, string> = {
  429: 'tooManyRequests',
  500: 'generalException',
  503: 'serviceNotAvailable',
  504: 'gatewayTimeout',
};

function statusFault(rule: FaultRule): GraphError {
  const status = rule.status ?? 503;
  const headers: Record<string, string> =
    rule.retryAfterSeconds !== undefined ? { 'Retry-After': String(rule.retryAfterSeconds) } : {};
  const base = graphError(STATUS_FAULTS[status] ?? 'generalException');
  return new GraphError(status, rule.code ?? base.code, rule.message ?? base.message, headers);
}

function asGraphError(error: unknown): GraphError {
  if (error instanceof GraphError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const base = graphError('generalException');
  return new GraphError(500, base.code, `${base.message} (${message})`);
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((k) => k.toLowerCase() === name);
}
