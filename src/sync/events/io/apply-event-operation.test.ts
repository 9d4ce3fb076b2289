// The delete of a create never confirmed, against a calendar and a store that record what they are asked: it finds the
// meeting by transactionId in the planned window, DELETEs it when found, and ends the row guarded by that
// transactionId — found or not; a group gone is the team deleted; a failure is recorded and leaves the row unconfirmed.
import { describe, expect, it } from 'vitest';
import { GraphError } from '../../../microsoft/graph/graph-error.js';
import type { DeleteEventOperation } from '../event-operations.js';
import type { CalendarGateway, EventStore, FoundEvent } from '../ports.js';
import { applyEventOperation, NEVER_MADE, UNCONFIRMED_DELETED } from './apply-event-operation.js';

const UNCONFIRMED: DeleteEventOperation = {
  kind: 'deleteEvent',
  eventId: 101,
  offeringKey: 'course:7:period:1',
  teamId: 'team-7',
  graphEventId: '',
  reason: 'deleted-in-elentra',
  unconfirmed: {
    transactionId: 'et-site1-e101-g1',
    searchFrom: '2025-09-14T12:30:00.000Z',
    searchUntil: '2025-09-16T12:30:00.000Z',
  },
};

function serverError(): GraphError {
  return new GraphError({
    method: 'GET',
    route: '/groups/{id}/calendarView',
    status: 500,
    graphCode: 'generalException',
    graphMessage: 'Something went wrong.',
    requestId: null,
  });
}

/** A calendar whose find answers `found` (or throws it), and a store; both log every call. */
function world(found: FoundEvent | Error, options: { deleteFails?: boolean } = {}) {
  const calls: unknown[][] = [];
  const gateway: Pick<CalendarGateway, 'findByTransactionId' | 'deleteEvent'> = {
    async findByTransactionId(...args) {
      calls.push(['find', ...args]);
      if (found instanceof Error) throw found;
      return found;
    },
    async deleteEvent(...args) {
      calls.push(['delete', ...args]);
      if (options.deleteFails) throw serverError();
      return 'deleted';
    },
  };
  const log =
    (name: string) =>
    async (...args: unknown[]) => {
      calls.push([name, ...args.slice(0, -1)]);
    };
  const store: Pick<EventStore, 'recordUnconfirmedEnded' | 'recordDeleted' | 'recordTeamDeleted' | 'recordError'> = {
    recordUnconfirmedEnded: log('ended'),
    recordDeleted: log('recordDeleted'),
    recordTeamDeleted: log('teamDeleted'),
    recordError: log('error'),
  };
  const deps = {
    gateway: gateway as CalendarGateway,
    store: store as EventStore,
    meeting: { entradaUrl: 'https://elentra.test', outlookTimeZone: 'UTC', onlineMeetings: true },
    nowMs: () => 1_000,
  };
  return { calls, deps };
}

const FIND = [
  'find',
  'team-7',
  'et-site1-e101-g1',
  { startDateTime: '2025-09-14T12:30:00.000Z', endDateTime: '2025-09-16T12:30:00.000Z' },
];

describe('applyEventOperation: the delete of an unconfirmed create', () => {
  it('found → DELETE it by the id found, then end the row by its transactionId', async () => {
    const { calls, deps } = world({ outcome: 'found', graphEventId: 'AAMk-found' });
    const result = await applyEventOperation(UNCONFIRMED, deps);
    expect(result).toEqual({ outcome: 'deleted', joinUrl: null, message: UNCONFIRMED_DELETED });
    expect(calls).toEqual([FIND, ['delete', 'team-7', 'AAMk-found'], ['ended', 101, 'et-site1-e101-g1']]);
  });

  it('not found → the create never reached Microsoft: no DELETE, the row ended, a neutral outcome', async () => {
    const { calls, deps } = world({ outcome: 'not-found' });
    const result = await applyEventOperation(UNCONFIRMED, deps);
    expect(result).toEqual({ outcome: 'never-made', joinUrl: null, message: NEVER_MADE });
    expect(calls).toEqual([FIND, ['ended', 101, 'et-site1-e101-g1']]);
  });

  it('the group is gone → the team deleted, as a create answered 404 is; the row is not ended', async () => {
    const { calls, deps } = world({ outcome: 'gone' });
    const result = await applyEventOperation(UNCONFIRMED, deps);
    expect(result.outcome).toBe('team-deleted');
    expect(result.message).toMatch(/microsoft:sync-teams/);
    expect(calls).toEqual([FIND, ['teamDeleted', 101, 'team-7']]);
  });

  it('the look-up fails → recorded in words; the row stays unconfirmed for the next run', async () => {
    const { calls, deps } = world(serverError());
    const result = await applyEventOperation(UNCONFIRMED, deps);
    expect(result.outcome).toBe('error');
    expect(calls).toEqual([FIND, ['error', 101, result.message]]);
  });

  it('the DELETE fails → recorded; the row is not ended', async () => {
    const { calls, deps } = world({ outcome: 'found', graphEventId: 'AAMk-found' }, { deleteFails: true });
    const result = await applyEventOperation(UNCONFIRMED, deps);
    expect(result.outcome).toBe('error');
    expect(calls.map((call) => call[0])).toEqual(['find', 'delete', 'error']);
  });

  it('a delete with a graph id still goes straight to DELETE, guarded by that id', async () => {
    const { calls, deps } = world({ outcome: 'not-found' });
    const { unconfirmed: _, ...plain } = UNCONFIRMED;
    const result = await applyEventOperation({ ...plain, graphEventId: 'AAMk-101' }, deps);
    expect(result).toEqual({ outcome: 'deleted', joinUrl: null, message: null });
    expect(calls).toEqual([
      ['delete', 'team-7', 'AAMk-101'],
      ['recordDeleted', 101, 'AAMk-101', 'deleted'],
    ]);
  });
});
