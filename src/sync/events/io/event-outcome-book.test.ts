// The words of the delete of an unconfirmed create: found and deleted counts as `deleted`; none found is the neutral
// `neverMade` — the offering stays ok, with no error and no warning.
import { describe, expect, it } from 'vitest';
import type { DeleteEventOperation } from '../event-operations.js';
import type { EventPlan } from '../plan-events.js';
import { buildOffering } from '../testing/build-event.js';
import { NEVER_MADE, UNCONFIRMED_DELETED } from './apply-event-operation.js';
import { EventOutcomeBook } from './event-outcome-book.js';

const OFFERING = buildOffering();

function unconfirmedDelete(eventId: number): DeleteEventOperation {
  return {
    kind: 'deleteEvent',
    eventId,
    offeringKey: OFFERING.key,
    teamId: 'team-7',
    graphEventId: '',
    reason: 'deleted-in-elentra',
    unconfirmed: {
      transactionId: `t${eventId}`,
      searchFrom: '2025-09-14T00:00:00Z',
      searchUntil: '2025-09-16T00:00:00Z',
    },
  };
}

function bookOf(operations: DeleteEventOperation[], dryRun = false): EventOutcomeBook {
  const plan: EventPlan = {
    operations,
    deferred: [],
    skipped: [],
    warnings: [],
    untouchedRows: 0,
    counts: { createEvent: 0, updateEvent: 0, deleteEvent: operations.length, repairMeeting: 0, noChange: 0 },
  };
  return new EventOutcomeBook(plan, [OFFERING], [], dryRun);
}

describe('EventOutcomeBook: the delete of an unconfirmed create', () => {
  it('found and deleted → deleted; none found → neverMade; the offering ok', () => {
    const [found, none] = [unconfirmedDelete(1), unconfirmedDelete(2)];
    const book = bookOf([found, none]);
    book.applied(found, { outcome: 'deleted', joinUrl: null, message: UNCONFIRMED_DELETED });
    book.applied(none, { outcome: 'never-made', joinUrl: null, message: NEVER_MADE });
    const [outcome] = book.outcomes();
    expect(outcome).toMatchObject({ status: 'ok', counts: { deleted: 1, neverMade: 1 }, message: null });
    expect(outcome?.events.map((e) => [e.eventId, e.reason, e.outcome])).toEqual([
      [1, 'deleted-in-elentra, create unconfirmed', 'deleted'],
      [2, 'deleted-in-elentra, create unconfirmed', 'never-made'],
    ]);
  });

  it('is planned as a delete in a dry run', () => {
    const [outcome] = bookOf([unconfirmedDelete(1)], true).outcomes();
    expect(outcome?.counts).toEqual({ 'planned:deleteEvent': 1 });
  });
});
