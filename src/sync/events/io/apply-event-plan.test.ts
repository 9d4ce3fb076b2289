// How many event writes applyEventPlan keeps in flight: 4 per mailbox with work (Outlook's limit), at most 256 overall.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { DeleteEventOperation } from '../event-operations.js';
import type { CalendarGateway, EventStore } from '../ports.js';
import { applyEventPlan, eventsInFlightFor, MAX_EVENTS_IN_FLIGHT } from './apply-event-plan.js';

function deletes(mailboxes: number, perMailbox: number): DeleteEventOperation[] {
  const ops: DeleteEventOperation[] = [];
  for (let i = 0; i < perMailbox; i++) {
    for (let m = 0; m < mailboxes; m++) {
      const eventId = ops.length + 1;
      ops.push({
        kind: 'deleteEvent',
        eventId,
        offeringKey: `o${m}`,
        teamId: `team-${m}`,
        graphEventId: `g${eventId}`,
        reason: 'unreleased',
      });
    }
  }
  return ops;
}

/** Applies `ops` against a gateway that answers after 5 ms; the most in flight overall and in one mailbox. */
async function peaks(ops: DeleteEventOperation[], maxInFlight?: number) {
  let inFlight = 0;
  let most = 0;
  const perMailbox = new Map<string, number>();
  let mostInOneMailbox = 0;
  const gateway: Pick<CalendarGateway, 'deleteEvent'> = {
    async deleteEvent(teamId) {
      inFlight += 1;
      most = Math.max(most, inFlight);
      const here = (perMailbox.get(teamId) ?? 0) + 1;
      perMailbox.set(teamId, here);
      mostInOneMailbox = Math.max(mostInOneMailbox, here);
      await sleep(5);
      inFlight -= 1;
      perMailbox.set(teamId, here - 1);
      return 'deleted';
    },
  };
  const store: Pick<EventStore, 'recordDeleted'> = { recordDeleted: async () => {} };
  await applyEventPlan({
    operations: ops,
    gateway: gateway as CalendarGateway,
    store: store as EventStore,
    meeting: { entradaUrl: 'https://elentra.test', outlookTimeZone: 'UTC', onlineMeetings: true },
    nowMs: () => Date.now(),
    ...(maxInFlight ? { maxInFlight } : {}),
  });
  return { most, mostInOneMailbox };
}

describe('applyEventPlan in flight', () => {
  it('defaults to 4 per mailbox with work, capped at 256', () => {
    expect(eventsInFlightFor(0)).toBe(1);
    expect(eventsInFlightFor(1)).toBe(4);
    expect(eventsInFlightFor(50)).toBe(200);
    expect(eventsInFlightFor(200)).toBe(MAX_EVENTS_IN_FLIGHT);
    expect(MAX_EVENTS_IN_FLIGHT).toBe(256);
  });

  it('keeps 4 per mailbox busy across 40 mailboxes (160 at once), never 5 in one', async () => {
    const result = await peaks(deletes(40, 8));
    expect(result).toEqual({ most: 160, mostInOneMailbox: 4 });
  });

  it('never passes the cap with many mailboxes, nor an explicit maxInFlight', async () => {
    expect((await peaks(deletes(100, 3))).most).toBe(256);
    expect(await peaks(deletes(10, 4), 8)).toEqual({ most: 8, mostInOneMailbox: expect.any(Number) });
  });
});
