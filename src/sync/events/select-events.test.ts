import { describe, expect, it } from 'vitest';
import type { LearningEvent } from '../../elentra/roster/roster-types.js';
import { eventWindow } from './event-window.js';
import { selectEvents } from './select-events.js';
import { buildEvent, buildOffering, NOW } from './testing/build-event.js';

const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);
const TEAMS = new Map([['course:7:period:1', 'team-7']]);

function outcome(event: LearningEvent, options: { onlyOfferingAudience?: boolean; teams?: Map<string, string> } = {}) {
  const selection = selectEvents({
    offerings: [buildOffering({ events: [event], groups: [] })],
    teams: options.teams ?? TEAMS,
    now: NOW,
    window: eventWindow(NOW),
    onlyOfferingAudience: options.onlyOfferingAudience ?? false,
  });
  if (selection.selected.length > 0) return 'selected';
  if (selection.deferred.length > 0) return `deferred:${selection.deferred[0]?.reason}`;
  return `skipped:${selection.skipped[0]?.reason}`;
}

describe('selectEvents', () => {
  it.each([
    ['in the window', buildEvent({ start: at(5) }), {}, 'selected'],
    [
      'started 23 hours ago (inside: the window reaches back a day)',
      buildEvent({ start: at(-23 / 24) }),
      {},
      'selected',
    ],
    ['started two days ago', buildEvent({ start: at(-2) }), {}, 'skipped:past'],
    ['exactly 120 days ahead', buildEvent({ start: at(120) }), {}, 'skipped:beyond-window'],
    ['just inside 120 days', buildEvent({ start: at(119.99) }), {}, 'selected'],
    ['released later', buildEvent({ start: at(5), releaseFrom: at(1) }), {}, 'skipped:unreleased'],
    ['release ended', buildEvent({ start: at(5), releaseUntil: at(-1) }), {}, 'skipped:unreleased'],
    ['release window open now', buildEvent({ start: at(5), releaseFrom: at(-1), releaseUntil: at(1) }), {}, 'selected'],
    ['a recurring child', buildEvent({ start: at(5), parentId: 90, recurringId: 90 }), {}, 'selected'],
    [
      'for one learner, audience filter on',
      buildEvent({ start: at(5), audience: [{ type: 'proxy_id', value: '12' }] }),
      { onlyOfferingAudience: true },
      'skipped:not-offering-audience',
    ],
    [
      'for one learner, audience filter off',
      buildEvent({ start: at(5), audience: [{ type: 'proxy_id', value: '12' }] }),
      {},
      'selected',
    ],
    ['no team yet', buildEvent({ start: at(5) }), { teams: new Map() }, 'deferred:no-team'],
    ['no team yet, but past', buildEvent({ start: at(-3) }), { teams: new Map() }, 'skipped:past'],
  ])('%s → %s', (_name, event, options, expected) => {
    expect(outcome(event, options)).toBe(expected);
  });

  it('gives an event in two offerings one meeting, in the first', () => {
    const event = buildEvent({ start: at(5) });
    const first = buildOffering({ key: 'course:7:period:1', events: [event] });
    const second = buildOffering({ key: 'course:7:period:2', events: [event] });
    const selection = selectEvents({
      offerings: [first, second],
      teams: new Map([
        [first.key, 'team-a'],
        [second.key, 'team-b'],
      ]),
      now: NOW,
      window: eventWindow(NOW),
    });
    expect(selection.selected.map((s) => s.teamId)).toEqual(['team-a']);
    expect(selection.skipped).toEqual([
      { eventId: event.eventId, offeringKey: second.key, reason: 'duplicate', event },
    ]);
    expect([...selection.offeringKeys]).toEqual([first.key, second.key]);
  });

  it("with the audience filter, matches a grad_year audience to the offering's members' years (the roster's people)", () => {
    // What a roster read with `members: false` (the event sync's) still holds for such an offering: its members.
    const forClass = buildEvent({ eventId: 1, start: at(5), audience: [{ type: 'grad_year', value: '2028' }] });
    const forOthers = buildEvent({ eventId: 2, start: at(5), audience: [{ type: 'grad_year', value: '2029' }] });
    const selection = selectEvents({
      offerings: [buildOffering({ members: [10, 11], events: [forClass, forOthers] })],
      teams: TEAMS,
      now: NOW,
      window: eventWindow(NOW),
      onlyOfferingAudience: true,
      people: new Map([
        [10, { gradYear: 2028 }],
        [11, { gradYear: null }],
        [12, { gradYear: 2029 }],
      ]),
    });
    expect(selection.selected.map((s) => s.event.eventId)).toEqual([1]);
    expect(selection.skipped.map((s) => [s.eventId, s.reason])).toEqual([[2, 'not-offering-audience']]);
  });

  it('takes the window from the options', () => {
    expect(eventWindow(NOW, { daysBefore: 0, daysAhead: 7 })).toEqual({ from: NOW, until: at(7) });
    expect(() => eventWindow(NOW, { daysAhead: 0 })).toThrow(RangeError);
  });
});
