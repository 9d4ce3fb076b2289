// `GET /groups/delta` (delta-query-groups.md, group-delta.md, GRAPH-FACTS §9): the first round returns the current
// groups (members as `members@delta`), paged with `$skiptoken` links, and ends with an `@odata.deltaLink`
// (`$deltatoken`); later rounds return only groups that changed, with member additions and `@removed` removals; a round
// without changes is `value: []`. `$select=displayName,members`, `$filter=id eq 'a' or id eq 'b'` (≤ 50 ids),
// `$deltatoken=latest`. Owners are not tracked. Tokens older than 7 days → 400 syncStateNotFound (devblogs, 2020-07-03);
// tokens from before an emulator reset → 410 resyncRequired.

import { directoryTarget } from './directory-cost.js';
import { graphError } from './errors.js';
import { type FilterNode, parseFilter } from './filter.js';
import { GROUP_PROPERTIES, groupEntity } from './group-entity.js';
import { json, type RouteContext } from './http.js';
import { decodeToken, encodeToken } from './odata.js';
import type { Route } from './router.js';
import { SCOPES } from './scopes.js';
import type { GraphState } from './state.js';

/** group-delta.md: "$filter=id eq '…' or id eq '…'" takes at most 50 ids. */
export const MAX_DELTA_FILTER_IDS = 50;
/** Identity delta links live 7 days. */
const DELTA_TOKEN_LIFETIME_MS = 7 * 24 * 3600 * 1000;
const DEFAULT_PAGE = 100;

interface DeltaState {
  /** State generation the token belongs to. */
  g: number;
  /** Changes after this seq are reported; null for the first (full) round. */
  since: number | null;
  /** Changes up to this seq belong to the round. */
  upTo: number;
  /** Offset of the next page within the round. */
  off: number;
  sel: string[] | null;
  ids: string[] | null;
  /** Issued at (ms). */
  at: number;
}

const isDeltaState = (v: unknown): v is DeltaState =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as DeltaState).g === 'number' &&
  typeof (v as DeltaState).upTo === 'number';

function filterIds(raw: string | null): string[] | null {
  if (!raw) return null;
  const node = parseFilter(raw);
  const ids: string[] = [];
  const collect = (n: FilterNode): void => {
    if (n.kind === 'or') n.items.forEach(collect);
    else if (n.kind === 'cmp' && n.op === 'eq' && n.path === 'id' && typeof n.value === 'string') ids.push(n.value);
    else if (n.kind === 'in' && n.path === 'id')
      ids.push(...n.values.filter((v): v is string => typeof v === 'string'));
    else throw graphError('unsupportedFilter', { property: 'path' in n ? n.path : n.kind, resource: 'Group' });
  };
  collect(node);
  if (ids.length > MAX_DELTA_FILTER_IDS)
    throw graphError('tooManyOrClauses', { count: ids.length, max: MAX_DELTA_FILTER_IDS });
  return ids;
}

function selection(raw: string | null): string[] | null {
  if (!raw) return null;
  const sel = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const name of sel) {
    if (name !== 'members' && !(GROUP_PROPERTIES as readonly string[]).includes(name))
      throw graphError('unknownSelectProperty', { property: name, type: 'group' });
  }
  return sel;
}

function startState(rc: RouteContext): DeltaState {
  const { query } = rc.req;
  const token = query.get('$deltatoken') ?? query.get('$skiptoken');
  if (token === null || token === 'latest') {
    const base = {
      g: rc.state.generation,
      upTo: rc.state.changeSeq,
      off: 0,
      sel: selection(query.get('$select')),
      ids: filterIds(query.get('$filter')),
      at: rc.nowMs,
    };
    return { ...base, since: token === 'latest' ? rc.state.changeSeq : null };
  }
  const decoded = decodeToken(token, isDeltaState);
  if (!decoded || rc.nowMs - decoded.at > DELTA_TOKEN_LIFETIME_MS) throw graphError('syncStateNotFound');
  if (decoded.g !== rc.state.generation) throw graphError('resyncRequired');
  if (query.has('$deltatoken'))
    return { ...decoded, since: decoded.upTo, upTo: rc.state.changeSeq, off: 0, at: rc.nowMs };
  return decoded;
}

type DeltaItem = Record<string, unknown>;

function memberRef(id: string, removed: boolean): Record<string, unknown> {
  return { '@odata.type': '#microsoft.graph.user', id, ...(removed ? { '@removed': { reason: 'deleted' } } : {}) };
}

/** Every item of the round, in a stable order (so pages are consistent). */
function roundItems(rc: RouteContext, s: DeltaState): DeltaItem[] {
  const state: GraphState = rc.state;
  const wantMembers = s.sel === null || s.sel.includes('members');
  const inScope = (id: string) => s.ids === null || s.ids.includes(id);
  const shape = (groupId: string, members: Array<Record<string, unknown>> | null): DeltaItem | null => {
    const group = state.groups.get(groupId);
    if (!group) return { id: groupId, '@removed': { reason: 'changed' } };
    const entity = groupEntity(rc.ctx, group);
    const props =
      s.sel === null
        ? entity
        : Object.fromEntries([['id', group.id], ...s.sel.filter((p) => p !== 'members').map((p) => [p, entity[p]])]);
    return { ...props, ...(wantMembers && members && members.length > 0 ? { 'members@delta': members } : {}) };
  };

  if (s.since === null) {
    return [...state.groups.values()]
      .filter((g) => inScope(g.id))
      .flatMap((g): DeltaItem[] => {
        const item = shape(
          g.id,
          [...g.members].map((id) => memberRef(id, false)),
        );
        return item ? [item] : [];
      });
  }
  const since = s.since;
  const touched = new Map<string, { props: boolean; members: Map<string, boolean> }>();
  for (const change of state.changes) {
    if (change.seq <= since || change.seq > s.upTo || !inScope(change.groupId)) continue;
    let entry = touched.get(change.groupId);
    if (!entry) {
      entry = { props: false, members: new Map() };
      touched.set(change.groupId, entry);
    }
    if (change.kind === 'memberAdded') entry.members.set(change.userId, false);
    else if (change.kind === 'memberRemoved') entry.members.set(change.userId, true);
    else entry.props = true;
  }
  return [...touched.entries()].flatMap(([groupId, entry]): DeltaItem[] => {
    if (!entry.props && entry.members.size > 0 && !wantMembers) return [];
    const item = shape(
      groupId,
      [...entry.members.entries()].map(([id, removed]) => memberRef(id, removed)),
    );
    return item ? [item] : [];
  });
}

function maxPageSize(prefer: string | undefined): number {
  const m = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(prefer ?? '');
  return m ? Math.max(1, Math.min(999, Number(m[1]))) : DEFAULT_PAGE;
}

function groupsDelta(rc: RouteContext) {
  const s = startState(rc);
  const items = roundItems(rc, s);
  const size = maxPageSize(rc.req.headers.prefer);
  const value = items.slice(s.off, s.off + size);
  const more = s.off + size < items.length;
  const base = `${rc.graphBase}/groups/delta`;
  const link = more
    ? { '@odata.nextLink': `${base}?$skiptoken=${encodeToken({ ...s, off: s.off + size })}` }
    : { '@odata.deltaLink': `${base}?$deltatoken=${encodeToken({ ...s, since: s.upTo, off: 0, at: rc.nowMs })}` };
  return json(200, { '@odata.context': `${rc.graphBase}/$metadata#groups`, ...link, value });
}

export const deltaRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/groups/delta',
    scopes: SCOPES.groupsRead,
    throttle: (_p, req) => directoryTarget(1, req),
    handler: groupsDelta,
  },
];
