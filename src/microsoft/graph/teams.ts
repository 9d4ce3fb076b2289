// Teams (GRAPH-FACTS §3): read one, rename it (`PATCH /teams/{id}`, 204), archive and unarchive it (202 + an
// operation, ./team-operation.ts). Creating a team lives in ./team-creation.ts. A team's id is its group's id.
// Every call is keyed `team:{id}` for the limiter (Teams allows 4 requests per second on one team).
import { z } from 'zod';
import { batchResultError } from './batch.js';
import { expectedAnswers, outcomeOf, type RequestOutcome, refusal } from './expected-answers.js';
import { type GraphCall, perform } from './graph-call.js';
import type { GraphClient } from './http.js';
import { queryString } from './odata.js';
import { TeamNotFoundError } from './resource-errors.js';
import {
  type PollOptions,
  type StartedTeamOperation,
  startedOperationOf,
  waitForTeamOperation,
} from './team-operation.js';

const TEAM_SELECT = 'id,displayName,description,visibility,isArchived,webUrl,specialization';

const teamSchema = z.object({
  id: z.string(),
  displayName: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  visibility: z.string().nullable().optional(),
  isArchived: z.boolean().nullable().optional(),
  webUrl: z.string().nullable().optional(),
  specialization: z.string().nullable().optional(),
});

export interface Team {
  id: string;
  displayName: string | null;
  description: string | null;
  visibility: string | null;
  isArchived: boolean;
  webUrl: string | null;
  specialization: string | null;
}

export function teamOf(body: unknown): Team {
  const t = teamSchema.parse(body);
  return {
    id: t.id,
    displayName: t.displayName ?? null,
    description: t.description ?? null,
    visibility: t.visibility ?? null,
    isArchived: t.isArchived ?? false,
    webUrl: t.webUrl ?? null,
    specialization: t.specialization ?? null,
  };
}

/** GET /teams/{id}: no team (never created, deleted, or still being created). */
export const READ_TEAM_ANSWERS = expectedAnswers<RequestOutcome>([
  {
    status: 404,
    code: 'ItemNotFound',
    result: 'ignore',
    source: 'pnp/cli-microsoft365 fixtures of real answers: "No team found with Group Id"',
    example: 'teamNotFound',
  },
]);

/** PATCH /teams/{id}, archive, unarchive: the team is gone. */
export const WRITE_TEAM_ANSWERS = expectedAnswers<RequestOutcome>([
  {
    status: 404,
    code: 'ItemNotFound',
    result: TeamNotFoundError,
    source: 'pnp/cli-microsoft365 fixtures of real answers: "No team found with Group Id"',
    example: 'teamNotFound',
  },
]);

export function getTeamCall(id: string, teamId: string): GraphCall<Team | null> {
  return {
    request: { id, method: 'GET', url: `/teams/${teamId}${queryString({ $select: TEAM_SELECT })}` },
    route: '/teams/{id}',
    limiterKey: `team:${teamId}`,
    read: (answer) => {
      if (answer.status < 400) return teamOf(answer.body);
      outcomeOf(READ_TEAM_ANSWERS, answer, 'GET', '/teams/{id}');
      return null;
    },
  };
}

/** The team, or null when there is none (yet). */
export function getTeam(client: GraphClient, teamId: string): Promise<Team | null> {
  return perform(client, getTeamCall('team', teamId));
}

export interface TeamChanges {
  displayName?: string;
  description?: string;
}

export function updateTeamCall(id: string, teamId: string, changes: TeamChanges): GraphCall<void> {
  return {
    request: { id, method: 'PATCH', url: `/teams/${teamId}`, body: { ...changes } },
    route: '/teams/{id}',
    limiterKey: `team:${teamId}`,
    read: (answer) => {
      if (answer.status >= 400) throw refusal(WRITE_TEAM_ANSWERS, answer, 'PATCH', '/teams/{id}');
    },
  };
}

/** Rename a team / change its description (team-update.md: 204). TeamNotFoundError when it is gone. */
export function updateTeam(client: GraphClient, teamId: string, changes: TeamChanges): Promise<void> {
  return perform(client, updateTeamCall('team', teamId, changes));
}

async function startArchiveOperation(
  client: GraphClient,
  teamId: string,
  action: 'archive' | 'unarchive',
): Promise<StartedTeamOperation> {
  const route = `/teams/{id}/${action}`;
  return perform(client, {
    // team-archive.md: `shouldSetSpoSiteReadOnlyForMembers` is optional; the site is left as it is.
    request: {
      id: action,
      method: 'POST',
      url: `/teams/${teamId}/${action}`,
      ...(action === 'archive' ? { body: {} } : {}),
    },
    route,
    limiterKey: `team:${teamId}`,
    // Archiving an archived team again changes nothing: safe to repeat after a lost answer.
    repeatable: true,
    read: (answer) => {
      if (answer.status >= 400) throw refusal(WRITE_TEAM_ANSWERS, answer, 'POST', route);
      if (answer.status !== 202) throw batchResultError('POST', route, answer);
      return startedOperationOf(answer.headers);
    },
  });
}

/**
 * Archives a team (team-archive.md: 202 + operation). Returns once Microsoft accepted it; with `wait`, once the
 * operation succeeded. Archived teams are read-only for members; the product archives, never deletes.
 */
export async function archiveTeam(
  client: GraphClient,
  teamId: string,
  options: { wait?: PollOptions } = {},
): Promise<StartedTeamOperation> {
  const started = await startArchiveOperation(client, teamId, 'archive');
  if (options.wait) await waitForTeamOperation(client, started, options.wait);
  return started;
}

export async function unarchiveTeam(
  client: GraphClient,
  teamId: string,
  options: { wait?: PollOptions } = {},
): Promise<StartedTeamOperation> {
  const started = await startArchiveOperation(client, teamId, 'unarchive');
  if (options.wait) await waitForTeamOperation(client, started, options.wait);
  return started;
}
