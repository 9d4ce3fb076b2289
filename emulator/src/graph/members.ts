// Team members (aadUserConversationMember): list (`$filter`, `$select`, `$top`, paging), get, add one (201), bulk add
// `members/add` (≤ 200; 200 when all succeed, 207 with per-user errors otherwise), bulk remove `members/remove` (≤ 20;
// 204, or 207 with results), DELETE (204), PATCH roles (200). A team never loses its last owner. Membership ids are
// opaque (random base64), never the user id. Sources: team-list-members.md, team-post-members.md,
// conversationmembers-add.md, conversationmember-remove.md, team-update-members.md; GRAPH-FACTS §4.
import type { SeedUser } from '../context.js';
import { graphError } from './errors.js';
import { evaluate, parseFilter } from './filter.js';
import { bodyObject, json, noContent, type RouteContext } from './http.js';
import { addMember, addOwner, boundUserKey, isLastTeamOwner, removeMember, removeOwner } from './membership.js';
import { page, project, selectList, topOf } from './odata.js';
import type { Route } from './router.js';
import { SCOPES } from './scopes.js';
import { findUser, type GroupRecord, teamMemberIds } from './state.js';
import { provisionedTeam } from './teams.js';

/** conversationmembers-add: "at most 200 per request" (GRAPH-FACTS §4). */
export const MAX_MEMBERS_PER_ADD_REQUEST = 200;
/** conversationmember-remove.md: "A maximum of 20 conversationMember derivatives can be removed in a single request." */
export const MAX_MEMBERS_PER_REMOVE_REQUEST = 20;

const MEMBER_PROPERTIES = ['id', 'roles', 'displayName', 'visibleHistoryStartDateTime', 'userId', 'email', 'tenantId'];

export function memberEntity(rc: RouteContext, group: GroupRecord, user: SeedUser): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.aadUserConversationMember',
    id: group.membershipIds.get(user.id) ?? '',
    roles: group.owners.has(user.id) ? ['owner'] : [],
    displayName: user.displayName,
    visibleHistoryStartDateTime: '0001-01-01T00:00:00Z',
    userId: user.id,
    email: user.mail,
    tenantId: rc.ctx.tenant.tenantId,
  };
}

function teamUsers(rc: RouteContext, group: GroupRecord): SeedUser[] {
  return teamMemberIds(group).flatMap((id) => {
    const user = findUser(rc.ctx, id);
    return user ? [user] : [];
  });
}

function membershipOwner(group: GroupRecord, membershipId: string): string | undefined {
  for (const [userId, id] of group.membershipIds) if (id === membershipId) return userId;
  return undefined;
}

function listMembers(rc: RouteContext) {
  const teamId = rc.params.teamId ?? '';
  const group = provisionedTeam(rc, teamId);
  const { query } = rc.req;
  const raw = query.get('$filter');
  const filter = raw ? parseFilter(raw) : null;
  const select = selectList(query);
  const matched = teamUsers(rc, group)
    .map((u) => memberEntity(rc, group, u))
    .filter((m) => !filter || evaluate(filter, (path) => m[path]));
  const { value, nextLink } = page(
    matched.map((m) => project(m, select, MEMBER_PROPERTIES, 'aadUserConversationMember', ['id'])),
    query,
    `${rc.graphBase}/teams/${teamId}/members`,
    topOf(query, 100, 999),
  );
  return json(200, {
    '@odata.context': `${rc.graphBase}/$metadata#teams('${teamId}')/members`,
    '@odata.count': matched.length,
    ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
    value,
  });
}

function memberByMembershipId(rc: RouteContext): { group: GroupRecord; user: SeedUser } {
  const group = provisionedTeam(rc, rc.params.teamId ?? '');
  const userId = membershipOwner(group, rc.params.membershipId ?? '');
  const user = userId ? findUser(rc.ctx, userId) : undefined;
  if (!user) throw graphError('memberNotFound');
  return { group, user };
}

function singleContext(rc: RouteContext): string {
  return `${rc.graphBase}/$metadata#teams('${rc.params.teamId}')/members/microsoft.graph.aadUserConversationMember/$entity`;
}

function getMember(rc: RouteContext) {
  const { group, user } = memberByMembershipId(rc);
  return json(200, { '@odata.context': singleContext(rc), ...memberEntity(rc, group, user) });
}

function wantsOwner(roles: unknown): boolean {
  return Array.isArray(roles) && roles.some((r) => typeof r === 'string' && r.toLowerCase() === 'owner');
}

/** Adds (or, for an existing member asked to be owner, promotes) a user: idempotent, never demotes. */
function ensureInTeam(rc: RouteContext, group: GroupRecord, userId: string, owner: boolean): void {
  addMember(rc.state, group, userId);
  if (owner) addOwner(rc.state, group, userId);
}

function userFromValue(rc: RouteContext, value: unknown): { key: string; user: SeedUser | undefined } {
  const key = boundUserKey((value as Record<string, unknown> | null)?.['user@odata.bind']) ?? '';
  return { key, user: key ? findUser(rc.ctx, key) : undefined };
}

function addOne(rc: RouteContext) {
  const group = provisionedTeam(rc, rc.params.teamId ?? '');
  const body = bodyObject(rc.req);
  if (!body) throw graphError('badJson');
  const { user } = userFromValue(rc, body);
  if (!user) throw graphError('memberNotFound');
  ensureInTeam(rc, group, user.id, wantsOwner(body.roles));
  return json(201, { '@odata.context': singleContext(rc), ...memberEntity(rc, group, user) });
}

function valuesOf(rc: RouteContext, max: number): unknown[] {
  const values = bodyObject(rc.req)?.values;
  if (!Array.isArray(values) || values.length === 0)
    throw graphError('teamBadRequest', { detail: "The 'values' parameter must be a non-empty collection." });
  if (values.length > max) throw graphError('membersAddTooMany', { count: values.length, max });
  return values;
}

interface ResultPart {
  '@odata.type': '#microsoft.graph.aadUserConversationMemberResult';
  userId: string;
  error: { code: string; message: string } | null;
}

function resultsResponse(rc: RouteContext, results: ResultPart[], allOkStatus: 200 | 204) {
  const failed = results.some((r) => r.error !== null);
  if (!failed && allOkStatus === 204) return noContent();
  return json(failed ? 207 : 200, {
    '@odata.context': `${rc.graphBase}/$metadata#Collection(microsoft.graph.aadUserConversationMemberResult)`,
    value: results,
  });
}

const notFound = () => {
  const e = graphError('memberNotFound');
  return { code: e.code, message: e.message };
};

function addMany(rc: RouteContext) {
  const group = provisionedTeam(rc, rc.params.teamId ?? '');
  const results = valuesOf(rc, MAX_MEMBERS_PER_ADD_REQUEST).map((value): ResultPart => {
    const { key, user } = userFromValue(rc, value);
    if (!user)
      return { '@odata.type': '#microsoft.graph.aadUserConversationMemberResult', userId: key, error: notFound() };
    ensureInTeam(rc, group, user.id, wantsOwner((value as Record<string, unknown>).roles));
    return { '@odata.type': '#microsoft.graph.aadUserConversationMemberResult', userId: user.id, error: null };
  });
  return resultsResponse(rc, results, 200);
}

/** Removes a user from the team (members and owners); returns the error to report, if any. */
function removeFromTeam(
  rc: RouteContext,
  group: GroupRecord,
  userId: string,
): { code: string; message: string } | null {
  if (!group.members.has(userId) && !group.owners.has(userId)) return notFound();
  if (isLastTeamOwner(group, userId)) {
    const e = graphError('lastTeamOwner');
    return { code: e.code, message: e.message };
  }
  removeOwner(group, userId);
  removeMember(rc.state, group, userId);
  return null;
}

function removeMany(rc: RouteContext) {
  const group = provisionedTeam(rc, rc.params.teamId ?? '');
  const results = valuesOf(rc, MAX_MEMBERS_PER_REMOVE_REQUEST).map((value): ResultPart => {
    const { key, user } = userFromValue(rc, value);
    const error = user ? removeFromTeam(rc, group, user.id) : notFound();
    return { '@odata.type': '#microsoft.graph.aadUserConversationMemberResult', userId: user?.id ?? key, error };
  });
  return resultsResponse(rc, results, 204);
}

function deleteMember(rc: RouteContext) {
  const { group, user } = memberByMembershipId(rc);
  if (isLastTeamOwner(group, user.id)) throw graphError('lastTeamOwner');
  removeFromTeam(rc, group, user.id);
  return noContent();
}

function patchMember(rc: RouteContext) {
  const { group, user } = memberByMembershipId(rc);
  const body = bodyObject(rc.req);
  if (!body || !Array.isArray(body.roles))
    throw graphError('teamBadRequest', { detail: "The 'roles' property is required." });
  if (wantsOwner(body.roles)) {
    addOwner(rc.state, group, user.id);
    addMember(rc.state, group, user.id);
  } else if (group.owners.has(user.id)) {
    if (isLastTeamOwner(group, user.id)) throw graphError('lastTeamOwner');
    removeOwner(group, user.id);
    addMember(rc.state, group, user.id);
  }
  return json(200, { '@odata.context': singleContext(rc), ...memberEntity(rc, group, user) });
}

const teams = (requestClass: 'getMembers' | 'otherGet' | 'otherWrite') => (params: Record<string, string>) =>
  ({ service: 'teams', requestClass, teamId: params.teamId ?? null }) as const;

export const memberRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/teams/{teamId}/members',
    scopes: SCOPES.teamMembersRead,
    throttle: teams('getMembers'),
    handler: listMembers,
  },
  {
    method: 'POST',
    pattern: '/teams/{teamId}/members',
    scopes: SCOPES.teamMembersWrite,
    throttle: teams('otherWrite'),
    handler: addOne,
  },
  {
    method: 'POST',
    pattern: '/teams/{teamId}/members/add',
    scopes: SCOPES.teamMembersWrite,
    throttle: teams('otherWrite'),
    handler: addMany,
  },
  {
    method: 'POST',
    pattern: '/teams/{teamId}/members/remove',
    scopes: SCOPES.teamMembersWrite,
    throttle: teams('otherWrite'),
    handler: removeMany,
  },
  {
    method: 'GET',
    pattern: '/teams/{teamId}/members/{membershipId}',
    scopes: SCOPES.teamMembersRead,
    throttle: teams('otherGet'),
    handler: getMember,
  },
  {
    method: 'PATCH',
    pattern: '/teams/{teamId}/members/{membershipId}',
    scopes: SCOPES.teamMembersWrite,
    throttle: teams('otherWrite'),
    handler: patchMember,
  },
  {
    method: 'DELETE',
    pattern: '/teams/{teamId}/members/{membershipId}',
    scopes: SCOPES.teamMembersWrite,
    throttle: teams('otherWrite'),
    handler: deleteMember,
  },
];
