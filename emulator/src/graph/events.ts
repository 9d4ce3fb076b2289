// Group calendar events (GRAPH-FACTS §6): create (`/groups/{id}/events` or `/calendar/events`, 201), get, list
// (default page 10, `$top`, `$skip` links as Outlook writes them), calendarView (`startDateTime`/`endDateTime` required;
// reads honour `$select`, with `id` always kept and 400 for a property the event type does not have),
// PATCH (200), DELETE (204). Times: Windows or IANA zone names, instants stored in UTC, answered in UTC with 7-digit
// fractions unless `Prefer: outlook.timezone`. `isOnlineMeeting` + `teamsForBusiness` → `onlineMeeting.joinUrl`; once
// online, a meeting can't be turned off (a PATCH to false is ignored). `transactionId`: a repeated create answers 201
// with the first event (event.md: "to avoid redundant POST operations"; the exact answer to a repeat is not
// documented — 201 with the existing event is the emulator's choice, unverified).
import type { EmulatorContext } from '../context.js';
import { graphError } from './errors.js';
import { eventEntity, joinUrlFor, preferredZone } from './event-entity.js';
import { groupMail } from './group-entity.js';
import { bodyObject, json, noContent, type RouteContext, stringField } from './http.js';
import { project, selectList } from './odata.js';
import type { Route } from './router.js';
import { SCOPES } from './scopes.js';
import { type EventRecord, type GroupRecord, hex, newEventId } from './state.js';
import { parseWallTime, resolveZone, wallToUtcMs } from './zones.js';

/** Properties of microsoft.graph.event (with outlookItem's and entity's), from the v1.0 CSDL: what `$select` takes. */
const EVENT_PROPERTIES = [
  'id',
  'categories',
  'changeKey',
  'createdDateTime',
  'lastModifiedDateTime',
  'allowNewTimeProposals',
  'attendees',
  'body',
  'bodyPreview',
  'cancelledOccurrences',
  'end',
  'hasAttachments',
  'hideAttendees',
  'iCalUId',
  'importance',
  'isAllDay',
  'isCancelled',
  'isDraft',
  'isOnlineMeeting',
  'isOrganizer',
  'isReminderOn',
  'location',
  'locations',
  'onlineMeeting',
  'onlineMeetingProvider',
  'onlineMeetingUrl',
  'organizer',
  'originalEndTimeZone',
  'originalStart',
  'originalStartTimeZone',
  'recurrence',
  'reminderMinutesBeforeStart',
  'responseRequested',
  'responseStatus',
  'sensitivity',
  'seriesMasterId',
  'showAs',
  'start',
  'subject',
  'transactionId',
  'type',
  'webLink',
  'attachments',
  'calendar',
  'exceptionOccurrences',
  'extensions',
  'instances',
  'multiValueExtendedProperties',
  'singleValueExtendedProperties',
] as const;

/** An event as answered, cut to `$select` (id always kept, like Graph; a selected property it lacks → null). */
function selected(rc: RouteContext, entity: Record<string, unknown>): Record<string, unknown> {
  return project(entity, selectList(rc.req.query), EVENT_PROPERTIES, 'event', ['id']);
}

/** `…/events/$entity`, or `…/events(id,subject)/$entity` with `$select` (Graph's context URL names the selection). */
function contextSegment(rc: RouteContext, segment: string): string {
  const select = selectList(rc.req.query);
  return select ? `${segment}(${select.join(',')})` : segment;
}

/** Outlook's default page size for event collections. */
const DEFAULT_EVENT_PAGE = 10;
const MAX_EVENT_PAGE = 1000;

function groupOf(rc: RouteContext): GroupRecord {
  const id = rc.params.groupId ?? '';
  const group = rc.state.groups.get(id);
  if (!group) throw graphError('resourceNotFound', { id });
  return group;
}

function eventOf(rc: RouteContext, group: GroupRecord): EventRecord {
  const event = group.events.get(rc.params.eventId ?? '');
  if (!event) throw graphError('itemNotFound');
  return event;
}

/** `{dateTime, timeZone}` → UTC instant and the zone name to keep as original*TimeZone. */
function parseDateTimeTimeZone(value: unknown, property: string): { utcMs: number; zoneName: string } {
  const v = value as Record<string, unknown> | null;
  const dateTime = typeof v?.dateTime === 'string' ? v.dateTime : undefined;
  if (!dateTime) throw graphError('invalidDateTime', { value: '', property });
  const rawZone = typeof v?.timeZone === 'string' && v.timeZone.trim() !== '' ? v.timeZone : 'UTC';
  const zone = resolveZone(rawZone);
  if (!zone) throw graphError('timeZoneNotSupported', { zone: rawZone });
  const wall = parseWallTime(dateTime);
  if (wall === null) throw graphError('invalidDateTime', { value: dateTime, property });
  return { utcMs: wallToUtcMs(wall, zone.iana), zoneName: zone.name };
}

function respond(rc: RouteContext, status: number, group: GroupRecord, event: EventRecord, read = false) {
  const zone = preferredZone(rc.req.headers.prefer);
  const entity = eventEntity(event, group, groupMail(rc.ctx, group), zone);
  // `$select` shapes reads only (a POST or PATCH answers the whole event).
  return json(
    status,
    {
      '@odata.context': `${rc.graphBase}/$metadata#groups('${group.id}')/${read ? contextSegment(rc, 'events') : 'events'}/$entity`,
      ...(read ? selected(rc, entity) : entity),
    },
    zone ? { 'Preference-Applied': `outlook.timezone="${zone.name}"` } : {},
  );
}

function enableMeeting(
  ctx: EmulatorContext,
  event: EventRecord,
  organizerId: string,
  provider: string | undefined,
  meetingMissing: boolean,
): void {
  // Group calendars allow teamsForBusiness; any other provider, or the meeting-missing fault, gives the known
  // failure shape: isOnlineMeeting false, onlineMeetingProvider "unknown" (GRAPH-FACTS §6).
  if (meetingMissing || (provider !== undefined && provider !== 'teamsForBusiness')) {
    event.isOnlineMeeting = false;
    event.onlineMeetingProvider = 'unknown';
    event.joinUrl = null;
    return;
  }
  event.isOnlineMeeting = true;
  event.onlineMeetingProvider = 'teamsForBusiness';
  event.joinUrl = joinUrlFor(ctx.tenant.tenantId, organizerId, event.id);
}

/** Applies the writable properties of a create or PATCH body (validated first, so a bad body changes nothing). */
function applyFields(rc: RouteContext, event: EventRecord, body: Record<string, unknown>, creating: boolean): void {
  const start = 'start' in body || creating ? parseDateTimeTimeZone(body.start, 'start') : null;
  const end = 'end' in body || creating ? parseDateTimeTimeZone(body.end, 'end') : null;
  if (start) {
    event.startUtcMs = start.utcMs;
    event.originalStartTimeZone = start.zoneName;
  }
  if (end) {
    event.endUtcMs = end.utcMs;
    event.originalEndTimeZone = end.zoneName;
  }
  if (typeof body.subject === 'string') event.subject = body.subject;
  const b = body.body as Record<string, unknown> | undefined;
  if (b && typeof b === 'object')
    event.body = {
      contentType: typeof b.contentType === 'string' ? b.contentType.toLowerCase() : 'html',
      content: typeof b.content === 'string' ? b.content : '',
    };
  if (body.location && typeof body.location === 'object')
    event.location = { ...(body.location as Record<string, unknown>) };
  if (Array.isArray(body.locations))
    event.locations = body.locations.filter((l): l is Record<string, unknown> => typeof l === 'object' && l !== null);
  if (Array.isArray(body.attendees)) event.attendees = structuredClone(body.attendees);
  if (Array.isArray(body.categories))
    event.categories = body.categories.filter((c): c is string => typeof c === 'string');
  for (const name of ['showAs', 'importance', 'sensitivity'] as const)
    if (typeof body[name] === 'string') event[name] = body[name] as string;
  for (const name of [
    'isReminderOn',
    'responseRequested',
    'allowNewTimeProposals',
    'hideAttendees',
    'isAllDay',
  ] as const) {
    if (typeof body[name] === 'boolean') event[name] = body[name] as boolean;
  }
  if (typeof body.reminderMinutesBeforeStart === 'number')
    event.reminderMinutesBeforeStart = body.reminderMinutesBeforeStart;
  const provider = stringField(body, 'onlineMeetingProvider');
  if (body.isOnlineMeeting === true && !event.isOnlineMeeting)
    enableMeeting(rc.ctx, event, rc.grant.userId, provider, rc.fault?.kind === 'meeting-missing');
  // isOnlineMeeting false on an online event, or another provider: ignored ("can't be turned off", GRAPH-FACTS §6).
}

function createEvent(rc: RouteContext) {
  const group = groupOf(rc);
  const body = bodyObject(rc.req);
  if (!body) throw graphError('badJson');
  const transactionId = stringField(body, 'transactionId') ?? null;
  if (transactionId !== null) {
    for (const existing of group.events.values())
      if (existing.transactionId === transactionId) return respond(rc, 201, group, existing);
  }
  const event: EventRecord = {
    id: newEventId(rc.state),
    groupId: group.id,
    createdAtMs: rc.nowMs,
    lastModifiedAtMs: rc.nowMs,
    changeKey: Buffer.from(hex(rc.state, 12), 'hex').toString('base64'),
    iCalUId: `040000008200E00074C5B7101A82E008${hex(rc.state, 32).toUpperCase()}`,
    subject: '',
    body: { contentType: 'html', content: '' },
    startUtcMs: 0,
    endUtcMs: 0,
    originalStartTimeZone: 'UTC',
    originalEndTimeZone: 'UTC',
    isAllDay: false,
    location: { displayName: '', locationType: 'default', uniqueIdType: 'unknown' },
    locations: [],
    attendees: [],
    categories: [],
    isOnlineMeeting: false,
    onlineMeetingProvider: 'unknown',
    joinUrl: null,
    transactionId,
    showAs: 'busy',
    importance: 'normal',
    sensitivity: 'normal',
    isReminderOn: true,
    reminderMinutesBeforeStart: 15,
    responseRequested: true,
    allowNewTimeProposals: true,
    hideAttendees: false,
    isCancelled: false,
  };
  applyFields(rc, event, body, true);
  group.events.set(event.id, event);
  return respond(rc, 201, group, event);
}

function patchEvent(rc: RouteContext) {
  const group = groupOf(rc);
  const event = eventOf(rc, group);
  const body = bodyObject(rc.req);
  if (!body) throw graphError('badJson');
  const draft: EventRecord = structuredClone(event);
  applyFields(rc, draft, body, false);
  draft.lastModifiedAtMs = rc.nowMs;
  draft.changeKey = Buffer.from(hex(rc.state, 12), 'hex').toString('base64');
  group.events.set(event.id, draft);
  return respond(rc, 200, group, draft);
}

function deleteEvent(rc: RouteContext) {
  const group = groupOf(rc);
  const event = eventOf(rc, group);
  group.events.delete(event.id);
  return noContent();
}

function listOf(rc: RouteContext, group: GroupRecord, events: EventRecord[], segment: string) {
  const { query } = rc.req;
  const zone = preferredZone(rc.req.headers.prefer);
  const topRaw = query.get('$top');
  const top =
    topRaw && /^\d+$/.test(topRaw) && Number(topRaw) > 0
      ? Math.min(Number(topRaw), MAX_EVENT_PAGE)
      : DEFAULT_EVENT_PAGE;
  const skipRaw = query.get('$skip');
  const skip = skipRaw && /^\d+$/.test(skipRaw) ? Number(skipRaw) : 0;
  const value = events
    .slice(skip, skip + top)
    .map((e) => selected(rc, eventEntity(e, group, groupMail(rc.ctx, group), zone)));
  let nextLink: string | undefined;
  if (skip + top < events.length) {
    const next = new URLSearchParams(query);
    next.set('$top', String(top));
    next.set('$skip', String(skip + top));
    nextLink = `${rc.graphBase}/groups/${group.id}/${segment}?${[...next.entries()].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
  }
  return json(
    200,
    {
      '@odata.context': `${rc.graphBase}/$metadata#groups('${group.id}')/${contextSegment(rc, segment)}`,
      value,
      ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
    },
    zone ? { 'Preference-Applied': `outlook.timezone="${zone.name}"` } : {},
  );
}

function listEvents(rc: RouteContext) {
  const group = groupOf(rc);
  return listOf(rc, group, [...group.events.values()], 'events');
}

/** calendarView bounds: ISO 8601 with an offset or `Z`; without one, UTC. */
function viewBound(value: string | null): number | null {
  if (value === null) return null;
  const withZone = /(Z|[+-]\d{2}:\d{2})$/.test(value) ? value : `${value}Z`;
  const ms = Date.parse(withZone);
  if (Number.isNaN(ms)) throw graphError('invalidDateTime', { value, property: 'startDateTime/endDateTime' });
  return ms;
}

function calendarView(rc: RouteContext) {
  const group = groupOf(rc);
  const from = viewBound(rc.req.query.get('startDateTime'));
  const to = viewBound(rc.req.query.get('endDateTime'));
  if (from === null || to === null) throw graphError('calendarViewWindowMissing');
  const events = [...group.events.values()]
    .filter((e) => e.startUtcMs < to && e.endUtcMs > from)
    .sort((a, b) => a.startUtcMs - b.startUtcMs);
  return listOf(rc, group, events, 'calendarView');
}

const mailbox = (params: Record<string, string>) => ({ service: 'outlook', mailboxId: params.groupId ?? '' }) as const;

function both(method: Route['method'], suffix: string, scopes: Route['scopes'], handler: Route['handler']): Route[] {
  return [
    { method, pattern: `/groups/{groupId}/${suffix}`, scopes, throttle: mailbox, handler },
    { method, pattern: `/groups/{groupId}/calendar/${suffix}`, scopes, throttle: mailbox, handler },
  ];
}

export const eventRoutes: Route[] = [
  ...both('POST', 'events', SCOPES.eventsWrite, createEvent),
  ...both('GET', 'events', SCOPES.eventsRead, listEvents),
  ...both('GET', 'events/{eventId}', SCOPES.eventsRead, (rc) =>
    respond(rc, 200, groupOf(rc), eventOf(rc, groupOf(rc)), true),
  ),
  ...both('PATCH', 'events/{eventId}', SCOPES.eventsWrite, patchEvent),
  ...both('DELETE', 'events/{eventId}', SCOPES.eventsWrite, deleteEvent),
  ...both('GET', 'calendarView', SCOPES.eventsRead, calendarView),
];
