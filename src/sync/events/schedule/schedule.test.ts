import { describe, expect, it } from 'vitest';
import type { DeleteEventOperation, EventOperation, EventWriteOperation } from '../event-operations.js';
import { minimumRequests, throttleFloorSeconds } from './event-cost.js';
import { executionWaves, interleaveByMailbox } from './execution-order.js';
import { MailboxDispatcher } from './mailbox-dispatcher.js';
import { OUTLOOK_LIMITS } from './outlook-limits.js';

let nextId = 1;
function del(teamId: string): DeleteEventOperation {
  const eventId = nextId++;
  return {
    kind: 'deleteEvent',
    eventId,
    offeringKey: `o-${teamId}`,
    teamId,
    graphEventId: `g${eventId}`,
    reason: 'unreleased',
  };
}
function update(teamId: string, merge: boolean): EventWriteOperation {
  const eventId = nextId++;
  return {
    kind: 'updateEvent',
    eventId,
    offeringKey: `o-${teamId}`,
    teamId,
    graphEventId: `g${eventId}`,
    transactionId: `t${eventId}`,
    fields: merge ? ['body'] : ['subject'],
    patch: {},
    mergeBodyWithMeetingBlob: merge,
    eventUrl: '',
    sentHash: '',
  };
}
function many(teamId: string, count: number): DeleteEventOperation[] {
  return Array.from({ length: count }, () => del(teamId));
}

describe('interleaveByMailbox', () => {
  it('takes one from each mailbox in turn, each keeping its own order', () => {
    const ops = [...many('a', 3), ...many('b', 1), ...many('c', 2)];
    expect(interleaveByMailbox(ops).map((op) => `${op.teamId}${op.eventId}`)).toEqual(
      [ops[0], ops[3], ops[4], ops[1], ops[5], ops[2]].map((op) => `${op?.teamId}${op?.eventId}`),
    );
  });
});

describe('executionWaves', () => {
  it('runs the creates of moved events after everything else, and skips noChange', () => {
    const removal = { ...del('a'), reason: 'moved' as const };
    const moveCreate = {
      ...update('b', false),
      kind: 'createEvent',
      reason: 'moved',
      replaces: { teamId: 'a', graphEventId: removal.graphEventId },
    } as unknown as EventWriteOperation;
    const unchanged: EventOperation = { kind: 'noChange', eventId: 0, offeringKey: 'o', reason: 'in-sync' };
    const waves = executionWaves([moveCreate, unchanged, removal]);
    expect(waves.map((wave) => wave.map((op) => op.kind))).toEqual([['deleteEvent'], ['createEvent']]);
  });
});

/** Runs the dispatcher on a fake clock with fixed latency and a worker pool; returns what happened. */
function simulate(
  ops: EventWriteOperation[],
  options: { latencyMs: number; workers: number; limits?: typeof OUTLOOK_LIMITS },
) {
  const dispatcher = new MailboxDispatcher(interleaveByMailbox(ops), options.limits);
  let now = 0;
  const running: Array<{ op: EventWriteOperation; endsAt: number }> = [];
  const starts = new Map<string, number[]>();
  let peakPerMailbox = 0;
  for (;;) {
    const step = running.length < options.workers ? dispatcher.next(now) : { kind: 'wait' as const, waitMs: null };
    if (step.kind === 'start') {
      running.push({
        op: step.operation,
        endsAt:
          now +
          options.latencyMs *
            (step.operation.kind === 'updateEvent' && step.operation.mergeBodyWithMeetingBlob ? 2 : 1),
      });
      const list = starts.get(step.operation.teamId) ?? [];
      list.push(now);
      starts.set(step.operation.teamId, list);
      const inFlight = running.filter((r) => r.op.teamId === step.operation.teamId).length;
      peakPerMailbox = Math.max(peakPerMailbox, inFlight);
      continue;
    }
    if (step.kind === 'done' && running.length === 0) break;
    // Advance the clock to the next finish, or the end of a window wait, whichever comes first.
    const nextFinish = running.length > 0 ? Math.min(...running.map((r) => r.endsAt)) : Number.POSITIVE_INFINITY;
    const nextWindow = step.kind === 'wait' && step.waitMs !== null ? now + step.waitMs : Number.POSITIVE_INFINITY;
    now = Math.min(nextFinish, nextWindow);
    for (const done of running.filter((r) => r.endsAt <= now)) {
      dispatcher.finished(done.op);
      running.splice(running.indexOf(done), 1);
    }
  }
  return { wallMs: now, starts, peakPerMailbox };
}

describe('MailboxDispatcher', () => {
  it('never runs more than 4 at once in one mailbox, and spreads the rest over other mailboxes', () => {
    const ops = [...many('a', 40), ...many('b', 40), ...many('c', 40)];
    const result = simulate(ops, { latencyMs: 50, workers: 12 });
    expect(result.peakPerMailbox).toBe(4);
    // 12 workers over 3 mailboxes × 4 slots: every round runs 12; 120 operations → 10 rounds.
    expect(result.wallMs).toBe(500);
    expect(result.wallMs / 1000).toBe(throttleFloorSeconds(ops, { latencySeconds: 0.05 }));
  });

  it('keeps each mailbox under its requests per window, waiting for the window to slide', () => {
    const limits = { ...OUTLOOK_LIMITS, requestsPerMailboxWindow: 10, mailboxWindowSeconds: 60 };
    const ops = many('a', 25);
    const result = simulate(ops, { latencyMs: 50, workers: 8, limits });
    const starts = result.starts.get('a') ?? [];
    for (const start of starts) {
      expect(starts.filter((s) => s > start - 60_000 && s <= start).length).toBeLessThanOrEqual(10);
    }
    // 25 requests at 10 per minute and 4 at a time: the last five start two minutes in, in two rounds.
    expect(starts.filter((start) => start >= 120_000)).toEqual([120_000, 120_000, 120_000, 120_000, 120_050]);
    expect(result.wallMs / 1000).toBe(throttleFloorSeconds(ops, { latencySeconds: 0.05, limits }));
  });

  it('counts a merged body update as two requests against the window', () => {
    const limits = { ...OUTLOOK_LIMITS, requestsPerMailboxWindow: 4, mailboxWindowSeconds: 60 };
    const result = simulate([update('a', true), update('a', true), update('a', true)], {
      latencyMs: 50,
      workers: 4,
      limits,
    });
    expect(result.starts.get('a')).toEqual([0, 0, 60_000]);
  });
});

describe('cost model', () => {
  it('counts requests: one per write, two for a merged body, none for noChange', () => {
    const unchanged: EventOperation = { kind: 'noChange', eventId: 0, offeringKey: 'o', reason: 'in-sync' };
    const cost = minimumRequests([del('a'), update('a', true), update('b', false), unchanged]);
    expect(cost).toMatchObject({ requests: 4, writes: 3, reads: 1, batchedExchanges: 2 });
    expect(Object.fromEntries(cost.byMailbox)).toEqual({ a: 3, b: 1 });
  });

  it('counts the delete of an unconfirmed create as two: one calendarView page (a read), then the DELETE', () => {
    const unconfirmed: DeleteEventOperation = {
      ...del('a'),
      graphEventId: '',
      unconfirmed: {
        transactionId: 't',
        searchFrom: '2025-09-14T12:30:00.000Z',
        searchUntil: '2025-09-16T12:30:00.000Z',
      },
    };
    const cost = minimumRequests([unconfirmed, del('a')]);
    expect(cost).toMatchObject({ requests: 3, writes: 2, reads: 1, batchedExchanges: 2 });
    expect(Object.fromEntries(cost.byMailbox)).toEqual({ a: 3 });
    // The page and its DELETE run one after the other: a chain of two.
    expect(throttleFloorSeconds([unconfirmed], { latencySeconds: 0.05 })).toBe(0.1);
  });

  it.each<[string, () => EventOperation[], number]>([
    ['nothing to do', () => [], 0],
    ['one write', () => [del('a')], 0.05],
    ['one mailbox, 20 writes: 4 at a time', () => many('a', 20), 0.25],
    [
      '200 mailboxes, 20 each: in parallel',
      () => Array.from({ length: 200 }, (_, i) => many(`t${i}`, 20)).flat(),
      0.25,
    ],
    ['a merged body: GET then PATCH', () => [update('a', true)], 0.1],
    ['one mailbox, 10,001 requests: the last waits for the next window', () => many('a', 10_001), 600.05],
    ['one mailbox, 10,009 requests: nine in the second window, 4 at a time', () => many('a', 10_009), 600.15],
  ])('throttle floor: %s → %ss', (_name, ops, seconds) => {
    expect(throttleFloorSeconds(ops(), { latencySeconds: 0.05 })).toBeCloseTo(seconds, 6);
  });
});
