// Class sessions as Teams meetings in a team's group calendar (GRAPH-FACTS §6): create (`POST /groups/{id}/events`,
// 201, made safe to repeat by `transactionId`), update (`PATCH`, 200), delete (`DELETE`, 204), read one (or only its
// body, `$select=body`, for a merge), list, `calendarView` for a window, and find an event by its `transactionId` in
// a window. Every call is keyed `mailbox:{groupId}` so the client's limiter can keep Outlook's 4 concurrent requests
// per app per mailbox. Delegated Group.ReadWrite.All only. Shapes: ./event-shapes.ts.
// Expected answers: deleting an event that is gone (or whose group is gone) → done; updating a gone event →
// EventNotFoundError (recreate it); an unsupported zone → TimeZoneNotSupportedError.
import { z } from 'zod';
import {
  type GroupEvent,
  type GroupEventFields,
  groupEventOf,
  type NewGroupEvent,
  preferTimeZone,
} from './event-shapes.js';
import { expectedAnswers, outcomeOf, outcomeOfError, type RequestOutcome, refusal } from './expected-answers.js';
import { type GraphCall, perform } from './graph-call.js';
import { GraphError } from './graph-error.js';
import type { GraphClient } from './http.js';
import { EventNotFoundError, GroupNotFoundError, TimeZoneNotSupportedError } from './resource-errors.js';

/** Outlook pages events 10 at a time unless asked; fewer round trips with 100. */
const EVENTS_PAGE_SIZE = 100;
const EVENT_ROUTE = '/groups/{id}/events/{id}';

const eventGone = {
  status: 404,
  code: 'ErrorItemNotFound',
  source: 'Outlook answer for an unknown event id',
  example: 'itemNotFound',
} as const;
const groupGone = {
  status: 404,
  code: 'Request_ResourceNotFound',
  source: 'microsoft-graph-docs-contrib#4847 (the group does not exist)',
  example: 'resourceNotFound',
} as const;
const zoneRefused = {
  status: 400,
  code: 'TimeZoneNotSupportedException',
  result: TimeZoneNotSupportedError,
  source: 'microsoft-graph-docs#4758',
  example: 'timeZoneNotSupported',
} as const;

export const CREATE_EVENT_ANSWERS = expectedAnswers<RequestOutcome>([
  zoneRefused,
  { ...groupGone, result: GroupNotFoundError },
]);
export const UPDATE_EVENT_ANSWERS = expectedAnswers<RequestOutcome>([
  { ...eventGone, result: EventNotFoundError },
  zoneRefused,
  { ...groupGone, result: GroupNotFoundError },
]);
/** A deleted group takes its calendar with it: either way the event is gone, which is what a delete wants. */
export const DELETE_EVENT_ANSWERS = expectedAnswers<RequestOutcome>([
  { ...eventGone, result: 'ignore' },
  { ...groupGone, result: 'ignore' },
]);
export const READ_EVENT_ANSWERS = expectedAnswers<RequestOutcome>([
  { ...eventGone, result: 'ignore' },
  { ...groupGone, result: GroupNotFoundError },
]);

export interface EventOptions {
  /** Answer times in this zone (`Prefer: outlook.timezone`); default UTC. */
  timeZone?: string;
}

function eventsPath(groupId: string, eventId?: string): string {
  return `/groups/${groupId}/events${eventId === undefined ? '' : `/${encodeURIComponent(eventId)}`}`;
}

function writeCall(
  id: string,
  groupId: string,
  request: { method: 'POST' | 'PATCH'; url: string; body: unknown; route: string },
  table: typeof CREATE_EVENT_ANSWERS,
  options: EventOptions,
): GraphCall<GroupEvent> {
  const headers = preferTimeZone(options.timeZone);
  return {
    request: { id, method: request.method, url: request.url, body: request.body, ...(headers ? { headers } : {}) },
    route: request.route,
    limiterKey: `mailbox:${groupId}`,
    // PATCH sets properties; POST carries a transactionId: both are safe to send again.
    repeatable: true,
    read: (answer) => {
      if (answer.status >= 400) throw refusal(table, answer, request.method, request.route);
      return groupEventOf(answer.body);
    },
  };
}

export function createGroupEventCall(id: string, groupId: string, event: NewGroupEvent, options: EventOptions = {}) {
  const request = { method: 'POST', url: eventsPath(groupId), body: event, route: '/groups/{id}/events' } as const;
  return writeCall(id, groupId, request, CREATE_EVENT_ANSWERS, options);
}

/** Creates the event; repeating it with the same `transactionId` does not make a second one (event.md). */
export function createGroupEvent(client: GraphClient, groupId: string, event: NewGroupEvent, options?: EventOptions) {
  return perform(client, createGroupEventCall('event', groupId, event, options));
}

export function updateGroupEventCall(
  id: string,
  groupId: string,
  eventId: string,
  changes: Partial<GroupEventFields>,
  options: EventOptions = {},
) {
  const request = { method: 'PATCH', url: eventsPath(groupId, eventId), body: changes, route: EVENT_ROUTE } as const;
  return writeCall(id, groupId, request, UPDATE_EVENT_ANSWERS, options);
}

/** PATCH: only the properties given change. EventNotFoundError when the event was deleted. */
export function updateGroupEvent(
  client: GraphClient,
  groupId: string,
  eventId: string,
  changes: Partial<GroupEventFields>,
  options?: EventOptions,
): Promise<GroupEvent> {
  return perform(client, updateGroupEventCall('event', groupId, eventId, changes, options));
}

export function deleteGroupEventCall(
  id: string,
  groupId: string,
  eventId: string,
): GraphCall<'deleted' | 'already-gone'> {
  return {
    request: { id, method: 'DELETE', url: eventsPath(groupId, eventId) },
    route: EVENT_ROUTE,
    limiterKey: `mailbox:${groupId}`,
    read: (answer) => {
      if (answer.status < 400) return 'deleted';
      outcomeOf(DELETE_EVENT_ANSWERS, answer, 'DELETE', EVENT_ROUTE);
      return 'already-gone';
    },
  };
}

export function deleteGroupEvent(client: GraphClient, groupId: string, eventId: string) {
  return perform(client, deleteGroupEventCall('event', groupId, eventId));
}

export function getGroupEventCall(id: string, groupId: string, eventId: string, options: EventOptions = {}) {
  const headers = preferTimeZone(options.timeZone);
  return {
    request: { id, method: 'GET', url: eventsPath(groupId, eventId), ...(headers ? { headers } : {}) },
    route: EVENT_ROUTE,
    limiterKey: `mailbox:${groupId}`,
    read: (answer) => {
      if (answer.status < 400) return groupEventOf(answer.body);
      outcomeOf(READ_EVENT_ANSWERS, answer, 'GET', EVENT_ROUTE);
      return null;
    },
  } satisfies GraphCall<GroupEvent | null>;
}

/** The event, or null when it no longer exists. */
export function getGroupEvent(client: GraphClient, groupId: string, eventId: string, options?: EventOptions) {
  return perform(client, getGroupEventCall('event', groupId, eventId, options));
}

const bodySchema = z.object({ body: z.object({ content: z.string().nullable().optional() }).nullable().optional() });

/**
 * GET one event's body only (`$select=body`): what an update of an online meeting's body must merge into, since
 * replacing it without the Teams blob disables the meeting (event-update). Null when the event is gone.
 */
export function getGroupEventBody(client: GraphClient, groupId: string, eventId: string): Promise<string | null> {
  return perform(client, {
    request: { id: 'event-body', method: 'GET', url: `${eventsPath(groupId, eventId)}?$select=body` },
    route: EVENT_ROUTE,
    limiterKey: `mailbox:${groupId}`,
    read: (answer) => {
      if (answer.status < 400) return bodySchema.parse(answer.body).body?.content ?? '';
      outcomeOf(READ_EVENT_ANSWERS, answer, 'GET', EVENT_ROUTE);
      return null;
    },
  });
}

/** A read of a group's events: its 404 for the group becomes GroupNotFoundError; anything else is thrown as it is. */
async function readingEvents<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof GraphError) outcomeOfError(READ_EVENT_ANSWERS, error);
    throw error;
  }
}

async function allEvents(
  client: GraphClient,
  groupId: string,
  path: string,
  query: Record<string, string | number>,
  options: EventOptions,
) {
  const headers = preferTimeZone(options.timeZone);
  const { items } = await readingEvents(() =>
    client.getAll({
      path,
      query: { ...query, $top: EVENTS_PAGE_SIZE },
      route: path.replace(groupId, '{id}'),
      limiterKey: `mailbox:${groupId}`,
      ...(headers ? { headers } : {}),
    }),
  );
  return z.array(z.unknown()).parse(items).map(groupEventOf);
}

/** Every event of the group calendar (all pages). */
export function listGroupEvents(
  client: GraphClient,
  groupId: string,
  options: EventOptions = {},
): Promise<GroupEvent[]> {
  return allEvents(client, groupId, eventsPath(groupId), {}, options);
}

/** Events overlapping [start, end) (ISO 8601 instants, e.g. `2026-09-01T00:00:00Z`), occurrences expanded. */
export function calendarView(
  client: GraphClient,
  groupId: string,
  window: { startDateTime: string; endDateTime: string },
  options: EventOptions = {},
): Promise<GroupEvent[]> {
  const query = { startDateTime: window.startDateTime, endDateTime: window.endDateTime };
  return allEvents(client, groupId, `/groups/${groupId}/calendarView`, query, options);
}

const idAndTransaction = z.object({ id: z.string(), transactionId: z.string().nullable().optional() });

/**
 * The id of the event in [start, end) that a create with this `transactionId` made, or null: `calendarView` with
 * `$select=id,transactionId` (both are properties of microsoft.graph.event), page after page until it is found, matched
 * here (Graph documents no `$filter` on transactionId). What finds the meeting of a create whose answer was lost.
 * GroupNotFoundError when the group is gone.
 */
export function findGroupEventByTransactionId(
  client: GraphClient,
  groupId: string,
  transactionId: string,
  window: { startDateTime: string; endDateTime: string },
): Promise<string | null> {
  const path = `/groups/${groupId}/calendarView`;
  const request = {
    path,
    query: { ...window, $select: 'id,transactionId', $top: EVENTS_PAGE_SIZE },
    route: '/groups/{id}/calendarView',
    limiterKey: `mailbox:${groupId}`,
  };
  return readingEvents(async () => {
    for await (const page of client.pages(request)) {
      for (const item of page.value) {
        const event = idAndTransaction.parse(item);
        if (event.transactionId === transactionId) return event.id;
      }
    }
    return null;
  });
}
