// Release windows and "is this event for the whole offering?", by table.
import { describe, expect, it } from 'vitest';
import { eventTargetsOffering, isEventReleased } from './event-rules.js';
import type { EventAudience, LearningEvent, Offering } from './roster-types.js';

const at = new Date('2026-03-02T12:00:00Z');
const before = new Date('2026-03-01T12:00:00Z');
const after = new Date('2026-03-03T12:00:00Z');

function event(overrides: Partial<LearningEvent> = {}): LearningEvent {
  return {
    eventId: 1,
    parentId: null,
    recurringId: null,
    courseId: 7,
    title: 'Lecture',
    description: null,
    location: null,
    start: after,
    finish: after,
    durationMinutes: 60,
    releaseFrom: null,
    releaseUntil: null,
    audienceVisible: true,
    updatedAt: before,
    audience: [],
    contacts: [],
    ...overrides,
  };
}

const offering: Offering = {
  key: 'course:7:period:1',
  courseId: 7,
  courseCode: 'ANAT 110',
  courseName: 'Human Anatomy',
  courseDescription: null,
  organisationId: 1,
  organisationTitle: null,
  period: { id: 1, title: 'Term', start: before, finish: after },
  status: 'current',
  ended: false,
  membershipEvaluatedAt: at,
  owners: [],
  members: [10, 11],
  groups: [{ groupId: 50, groupName: 'Class of 2028', groupType: 'cohort', memberCount: 2 }],
  events: [],
};

describe('isEventReleased', () => {
  it.each([
    [null, null, true],
    [before, null, true],
    [after, null, false],
    [null, after, true],
    [null, before, false],
    [at, at, true],
  ] as Array<[Date | null, Date | null, boolean]>)('from %s until %s → %s', (releaseFrom, releaseUntil, expected) => {
    expect(isEventReleased(event({ releaseFrom, releaseUntil }), at)).toBe(expected);
  });
});

describe('eventTargetsOffering', () => {
  const people = new Map([
    [10, { gradYear: 2028 }],
    [11, { gradYear: 2028 }],
  ]);
  it.each([
    [[], true],
    [[{ type: 'course_id', value: '7' }], true],
    [[{ type: 'course_id', value: '8' }], false],
    [[{ type: 'cohort', value: '50' }], true],
    [[{ type: 'group_id', value: '50' }], true],
    [[{ type: 'cohort', value: '51' }], false],
    [[{ type: 'organisation_id', value: '1' }], true],
    [[{ type: 'proxy_id', value: '10' }], false],
    [[{ type: 'grad_year', value: '2028' }], true],
    [[{ type: 'grad_year', value: '2029' }], false],
    [
      [
        { type: 'cohort', value: '51' },
        { type: 'course_id', value: '7' },
      ],
      true,
    ],
  ] as Array<[EventAudience[], boolean]>)('audience %j → %s', (audience, expected) => {
    expect(eventTargetsOffering(event({ audience }), offering, people)).toBe(expected);
  });
});
