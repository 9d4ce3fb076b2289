// Teams: `POST /teams` (202 + Location of a teamsAsyncOperation; the signed-in user becomes the owner; the group's
// mailNickname is derived from displayName — Microsoft computes it, and it may collide: microsoft-graph-docs#12236),
// `POST /teams` with `group@odata.bind`, `PUT /groups/{id}/team` (201; 404 during replication; 409 when the group
// already has a team; 400 without owners), `GET /teams`, `GET /teams/{id}`, `GET /groups/{id}/team`,
// `PATCH /teams/{id}` (204), archive / unarchive (202 async), operation polling (GRAPH-FACTS §3).
import { getBehaviour } from '../behaviour/index.js';
import { graphError } from './errors.js';
import { evaluate, parseFilter } from './filter.js';
import { createGroupRecord, isValidMailNickname, nicknameTaken } from './groups.js';
import { accepted, bodyObject, json, noContent, type RouteContext, stringField } from './http.js';
import { addMember, addOwner, boundUserKey, isReplicating } from './membership.js';
import { page, project, selectList, topOf } from './odata.js';
import type { Route } from './router.js';
import { SCOPES } from './scopes.js';
import {
  findUser,
  type GraphState,
  type GroupRecord,
  newGuid,
  type OperationRecord,
  type OperationType,
  recordChange,
} from './state.js';
import { applyTeamSettings, newTeamRecord, operationEntity, teamEntity } from './team-entity.js';

const TEAM_LIST_PROPERTIES = [
  'id',
  'displayName',
  'description',
  'visibility',
  'isArchived',
  'createdDateTime',
  'internalId',
  'specialization',
  'webUrl',
  'tenantId',
  'classification',
];

/** The group behind a provisioned team, or 404 `No team found with Group Id`. */
export function provisionedTeam(
  rc: RouteContext,
  teamId: string,
): GroupRecord & { team: NonNullable<GroupRecord['team']> } {
  const group = rc.state.groups.get(teamId);
  if (!group?.team?.provisioned) throw graphError('teamNotFound', { id: teamId });
  return group as GroupRecord & { team: NonNullable<GroupRecord['team']> };
}

function templateOf(rc: RouteContext, body: Record<string, unknown>): 'standard' | 'educationClass' {
  const bind = stringField(body, 'template@odata.bind') ?? '';
  const m = /teamsTemplates\('?([A-Za-z]+)'?\)/.exec(bind);
  const name = m?.[1];
  if (name === 'standard') return 'standard';
  // The educationClass template needs an education tenant (GRAPH-FACTS §3).
  if (name === 'educationClass' && rc.ctx.tenant.education) return 'educationClass';
  throw graphError('teamTemplateInvalid', { value: bind || '(missing)' });
}

/** A nickname Microsoft would derive from a display name: its ASCII letters and digits, made unique with digits. */
export function deriveMailNickname(rc: RouteContext, displayName: string): string {
  const base =
    displayName
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(0, 56) || 'team';
  let candidate = base;
  while (nicknameTaken(rc.state, candidate) || !isValidMailNickname(candidate)) {
    candidate = `${base}${String(Math.floor(rc.state.ids.next() * 9000) + 1000)}`;
  }
  return candidate;
}

/**
 * What an async team operation does when it ends, found from the state (not captured records) so that an operation
 * restored from the state file (persisted-state.ts) settles exactly as one started in this process.
 */
export function operationEffects(
  state: GraphState,
  teamId: string,
  operationType: OperationType,
): Pick<OperationRecord, 'onSuccess' | 'onFailure'> {
  const team = () => state.groups.get(teamId)?.team ?? null;
  switch (operationType) {
    case 'createTeam':
    case 'teamifyGroup':
      return {
        onSuccess: () => {
          const created = team();
          if (created) created.provisioned = true;
        },
        // A failed creation leaves the group without its team (GRAPH-FACTS §3: teams fail, groups stay).
        onFailure: () => {
          const group = state.groups.get(teamId);
          if (group) group.team = null;
        },
      };
    case 'archiveTeam':
    case 'unarchiveTeam':
      return {
        onSuccess: () => {
          const archived = team();
          if (archived) archived.isArchived = operationType === 'archiveTeam';
        },
      };
  }
}

function startOperation(rc: RouteContext, teamId: string, operationType: OperationType): OperationRecord {
  const failure = rc.fault?.kind === 'failed-operation' ? graphError('teamCreationFailed') : null;
  const op: OperationRecord = {
    id: newGuid(rc.state),
    teamId,
    operationType,
    createdAtMs: rc.nowMs,
    durationMs: getBehaviour(rc.ctx).timing.teamOperationMs,
    failure: failure ? { code: failure.code, message: failure.message } : null,
    ...operationEffects(rc.state, teamId, operationType),
    settled: false,
  };
  rc.state.operations.set(op.id, op);
  return op;
}

function operationAccepted(teamId: string, op: OperationRecord) {
  return accepted({
    Location: `/teams('${teamId}')/operations('${op.id}')`,
    'Content-Location': `/teams('${teamId}')`,
  });
}

function createTeam(rc: RouteContext) {
  const body = bodyObject(rc.req);
  if (!body) throw graphError('badJson');
  const template = templateOf(rc, body);
  const groupBind = stringField(body, 'group@odata.bind');
  if (groupBind) return createTeamFromGroup(rc, body, groupBind, template);

  const displayName = stringField(body, 'displayName');
  if (!displayName)
    throw graphError('teamBadRequest', { detail: "The property 'displayName' is required to create a team." });
  const members = Array.isArray(body.members) ? body.members : [];
  for (const member of members) {
    const key = boundUserKey((member as Record<string, unknown> | null)?.['user@odata.bind']);
    const user = key ? findUser(rc.ctx, key) : undefined;
    // Delegated: the signed-in user becomes the owner; nobody else can be added at creation (GRAPH-FACTS §3).
    if (user?.id !== rc.grant.userId) throw graphError('teamMembersAtCreation');
  }
  const requested = (stringField(body, 'visibility') ?? '').toLowerCase();
  const visibility =
    template === 'educationClass' ? 'HiddenMembership' : requested === 'private' ? 'Private' : 'Public';
  const group = createGroupRecord(rc, {
    displayName,
    description: stringField(body, 'description') ?? null,
    mailNickname: deriveMailNickname(rc, displayName),
    mailEnabled: true,
    securityEnabled: false,
    groupTypes: ['Unified'],
    visibility,
  });
  if (findUser(rc.ctx, rc.grant.userId)) {
    addOwner(rc.state, group, rc.grant.userId);
    addMember(rc.state, group, rc.grant.userId);
  }
  const team = newTeamRecord(rc.state, rc.nowMs, template === 'educationClass' ? 'educationClass' : 'none', false);
  applyTeamSettings(team, body);
  group.team = team;
  return operationAccepted(group.id, startOperation(rc, group.id, 'createTeam'));
}

/** Checks shared by `PUT /groups/{id}/team` and `POST /teams` with `group@odata.bind`. */
function teamableGroup(rc: RouteContext, groupId: string): GroupRecord {
  const group = rc.state.groups.get(groupId);
  // A group younger than the replication window is not found by the Teams backend (team-post.md, example 4).
  if (!group || isReplicating(rc.ctx, group, rc.nowMs)) throw graphError('teamifyGroupNotFound', { id: groupId });
  if (group.team)
    throw graphError('teamAlreadyExists', { id: groupId, operationId: newGuid(rc.state).replace(/-/g, '') });
  if (!group.groupTypes.includes('Unified') || !group.mailEnabled || group.securityEnabled)
    throw graphError('groupNotTeamable', { id: groupId });
  if (group.owners.size === 0)
    throw graphError('teamGroupHasNoOwners', { id: groupId, operationId: newGuid(rc.state).replace(/-/g, '') });
  return group;
}

function createTeamFromGroup(rc: RouteContext, body: Record<string, unknown>, bind: string, template: string) {
  const m = /groups(?:\('|\/)([^'/)]+)/.exec(bind);
  const group = teamableGroup(rc, m?.[1] ?? '');
  const team = newTeamRecord(rc.state, rc.nowMs, template === 'educationClass' ? 'educationClass' : 'none', false);
  applyTeamSettings(team, body);
  group.team = team;
  return operationAccepted(group.id, startOperation(rc, group.id, 'createTeam'));
}

function putGroupTeam(rc: RouteContext) {
  const group = teamableGroup(rc, rc.params.groupId ?? '');
  const team = newTeamRecord(rc.state, rc.nowMs, 'none', true);
  applyTeamSettings(team, bodyObject(rc.req) ?? {});
  group.team = team;
  recordChange(rc.state, { groupId: group.id, kind: 'updated' });
  return json(201, { '@odata.context': `${rc.graphBase}/$metadata#teams/$entity`, ...teamEntity(rc.ctx, group, team) });
}

function getTeam(rc: RouteContext, teamId: string) {
  const group = provisionedTeam(rc, teamId);
  const select = selectList(rc.req.query);
  const entity = teamEntity(rc.ctx, group, group.team);
  return json(200, {
    '@odata.context': `${rc.graphBase}/$metadata#teams${select ? `(${select.join(',')})` : ''}/$entity`,
    ...project(entity, select, Object.keys(entity), 'team', ['id']),
  });
}

function listTeams(rc: RouteContext) {
  const { query } = rc.req;
  const raw = query.get('$filter');
  const filter = raw ? parseFilter(raw) : null;
  const select = selectList(query);
  const teams = [...rc.state.groups.values()]
    .filter((g) => g.team?.provisioned)
    .map((g) => {
      const entity = teamEntity(rc.ctx, g, g.team as NonNullable<GroupRecord['team']>);
      return Object.fromEntries(TEAM_LIST_PROPERTIES.map((k) => [k, entity[k]]));
    })
    .filter((t) => !filter || evaluate(filter, (path) => t[path]))
    .map((t) => project(t, select, TEAM_LIST_PROPERTIES, 'team', ['id']));
  const { value, nextLink } = page(teams, query, `${rc.graphBase}/teams`, topOf(query, 100, 999));
  return json(200, {
    '@odata.context': `${rc.graphBase}/$metadata#teams`,
    ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
    value,
  });
}

function patchTeam(rc: RouteContext) {
  const group = provisionedTeam(rc, rc.params.teamId ?? '');
  const body = bodyObject(rc.req);
  if (!body) throw graphError('badJson');
  const displayName = stringField(body, 'displayName');
  if ('displayName' in body && !displayName)
    throw graphError('teamBadRequest', { detail: 'displayName cannot be empty.' });
  if (displayName) group.displayName = displayName;
  if ('description' in body) group.description = stringField(body, 'description') ?? null;
  const visibility = stringField(body, 'visibility')?.toLowerCase();
  if (visibility === 'private' || visibility === 'public')
    group.visibility = visibility === 'private' ? 'Private' : 'Public';
  applyTeamSettings(group.team, body);
  if (displayName || 'description' in body) recordChange(rc.state, { groupId: group.id, kind: 'updated' });
  return noContent();
}

function archive(rc: RouteContext, archived: boolean) {
  const group = provisionedTeam(rc, rc.params.teamId ?? '');
  return operationAccepted(group.id, startOperation(rc, group.id, archived ? 'archiveTeam' : 'unarchiveTeam'));
}

function getOperation(rc: RouteContext) {
  const teamId = rc.params.teamId ?? '';
  const op = rc.state.operations.get(rc.params.operationId ?? '');
  if (!op || op.teamId !== teamId) throw graphError('operationNotFound', { id: rc.params.operationId ?? '', teamId });
  return json(200, {
    '@odata.context': `${rc.graphBase}/$metadata#teams('${teamId}')/operations/$entity`,
    ...operationEntity(op, rc.nowMs),
  });
}

const teams =
  (requestClass: 'createTeam' | 'teamify' | 'getTeam' | 'otherGet' | 'otherWrite', param?: string) =>
  (params: Record<string, string>) =>
    ({ service: 'teams', requestClass, teamId: param ? (params[param] ?? null) : null }) as const;

export const teamRoutes: Route[] = [
  { method: 'POST', pattern: '/teams', scopes: SCOPES.teamCreate, throttle: teams('createTeam'), handler: createTeam },
  { method: 'GET', pattern: '/teams', scopes: SCOPES.teamRead, throttle: teams('otherGet'), handler: listTeams },
  {
    method: 'GET',
    pattern: '/teams/{teamId}',
    scopes: SCOPES.teamRead,
    throttle: teams('getTeam', 'teamId'),
    handler: (rc) => getTeam(rc, rc.params.teamId ?? ''),
  },
  {
    method: 'PATCH',
    pattern: '/teams/{teamId}',
    scopes: SCOPES.teamWrite,
    throttle: teams('otherWrite', 'teamId'),
    handler: patchTeam,
  },
  {
    method: 'POST',
    pattern: '/teams/{teamId}/archive',
    scopes: SCOPES.teamWrite,
    throttle: teams('otherWrite', 'teamId'),
    handler: (rc) => archive(rc, true),
  },
  {
    method: 'POST',
    pattern: '/teams/{teamId}/unarchive',
    scopes: SCOPES.teamWrite,
    throttle: teams('otherWrite', 'teamId'),
    handler: (rc) => archive(rc, false),
  },
  {
    method: 'GET',
    pattern: '/teams/{teamId}/operations/{operationId}',
    scopes: SCOPES.teamOperationRead,
    throttle: teams('otherGet', 'teamId'),
    handler: getOperation,
  },
  {
    method: 'PUT',
    pattern: '/groups/{groupId}/team',
    scopes: SCOPES.teamify,
    throttle: teams('teamify', 'groupId'),
    handler: putGroupTeam,
  },
  {
    method: 'GET',
    pattern: '/groups/{groupId}/team',
    scopes: SCOPES.teamRead,
    throttle: teams('getTeam', 'groupId'),
    handler: (rc) => getTeam(rc, rc.params.groupId ?? ''),
  },
];
