// Long-running Teams operations (create, archive, unarchive): `202 Accepted` with
// `Location: /teams('{teamId}')/operations('{opId}')`, then polling the teamsAsyncOperation until `succeeded` or
// `failed` (GRAPH-FACTS §3, teamsasyncoperation.md). Microsoft asks for more than 30 seconds between polls, so the
// interval is at least that by default; tests inject `sleep` (e.g. moving an emulator's clock) instead of waiting.
// The timeout counts the time spent waiting between polls; when it runs out the operation is not abandoned: the
// error carries its location so a later run can poll it again (the team id is known already: team id == group id).
import { z } from 'zod';
import { AppError } from '../../lib/errors.js';
import type { GraphClient } from './http.js';

/** teamsasyncoperation.md: "Microsoft asks for more than 30 seconds between polls". */
export const MIN_TEAM_OPERATION_POLL_MS = 30_000;
export const DEFAULT_TEAM_OPERATION_TIMEOUT_MS = 10 * 60_000;

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface PollOptions {
  /** Default 30 s (Microsoft's guidance); tests pass their own with `sleep`. */
  pollIntervalMs?: number;
  /** Total waiting before TeamOperationPendingError; default 10 minutes. */
  timeoutMs?: number;
  /** How to wait; default the client's timer. */
  sleep?: Sleep;
  signal?: AbortSignal;
}

export interface StartedTeamOperation {
  teamId: string;
  /** The operation's `Location`, relative to /v1.0. */
  location: string;
}

const operationSchema = z.object({
  id: z.string(),
  operationType: z.string().optional(),
  status: z.string(),
  targetResourceId: z.string().nullable().optional(),
  error: z.object({ code: z.string().optional(), message: z.string().optional() }).nullable().optional(),
});
export type TeamOperation = z.infer<typeof operationSchema>;

export class TeamOperationFailedError extends AppError {
  readonly operation: TeamOperation;

  constructor(operation: TeamOperation) {
    const what = operation.operationType ?? 'team operation';
    super(`Microsoft Teams could not finish the ${what} (${operation.error?.code ?? 'no reason given'}).`, {
      code: 'graph.team_operation_failed',
      docs: 'team-operation-failed',
    });
    this.operation = operation;
  }
}

export class TeamOperationPendingError extends AppError {
  readonly started: StartedTeamOperation;

  constructor(started: StartedTeamOperation, waitedMs: number) {
    super(`Microsoft Teams is still working on the team after ${Math.round(waitedMs / 1000)} s; checked again later.`, {
      code: 'graph.team_operation_pending',
      docs: 'team-operation-pending',
      retryAfterSeconds: MIN_TEAM_OPERATION_POLL_MS / 1000,
    });
    this.started = started;
  }
}

/** The operation from a 202's headers: `Location`, and the team id from it or from `Content-Location`. */
export function startedOperationOf(headers: Readonly<Record<string, string>>): StartedTeamOperation {
  const location = headers.location;
  const teamId = /teams\('([^']+)'\)/.exec(location ?? headers['content-location'] ?? '')?.[1];
  if (location === undefined || teamId === undefined) {
    throw new AppError('Microsoft Teams accepted the request but did not say where to follow it.', {
      code: 'graph.unexpected_answer',
    });
  }
  return { teamId, location };
}

export async function getTeamOperation(client: GraphClient, started: StartedTeamOperation): Promise<TeamOperation> {
  const { body } = await client.request({
    path: started.location,
    route: '/teams/{id}/operations/{id}',
    limiterKey: `team:${started.teamId}`,
  });
  return operationSchema.parse(body);
}

/** Polls until `succeeded` (returned) or `failed` (TeamOperationFailedError); TeamOperationPendingError on timeout. */
export async function waitForTeamOperation(
  client: GraphClient,
  started: StartedTeamOperation,
  options: PollOptions = {},
): Promise<TeamOperation> {
  const interval = options.pollIntervalMs ?? MIN_TEAM_OPERATION_POLL_MS;
  const timeout = options.timeoutMs ?? DEFAULT_TEAM_OPERATION_TIMEOUT_MS;
  const sleep: Sleep = options.sleep ?? ((ms, signal) => client.wait(ms, signal));
  for (let waitedMs = 0; ; ) {
    if (waitedMs + interval > timeout) throw new TeamOperationPendingError(started, waitedMs);
    await sleep(interval, options.signal);
    waitedMs += interval;
    const operation = await getTeamOperation(client, started);
    if (operation.status === 'succeeded') return operation;
    if (operation.status === 'failed') throw new TeamOperationFailedError(operation);
  }
}
