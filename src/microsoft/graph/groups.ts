// Microsoft 365 groups behind teams (GRAPH-FACTS §3): look up by mailNickname before creating, create a Unified
// group ready to become a team, read one group and its owners. Microsoft recommends creating the group (with its
// owners) and then its team: learn.microsoft.com/graph/teams-create-group-and-team; teams.ts does the second step.
// The product never deletes a group. A new group is invisible to reads for a while (replication), so a lookup right
// after a lost create answer may miss it and the create then answers "proxyAddresses already exists".
import { z } from 'zod';
import { AppError } from '../../lib/errors.js';
import { batchResultError } from './batch.js';
import { expectedAnswers, outcomeOf, outcomeOfError, type RequestOutcome, refusal } from './expected-answers.js';
import { type GraphCall, perform } from './graph-call.js';
import { GraphError } from './graph-error.js';
import type { GraphClient } from './http.js';
import { odataString, queryString } from './odata.js';
import { MailNicknameTakenError, OwnerNotFoundError } from './resource-errors.js';

/** group-post-groups.md: at most 20 owners and members may be bound when a group is created. */
export const MAX_REFERENCES_AT_GROUP_CREATION = 20;
const GROUP_SELECT = 'id,displayName,description,mailNickname,resourceProvisioningOptions,visibility';
const OWNER_SELECT = 'id,displayName,mail,userPrincipalName';

const groupSchema = z.object({
  id: z.string(),
  displayName: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  mailNickname: z.string().nullable().optional(),
  visibility: z.string().nullable().optional(),
  resourceProvisioningOptions: z.array(z.string()).nullable().optional(),
});

export interface Group {
  id: string;
  displayName: string | null;
  description: string | null;
  mailNickname: string | null;
  visibility: string | null;
  /** `resourceProvisioningOptions` contains "Team". */
  hasTeam: boolean;
}

export function groupOf(body: unknown): Group {
  const g = groupSchema.parse(body);
  return {
    id: g.id,
    displayName: g.displayName ?? null,
    description: g.description ?? null,
    mailNickname: g.mailNickname ?? null,
    visibility: g.visibility ?? null,
    hasTeam: (g.resourceProvisioningOptions ?? []).includes('Team'),
  };
}

/** POST /groups: a duplicate nickname, an unknown owner. */
export const CREATE_GROUP_ANSWERS = expectedAnswers<RequestOutcome>([
  {
    status: 400,
    code: 'Request_BadRequest',
    message: /proxyAddresses/i,
    result: MailNicknameTakenError,
    source: 'directory answer for a duplicate mail address / mailNickname',
    example: 'proxyAddressConflict',
  },
  {
    status: 404,
    code: 'Request_ResourceNotFound',
    result: OwnerNotFoundError,
    source: 'an owners@odata.bind reference that does not resolve',
    example: 'resourceNotFound',
  },
]);

/** GET /groups/{id} and its owners: 404 is a missing (or not yet replicated) group. */
export const READ_GROUP_ANSWERS = expectedAnswers<RequestOutcome>([
  {
    status: 404,
    code: 'Request_ResourceNotFound',
    result: 'ignore',
    source: 'microsoft-graph-docs-contrib#4847',
    example: 'resourceNotFound',
  },
]);

/** The call behind findGroupByMailNickname, for `$batch` (one lookup per offering, 20 per envelope). */
export function findGroupByMailNicknameCall(id: string, mailNickname: string): GraphCall<Group | null> {
  const query = queryString({ $filter: `mailNickname eq ${odataString(mailNickname)}`, $select: GROUP_SELECT });
  return {
    request: { id, method: 'GET', url: `/groups${query}` },
    route: '/groups',
    read: (answer) => {
      if (answer.status >= 400) throw batchResultError('GET', '/groups', answer);
      const { value } = z.object({ value: z.array(z.unknown()) }).parse(answer.body);
      if (value.length > 1) {
        throw new AppError(`More than one Microsoft 365 group has the mail nickname ${mailNickname}.`, {
          code: 'graph.duplicate_mail_nickname',
          docs: 'team-mail-nickname-taken',
        });
      }
      return value[0] === undefined ? null : groupOf(value[0]);
    },
  };
}

/** Look-up-before-create: the group with this mailNickname, or null (also while a new group replicates). */
export function findGroupByMailNickname(client: GraphClient, mailNickname: string): Promise<Group | null> {
  return perform(client, findGroupByMailNicknameCall('group', mailNickname));
}

export interface NewTeamGroup {
  displayName: string;
  description?: string;
  /** ASCII, ≤ 64, unique in the tenant, none of `@ () \ [] " ; : <> , SPACE` (GRAPH-FACTS §3). */
  mailNickname: string;
  visibility: 'Private' | 'Public';
  /**
   * Owners bound at creation. With delegated permission and no owners, Microsoft makes the signed-in user the owner
   * (group-post-groups.md, example 1); with owners given it does not, so pass `signedInUserId` to keep the
   * authorizing account an owner too (it needs to be one to manage the team's members afterwards).
   */
  ownerUserIds?: readonly string[];
  signedInUserId?: string;
}

export function ownersToBind(group: Pick<NewTeamGroup, 'ownerUserIds' | 'signedInUserId'>): string[] {
  const owners = [...new Set(group.ownerUserIds ?? [])];
  if (owners.length > 0 && group.signedInUserId && !owners.includes(group.signedInUserId)) {
    owners.unshift(group.signedInUserId);
  }
  return owners.slice(0, MAX_REFERENCES_AT_GROUP_CREATION);
}

/**
 * POST /groups with mailEnabled, not securityEnabled, groupTypes ["Unified"]: what a team needs. Not repeated
 * blindly: after a lost answer, look up by mailNickname; a second create answers MailNicknameTakenError.
 * Owners beyond 20 are not bound here: add them to the team afterwards (members.ts).
 */
export async function createUnifiedGroupForTeam(client: GraphClient, group: NewTeamGroup): Promise<Group> {
  const owners = ownersToBind(group);
  const body = {
    displayName: group.displayName,
    ...(group.description ? { description: group.description } : {}),
    mailNickname: group.mailNickname,
    visibility: group.visibility,
    groupTypes: ['Unified'],
    mailEnabled: true,
    securityEnabled: false,
    ...(owners.length > 0 ? { 'owners@odata.bind': owners.map((id) => `${client.baseUrl}/users/${id}`) } : {}),
  };
  return perform(client, {
    request: { id: 'group', method: 'POST', url: '/groups', body },
    route: '/groups',
    read: (answer) => {
      if (answer.status >= 400) throw refusal(CREATE_GROUP_ANSWERS, answer, 'POST', '/groups');
      return groupOf(answer.body);
    },
  });
}

/** GET /groups/{id}; null when it does not exist (or is not replicated yet). */
export function getGroup(client: GraphClient, groupId: string): Promise<Group | null> {
  return perform(client, {
    request: { id: 'group', method: 'GET', url: `/groups/${groupId}${queryString({ $select: GROUP_SELECT })}` },
    route: '/groups/{id}',
    read: (answer) => {
      if (answer.status < 400) return groupOf(answer.body);
      outcomeOf(READ_GROUP_ANSWERS, answer, 'GET', '/groups/{id}');
      return null;
    },
  });
}

export interface GroupOwner {
  id: string;
  displayName: string | null;
  mail: string | null;
  userPrincipalName: string | null;
}

const ownerSchema = z.object({
  id: z.string(),
  displayName: z.string().nullable().optional(),
  mail: z.string().nullable().optional(),
  userPrincipalName: z.string().nullable().optional(),
});

/** GET /groups/{id}/owners (all pages); null when the group does not exist. Owners are not in group delta. */
export async function listGroupOwners(client: GraphClient, groupId: string): Promise<GroupOwner[] | null> {
  let items: unknown[];
  try {
    ({ items } = await client.getAll({
      path: `/groups/${groupId}/owners`,
      query: { $select: OWNER_SELECT, $top: 999 },
      route: '/groups/{id}/owners',
    }));
  } catch (error) {
    if (error instanceof GraphError && outcomeOfError(READ_GROUP_ANSWERS, error) === 'ignore') return null;
    throw error;
  }
  return z
    .array(ownerSchema)
    .parse(items)
    .map((o) => ({
      id: o.id,
      displayName: o.displayName ?? null,
      mail: o.mail ?? null,
      userPrincipalName: o.userPrincipalName ?? null,
    }));
}
