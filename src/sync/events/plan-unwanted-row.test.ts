// planUnwantedRow by table: a row whose event should have no meeting → delete, keep, look up and delete (a create
// never confirmed), nothing, or a warning (no team recorded). The search window of an unconfirmed create comes from
// the start its create sent (the row's fingerprint), or from the event window when the row holds no hash.
import { describe, expect, it } from 'vitest';
import type { ObservedEventRow } from './event-rows.js';
import { eventWindow } from './event-window.js';
import { serializeFingerprint } from './fingerprint.js';
import { buildMeeting } from './meeting-payload.js';
import type { EventPlanContext } from './plan-context.js';
import { planUnwantedRow, type UnwantedBecause } from './plan-unwanted-row.js';
import { buildEvent, buildRow, MEETING_OPTIONS, NOW, SITE } from './testing/build-event.js';

const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);
const iso = (date: Date) => date.toISOString();
const CTX: EventPlanContext = { window: eventWindow(NOW), meeting: MEETING_OPTIONS, site: SITE };
const START = at(5);
/** What a create sent for an event starting at `start`. */
const sentFor = (start: Date) => serializeFingerprint(buildMeeting(buildEvent({ start }), MEETING_OPTIONS).fingerprint);
const unconfirmed = (overrides: Partial<ObservedEventRow> = {}) =>
  buildRow({ graph_event_id: null, join_url: null, status: 'pending', sent_hash: sentFor(START), ...overrides });
const BASE = { eventId: 101, offeringKey: 'course:7:period:1' };
/** A day either side of the sent start. */
const AROUND_START = {
  transactionId: 'et-site1-e101-g1',
  searchFrom: iso(at(4)),
  searchUntil: iso(at(6)),
};

describe('planUnwantedRow', () => {
  it.each<[string, ObservedEventRow, UnwantedBecause, unknown]>([
    [
      'a meeting that exists → delete it by its id',
      buildRow({ sent_hash: sentFor(START) }),
      'vanished',
      { kind: 'deleteEvent', ...BASE, teamId: 'team-7', graphEventId: 'AAMk-101', reason: 'deleted-in-elentra' },
    ],
    [
      'a create never answered (pending), deleted in Elentra → look it up around the sent start, delete it',
      unconfirmed(),
      'vanished',
      {
        kind: 'deleteEvent',
        ...BASE,
        teamId: 'team-7',
        graphEventId: '',
        reason: 'deleted-in-elentra',
        unconfirmed: AROUND_START,
      },
    ],
    [
      'a create that failed (error, no id), unreleased → the same, reason unreleased',
      unconfirmed({ status: 'error', transaction_id: 'et-site1-e101-g3' }),
      'unreleased',
      {
        kind: 'deleteEvent',
        ...BASE,
        teamId: 'team-7',
        graphEventId: '',
        reason: 'unreleased',
        unconfirmed: { ...AROUND_START, transactionId: 'et-site1-e101-g3' },
      },
    ],
    [
      'unconfirmed, moved beyond the horizon → looked up where it was sent',
      unconfirmed(),
      'beyond-window',
      expect.objectContaining({ reason: 'beyond-window', unconfirmed: AROUND_START }),
    ],
    [
      "unconfirmed, no longer the offering's audience → looked up",
      unconfirmed(),
      'not-offering-audience',
      expect.objectContaining({ reason: 'not-offering-audience', unconfirmed: AROUND_START }),
    ],
    [
      'unconfirmed without a hash (a retry whose content had changed) → the event window, a day wider each side',
      unconfirmed({ sent_hash: null }),
      'vanished',
      expect.objectContaining({
        graphEventId: '',
        unconfirmed: { transactionId: 'et-site1-e101-g1', searchFrom: iso(at(-2)), searchUntil: iso(at(121)) },
      }),
    ],
    [
      'unconfirmed, took place before the window → kept',
      unconfirmed(),
      'past',
      { kind: 'noChange', ...BASE, reason: 'past' },
    ],
    [
      'unconfirmed, deleted in Elentra after its sent start had passed → kept',
      unconfirmed({ sent_hash: sentFor(at(-3)) }),
      'vanished',
      { kind: 'noChange', ...BASE, reason: 'past' },
    ],
    ['unconfirmed in a team deleted in Microsoft → nothing', unconfirmed({ status: 'team-deleted' }), 'vanished', null],
    ['its last meeting already deleted → nothing', unconfirmed({ status: 'deleted' }), 'unreleased', null],
    [
      'unconfirmed with no team recorded → the warning, nothing sent',
      unconfirmed({ team_id: null }),
      'vanished',
      {
        ...BASE,
        code: 'unconfirmed-create',
        message: expect.stringMatching(/no team recorded.*et-site1-e101-g1.*delete that meeting by hand/),
      },
    ],
    [
      'a meeting with no team recorded → the warning too',
      buildRow({ team_id: null }),
      'unreleased',
      expect.objectContaining({ code: 'unconfirmed-create' }),
    ],
  ])('%s', (_name, row, because, expected) => {
    expect(planUnwantedRow(row, because, CTX)).toEqual(expected);
  });
});
