// Groups: get, list (`$filter` on mailNickname, displayName, id, `resourceProvisioningOptions/Any(x:x eq 'Team')`…),
// create (Unified, mail-enabled, `owners@odata.bind` / `members@odata.bind` ≤ 20), PATCH (incl. the binds,
// all-or-nothing), DELETE, members / owners lists and `$ref` add / remove (GRAPH-FACTS §3–§4). A new group is invisible
// to reads for the replication window (membership.ts `isReplicating`).
import type { EmulatorContext } from '../context.js';
import { directoryTarget } from './directory-cost.js';
import { graphError } from './errors.js';
import { evaluate } from './filter.js';
import { directoryUser, GROUP_PROPERTIES, groupEntity } from './group-entity.js';
import { bodyObject, json, noContent, type RouteContext, stringField } from './http.js';
import {
  addMember,
  addOwner,
  boundUserKey,
  isLastTeamOwner,
  isReplicating,
  MAX_BIND_REFERENCES,
  removeMember,
  removeOwner,
  resolveBoundUsers,
} from './membership.js';
import { page, project, selectList, topOf } from './odata.js';
import type { Route } from './router.js';
import { SCOPES } from './scopes.js';
import { findUser, type GraphState, type GroupRecord, newGuid, recordChange } from './state.js';
import { directoryFilter, selectUser } from './users.js';

const FILTERABLE = new Set([
  'id',
  'displayName',
  'mailNickname',
  'mail',
  'mailEnabled',
  'securityEnabled',
  'visibility',
  'groupTypes',
  'resourceProvisioningOptions',
  'proxyAddresses',
]);

/** mailNickname: ASCII, at most 64 characters, none of `@ ( ) \ [ ] " ; : < > ,` or space (GRAPH-FACTS §3). */
export function isValidMailNickname(value: string): boolean {
  return value.length > 0 && value.length <= 64 && /^[\x21-\x7e]+$/.test(value) && !/[@()\\[\]";:<>,\s]/.test(value);
}

/** Another mail-enabled group already uses this nickname (case-insensitive)? */
export function nicknameTaken(state: GraphState, nickname: string, exceptId?: string): boolean {
  const lower = nickname.toLowerCase();
  for (const g of state.groups.values())
    if (g.id !== exceptId && g.mailEnabled && g.mailNickname.toLowerCase() === lower) return true;
  return false;
}

/** The group for a directory read: 404 while it replicates, as on a replica that has not seen it yet. */
export function readableGroup(rc: RouteContext, id: string): GroupRecord {
  const group = rc.state.groups.get(id);
  if (!group || isReplicating(rc.ctx, group, rc.nowMs)) throw graphError('resourceNotFound', { id });
  return group;
}

/** The group for a write (writes reach the primary, so a replicating group is found). */
export function writableGroup(rc: RouteContext, id: string): GroupRecord {
  const group = rc.state.groups.get(id);
  if (!group) throw graphError('resourceNotFound', { id });
  return group;
}

function contextUrl(rc: RouteContext, select: string[] | null, entity: boolean): string {
  return `${rc.graphBase}/$metadata#groups${select ? `(${select.join(',')})` : ''}${entity ? '/$entity' : ''}`;
}

export function selectGroup(
  ctx: EmulatorContext,
  group: GroupRecord,
  select: string[] | null,
): Record<string, unknown> {
  return project(groupEntity(ctx, group), select, GROUP_PROPERTIES, 'group', ['id']);
}

function getGroup(rc: RouteContext) {
  const group = readableGroup(rc, rc.params.groupId ?? '');
  const select = selectList(rc.req.query);
  return json(200, { '@odata.context': contextUrl(rc, select, true), ...selectGroup(rc.ctx, group, select) });
}

function listGroups(rc: RouteContext) {
  const { query } = rc.req;
  const filter = directoryFilter(query.get('$filter'), FILTERABLE, 'Group');
  const select = selectList(query);
  const top = topOf(query, 100, 999);
  const visible = [...rc.state.groups.values()].filter((g) => !isReplicating(rc.ctx, g, rc.nowMs));
  const matched = visible.filter((g) => {
    if (!filter) return true;
    const entity = groupEntity(rc.ctx, g);
    return evaluate(filter, (path) => entity[path]);
  });
  const { value, nextLink } = page(
    matched.map((g) => selectGroup(rc.ctx, g, select)),
    query,
    `${rc.graphBase}/groups`,
    top,
  );
  return json(200, {
    '@odata.context': contextUrl(rc, select, false),
    ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
    value,
  });
}

function requireBoolean(body: Record<string, unknown>, name: string): boolean {
  const value = body[name];
  if (typeof value !== 'boolean') throw graphError('missingProperty', { property: name, resource: 'Group' });
  return value;
}

function bindCount(body: Record<string, unknown>): number {
  const count = (name: string) => (Array.isArray(body[name]) ? (body[name] as unknown[]).length : 0);
  return count('members@odata.bind') + count('owners@odata.bind');
}

/** Creates a group record (used by `POST /groups` and `POST /teams`). */
export function createGroupRecord(
  rc: RouteContext,
  fields: Pick<
    GroupRecord,
    'displayName' | 'description' | 'mailNickname' | 'mailEnabled' | 'securityEnabled' | 'groupTypes' | 'visibility'
  >,
): GroupRecord {
  const group: GroupRecord = {
    ...fields,
    id: newGuid(rc.state),
    createdAtMs: rc.nowMs,
    members: new Set(),
    owners: new Set(),
    membershipIds: new Map(),
    team: null,
    events: new Map(),
  };
  rc.state.groups.set(group.id, group);
  recordChange(rc.state, { groupId: group.id, kind: 'created' });
  return group;
}

function createGroup(rc: RouteContext) {
  const body = bodyObject(rc.req);
  if (!body) throw graphError('badJson');
  const displayName = stringField(body, 'displayName');
  if (!displayName) throw graphError('missingProperty', { property: 'displayName', resource: 'Group' });
  const mailNickname = stringField(body, 'mailNickname');
  if (mailNickname === undefined) throw graphError('missingProperty', { property: 'mailNickname', resource: 'Group' });
  if (!isValidMailNickname(mailNickname))
    throw graphError('invalidPropertyValue', { property: 'mailNickname', resource: 'Group' });
  const mailEnabled = requireBoolean(body, 'mailEnabled');
  const securityEnabled = requireBoolean(body, 'securityEnabled');
  const references = bindCount(body);
  if (references > MAX_BIND_REFERENCES) throw graphError('tooManyReferences', { count: references });
  const owners = resolveBoundUsers(rc.ctx, body['owners@odata.bind']);
  const members = resolveBoundUsers(rc.ctx, body['members@odata.bind']);
  if (mailEnabled && nicknameTaken(rc.state, mailNickname)) throw graphError('proxyAddressConflict');
  const groupTypes = Array.isArray(body.groupTypes)
    ? body.groupTypes.filter((t): t is string => typeof t === 'string')
    : [];
  const visibility = stringField(body, 'visibility') ?? (groupTypes.includes('Unified') ? 'Public' : null);
  const group = createGroupRecord(rc, {
    displayName,
    description: stringField(body, 'description') ?? null,
    mailNickname,
    mailEnabled,
    securityEnabled,
    groupTypes,
    visibility,
  });
  // group-post-groups.md: in a delegated context without owners, the calling user is added as the owner.
  for (const id of owners.length > 0 ? owners : [rc.grant.userId])
    if (findUser(rc.ctx, id)) addOwner(rc.state, group, id);
  for (const id of members) addMember(rc.state, group, id);
  return json(201, { '@odata.context': contextUrl(rc, null, true), ...groupEntity(rc.ctx, group) });
}

function patchGroup(rc: RouteContext) {
  const group = writableGroup(rc, rc.params.groupId ?? '');
  const body = bodyObject(rc.req);
  if (!body) throw graphError('badJson');
  // All-or-nothing: validate every change before applying any.
  const references = bindCount(body);
  if (references > MAX_BIND_REFERENCES) throw graphError('tooManyReferences', { count: references });
  const members = resolveBoundUsers(rc.ctx, body['members@odata.bind']);
  const owners = resolveBoundUsers(rc.ctx, body['owners@odata.bind']);
  if (members.some((id) => group.members.has(id))) throw graphError('referenceAlreadyExists', { property: 'members' });
  if (owners.some((id) => group.owners.has(id))) throw graphError('referenceAlreadyExists', { property: 'owners' });
  const nickname = stringField(body, 'mailNickname');
  if (nickname !== undefined) {
    if (!isValidMailNickname(nickname))
      throw graphError('invalidPropertyValue', { property: 'mailNickname', resource: 'Group' });
    if (group.mailEnabled && nicknameTaken(rc.state, nickname, group.id)) throw graphError('proxyAddressConflict');
  }
  if ('displayName' in body && !stringField(body, 'displayName'))
    throw graphError('invalidPropertyValue', { property: 'displayName', resource: 'Group' });
  let changed = false;
  if (stringField(body, 'displayName')) {
    group.displayName = stringField(body, 'displayName') ?? group.displayName;
    changed = true;
  }
  if ('description' in body) {
    group.description = stringField(body, 'description') ?? null;
    changed = true;
  }
  if (stringField(body, 'visibility')) group.visibility = stringField(body, 'visibility') ?? group.visibility;
  if (nickname !== undefined) {
    group.mailNickname = nickname;
    changed = true;
  }
  for (const id of owners) addOwner(rc.state, group, id);
  for (const id of members) addMember(rc.state, group, id);
  if (changed) recordChange(rc.state, { groupId: group.id, kind: 'updated' });
  return noContent();
}

function deleteGroup(rc: RouteContext) {
  const group = writableGroup(rc, rc.params.groupId ?? '');
  rc.state.groups.delete(group.id);
  recordChange(rc.state, { groupId: group.id, kind: 'deleted' });
  return noContent();
}

function listDirectoryUsers(rc: RouteContext, which: 'members' | 'owners') {
  const group = readableGroup(rc, rc.params.groupId ?? '');
  const { query } = rc.req;
  const select = selectList(query);
  const users = [...group[which]].flatMap((id) => {
    const user = findUser(rc.ctx, id);
    return user ? [user] : [];
  });
  const shaped = users.map((u) =>
    select ? { '@odata.type': '#microsoft.graph.user', ...selectUser(u, select) } : directoryUser(u),
  );
  const { value, nextLink } = page(
    shaped,
    query,
    `${rc.graphBase}/groups/${group.id}/${which}`,
    topOf(query, 100, 999),
  );
  return json(200, {
    '@odata.context': `${rc.graphBase}/$metadata#directoryObjects`,
    ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
    value,
  });
}

function addReference(rc: RouteContext, which: 'members' | 'owners') {
  const group = writableGroup(rc, rc.params.groupId ?? '');
  const body = bodyObject(rc.req);
  const key = boundUserKey(body?.['@odata.id']);
  const user = key ? findUser(rc.ctx, key) : undefined;
  if (!user) throw graphError('resourceNotFound', { id: key ?? '' });
  if (group[which].has(user.id)) throw graphError('referenceAlreadyExists', { property: which });
  if (which === 'members') addMember(rc.state, group, user.id);
  else addOwner(rc.state, group, user.id);
  return noContent();
}

function removeReference(rc: RouteContext, which: 'members' | 'owners') {
  const group = writableGroup(rc, rc.params.groupId ?? '');
  const userId = rc.params.userId ?? '';
  // Microsoft does not tell a missing user from a missing membership here (canvas-lms groups_endpoints.rb).
  if (!group[which].has(userId)) throw graphError('resourceNotFound', { id: userId });
  if (which === 'owners') {
    if (isLastTeamOwner(group, userId)) throw graphError('lastGroupOwner');
    removeOwner(group, userId);
  } else {
    removeMember(rc.state, group, userId);
  }
  return noContent();
}

const read = (cost: number) => (_p: Record<string, string>, req: RouteContext['req']) => directoryTarget(cost, req);

export const groupRoutes: Route[] = [
  { method: 'GET', pattern: '/groups', scopes: SCOPES.groupsRead, throttle: read(1), handler: listGroups },
  { method: 'POST', pattern: '/groups', scopes: SCOPES.groupCreate, throttle: read(1), handler: createGroup },
  { method: 'GET', pattern: '/groups/{groupId}', scopes: SCOPES.groupsRead, throttle: read(1), handler: getGroup },
  { method: 'PATCH', pattern: '/groups/{groupId}', scopes: SCOPES.groupsWrite, throttle: read(1), handler: patchGroup },
  {
    method: 'DELETE',
    pattern: '/groups/{groupId}',
    scopes: SCOPES.groupsWrite,
    throttle: read(1),
    handler: deleteGroup,
  },
  {
    method: 'GET',
    pattern: '/groups/{groupId}/members',
    scopes: SCOPES.groupsRead,
    throttle: read(3),
    handler: (rc) => listDirectoryUsers(rc, 'members'),
  },
  {
    method: 'GET',
    pattern: '/groups/{groupId}/owners',
    scopes: SCOPES.groupsRead,
    throttle: read(1),
    handler: (rc) => listDirectoryUsers(rc, 'owners'),
  },
  {
    method: 'POST',
    pattern: '/groups/{groupId}/members/$ref',
    scopes: SCOPES.groupMembersWrite,
    throttle: read(1),
    handler: (rc) => addReference(rc, 'members'),
  },
  {
    method: 'POST',
    pattern: '/groups/{groupId}/owners/$ref',
    scopes: SCOPES.groupMembersWrite,
    throttle: read(1),
    handler: (rc) => addReference(rc, 'owners'),
  },
  {
    method: 'DELETE',
    pattern: '/groups/{groupId}/members/{userId}/$ref',
    scopes: SCOPES.groupMembersWrite,
    throttle: read(1),
    handler: (rc) => removeReference(rc, 'members'),
  },
  {
    method: 'DELETE',
    pattern: '/groups/{groupId}/owners/{userId}/$ref',
    scopes: SCOPES.groupMembersWrite,
    throttle: read(1),
    handler: (rc) => removeReference(rc, 'owners'),
  },
];
