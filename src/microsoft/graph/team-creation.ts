// Creating teams. The product's path (deterministic mailNickname, so a lost answer or a rerun never duplicates a team):
//   1. findGroupByMailNickname → createUnifiedGroupForTeam (groups.ts), then
//   2. createTeamFromGroup: `PUT /groups/{id}/team` → 201 with the team (team-put-teams.md).
// Microsoft recommends this order (learn.microsoft.com/graph/teams-create-group-and-team: "set up a new Microsoft 365
// group, all owners and members, and convert that into a team"). `POST /teams` (createTeam) derives the group's
// mailNickname from the display name, undocumented and possibly suffixed, so the team could not be found again by
// nickname; it stays available for the `educationClass` template, which `PUT` cannot apply.
// Expected answers of the team-from-group step (team-put-teams.md, team-post.md example 4, GRAPH-FACTS §3):
// 404 while the new group replicates → retry 3 times 10 s apart, then wait 15 minutes; 409 "already provisioned" →
// success, the team is read; 400 "must have one or more owners" → GroupHasNoOwnerError.
import { AppError } from '../../lib/errors.js';
import { batchResultError } from './batch.js';
import { expectedAnswers, outcomeOfError, type RequestOutcome } from './expected-answers.js';
import { perform } from './graph-call.js';
import type { GraphError } from './graph-error.js';
import type { GraphClient } from './http.js';
import { GroupHasNoOwnerError, GroupNotReplicatedError } from './resource-errors.js';
import {
  type PollOptions,
  type Sleep,
  type StartedTeamOperation,
  startedOperationOf,
  type TeamOperation,
  waitForTeamOperation,
} from './team-operation.js';
import { getTeam, type Team, teamOf } from './teams.js';

export type TeamTemplate = 'standard' | 'educationClass';

/** team-put-teams.md: "retry this API call up to three times, with a 10-second delay between attempts". */
export const REPLICATION_RETRY_DELAYS_MS: readonly number[] = Object.freeze([10_000, 10_000, 10_000]);

export const CREATE_TEAM_FROM_GROUP_ANSWERS = expectedAnswers<RequestOutcome>([
  {
    status: 404,
    code: 'NotFound',
    result: 'retry',
    source: 'team-put-teams.md: a group younger than 15 minutes may answer 404 (microsoft-graph-docs#9662)',
    example: 'teamifyGroupNotFound',
  },
  {
    status: 409,
    code: 'Conflict',
    result: 'ignore',
    source: 'canvas-lms graph_service_spec.rb: "The group is already provisioned" (real answer)',
    example: 'teamAlreadyExists',
  },
  {
    status: 400,
    code: 'BadRequest',
    message: /must have one or more owners/i,
    result: GroupHasNoOwnerError,
    source: 'canvas-lms graph_service_spec.rb (real answer); team-put-teams.md requires an owner',
    example: 'teamGroupHasNoOwners',
  },
]);

/** The group has a team that is still being provisioned (an earlier asynchronous create). */
export class TeamNotReadyError extends AppError {
  constructor(readonly teamId: string) {
    super('Microsoft Teams is still creating this team; it is checked again on the next run.', {
      code: 'graph.team_not_ready',
      docs: 'team-operation-pending',
      retryAfterSeconds: 30,
    });
  }
}

type Teamify =
  | { kind: 'created'; team: Team }
  | { kind: 'accepted'; started: StartedTeamOperation }
  | { kind: 'exists' }
  | { kind: 'not-replicated'; error: GraphError };

function teamifyOnce(client: GraphClient, groupId: string, template: TeamTemplate | undefined): Promise<Teamify> {
  const put = template === undefined;
  const method = put ? 'PUT' : 'POST';
  const route = put ? '/groups/{id}/team' : '/teams';
  const body = put
    ? {}
    : {
        'template@odata.bind': `${client.baseUrl}/teamsTemplates('${template}')`,
        'group@odata.bind': `${client.baseUrl}/groups('${groupId}')`,
      };
  return perform(client, {
    request: { id: 'team', method, url: put ? `/groups/${groupId}/team` : '/teams', body },
    route,
    limiterKey: `team:${groupId}`,
    read: (answer): Teamify => {
      if (answer.status === 201) return { kind: 'created', team: teamOf(answer.body) };
      if (answer.status === 202) return { kind: 'accepted', started: startedOperationOf(answer.headers) };
      const error = batchResultError(method, route, answer);
      if (answer.status < 400) throw error;
      return outcomeOfError(CREATE_TEAM_FROM_GROUP_ANSWERS, error) === 'ignore'
        ? { kind: 'exists' }
        : { kind: 'not-replicated', error };
    },
  });
}

export interface CreateTeamFromGroupOptions extends PollOptions {
  /** Absent: `PUT /groups/{id}/team` (standard). Given: `POST /teams` with `group@odata.bind` (202 + operation). */
  template?: TeamTemplate;
  /** Waits before each retry of the replication 404; default 3 × 10 s. */
  replicationRetryDelaysMs?: readonly number[];
}

/** Creates the team of an existing Unified group; a team that already exists counts as success (`created: false`). */
export async function createTeamFromGroup(
  client: GraphClient,
  groupId: string,
  options: CreateTeamFromGroupOptions = {},
): Promise<{ team: Team; created: boolean }> {
  const delays = options.replicationRetryDelaysMs ?? REPLICATION_RETRY_DELAYS_MS;
  const sleep: Sleep = options.sleep ?? ((ms, signal) => client.wait(ms, signal));
  for (let attempt = 0; ; attempt += 1) {
    const outcome = await teamifyOnce(client, groupId, options.template);
    if (outcome.kind === 'created') return { team: outcome.team, created: true };
    if (outcome.kind === 'not-replicated') {
      const delay = delays[attempt];
      if (delay === undefined) throw new GroupNotReplicatedError(outcome.error);
      await sleep(delay, options.signal);
      continue;
    }
    if (outcome.kind === 'accepted') await waitForTeamOperation(client, outcome.started, options);
    const team = await getTeam(client, groupId);
    if (team === null) throw new TeamNotReadyError(groupId);
    return { team, created: outcome.kind === 'accepted' };
  }
}

export interface NewTeam {
  displayName: string;
  description?: string;
  template: TeamTemplate;
  visibility?: 'private' | 'public';
}

/**
 * `POST /teams` (team-post.md): 202 + operation, polled to the end. With delegated permission the signed-in user
 * becomes the only owner. Not repeated after a lost answer (it would make a second team); prefer the group path.
 */
export async function createTeam(
  client: GraphClient,
  team: NewTeam,
  options: PollOptions = {},
): Promise<{ teamId: string; operation: TeamOperation }> {
  const body = {
    'template@odata.bind': `${client.baseUrl}/teamsTemplates('${team.template}')`,
    displayName: team.displayName,
    ...(team.description ? { description: team.description } : {}),
    ...(team.visibility ? { visibility: team.visibility } : {}),
  };
  const started = await perform(client, {
    request: { id: 'team', method: 'POST', url: '/teams', body },
    route: '/teams',
    read: (answer) => {
      if (answer.status !== 202) throw batchResultError('POST', '/teams', answer);
      return startedOperationOf(answer.headers);
    },
  });
  const operation = await waitForTeamOperation(client, started, options);
  return { teamId: operation.targetResourceId ?? started.teamId, operation };
}
