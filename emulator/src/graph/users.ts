// Users: `GET /me`, `GET /users/{id | userPrincipalName}`, `GET /users` with `$filter` (eq / in / or on mail,
// userPrincipalName, id…; at most 15 OR'ed values), `$select`, `$top` (default 100, max 999) and `@odata.nextLink`
// paging (GRAPH-FACTS §5). Users are the tenant seed's; matching on mail / UPN is case-insensitive.
import type { EmulatorContext, SeedUser } from '../context.js';
import { directoryTarget } from './directory-cost.js';
import { graphError } from './errors.js';
import { evaluate, type FilterNode, filterPaths, maxOrClauses, parseFilter } from './filter.js';
import { json, type RouteContext } from './http.js';
import { page, project, selectList, topOf } from './odata.js';
import type { Route } from './router.js';
import { SCOPES } from './scopes.js';
import { findUser } from './state.js';

/** Properties `$select` may name (a subset of microsoft.graph.user; those the emulator has no value for are null). */
export const USER_PROPERTIES = [
  'id',
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'accountEnabled',
  'userType',
  'mailNickname',
  'department',
  'companyName',
  'employeeId',
  'otherMails',
  'proxyAddresses',
  'createdDateTime',
] as const;

const FILTERABLE = new Set([
  'id',
  'mail',
  'userPrincipalName',
  'displayName',
  'givenName',
  'surname',
  'mailNickname',
  'userType',
  'accountEnabled',
  'otherMails',
  'proxyAddresses',
]);

/** Microsoft's `in` / `or` limit for directory filters: 15 values (GRAPH-FACTS §5). */
export const MAX_OR_CLAUSES = 15;

/** Every property the emulator knows for a user. */
function fullUser(u: SeedUser): Record<string, unknown> {
  return {
    id: u.id,
    businessPhones: [],
    displayName: u.displayName,
    givenName: u.givenName ?? null,
    jobTitle: null,
    mail: u.mail,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: null,
    surname: u.surname ?? null,
    userPrincipalName: u.userPrincipalName,
    accountEnabled: true,
    userType: 'Member',
    mailNickname: u.userPrincipalName.split('@')[0] ?? u.userPrincipalName,
    department: null,
    companyName: null,
    employeeId: null,
    otherMails: [],
    proxyAddresses: u.mail ? [`SMTP:${u.mail}`] : [],
    createdDateTime: null,
  };
}

/** The default property set of `GET /users/{id}` (user-get.md), in Microsoft's order. */
export function userEntity(u: SeedUser): Record<string, unknown> {
  const f = fullUser(u);
  return {
    businessPhones: f.businessPhones,
    displayName: f.displayName,
    givenName: f.givenName,
    jobTitle: f.jobTitle,
    mail: f.mail,
    mobilePhone: f.mobilePhone,
    officeLocation: f.officeLocation,
    preferredLanguage: f.preferredLanguage,
    surname: f.surname,
    userPrincipalName: f.userPrincipalName,
    id: f.id,
  };
}

/** A user as `$select` asks (default set without it); `id` is always kept. */
export function selectUser(u: SeedUser, select: string[] | null): Record<string, unknown> {
  if (!select) return userEntity(u);
  return project(fullUser(u), select, USER_PROPERTIES, 'user', ['id']);
}

function contextSuffix(select: string[] | null): string {
  return select ? `(${select.join(',')})` : '';
}

function getUser(rc: RouteContext, user: SeedUser | undefined, idForError: string) {
  if (!user) throw graphError('resourceNotFound', { id: idForError });
  const select = selectList(rc.req.query);
  return json(200, {
    '@odata.context': `${rc.graphBase}/$metadata#users${contextSuffix(select)}/$entity`,
    ...selectUser(user, select),
  });
}

/** Parses a directory `$filter` and enforces the property list and the OR limit. */
export function directoryFilter(
  raw: string | null,
  filterable: Set<string>,
  resource: string,
  maxClauses = MAX_OR_CLAUSES,
): FilterNode | null {
  if (!raw) return null;
  const node = parseFilter(raw);
  for (const path of filterPaths(node)) {
    if (!filterable.has(path)) throw graphError('unsupportedFilter', { property: path, resource });
  }
  const clauses = maxOrClauses(node);
  if (clauses > maxClauses) throw graphError('tooManyOrClauses', { count: clauses, max: maxClauses });
  return node;
}

function listUsers(rc: RouteContext) {
  const { query } = rc.req;
  const filter = directoryFilter(query.get('$filter'), FILTERABLE, 'User');
  const select = selectList(query);
  const top = topOf(query, 100, 999);
  const matched = rc.ctx.tenant.users.filter((u) => {
    if (!filter) return true;
    // The properties look-ups filter on, read directly; the full user only for the others (it is built per user).
    let full: Record<string, unknown> | null = null;
    return evaluate(filter, (path) => {
      if (path === 'mail') return u.mail;
      if (path === 'userPrincipalName') return u.userPrincipalName;
      if (path === 'id') return u.id;
      full ??= fullUser(u);
      return full[path];
    });
  });
  const shaped = matched.map((u) => selectUser(u, select));
  const { value, nextLink } = page(shaped, query, `${rc.graphBase}/users`, top);
  return json(200, {
    '@odata.context': `${rc.graphBase}/$metadata#users${contextSuffix(select)}`,
    ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
    value,
  });
}

export function meUser(ctx: EmulatorContext, userId: string): SeedUser | undefined {
  return findUser(ctx, userId);
}

export const userRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/me',
    scopes: SCOPES.me,
    throttle: (_p, req) => directoryTarget(1, req),
    handler: (rc) => getUser(rc, meUser(rc.ctx, rc.grant.userId), rc.grant.userId),
  },
  {
    method: 'GET',
    pattern: '/users',
    scopes: SCOPES.usersRead,
    throttle: (_p, req) => directoryTarget(2, req),
    handler: listUsers,
  },
  {
    method: 'GET',
    pattern: '/users/{userId}',
    scopes: SCOPES.usersRead,
    throttle: (_p, req) => directoryTarget(1, req),
    handler: (rc) => getUser(rc, findUser(rc.ctx, rc.params.userId ?? ''), rc.params.userId ?? ''),
  },
];
