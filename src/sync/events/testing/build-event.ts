// Test data for event sync (Outline's `buildUser(overrides)` style): a learning event, an offering, an ms_events row
// and the meeting options, each with believable defaults so that a test names only what it is about.
import type { LearningEvent, Offering } from '../../../elentra/roster/roster-types.js';
import type { ObservedEventRow } from '../event-rows.js';
import type { MeetingOptions } from '../meeting-payload.js';

export const NOW = new Date('2025-09-10T12:00:00Z');
export const SITE = 'site1';

export function buildEvent(overrides: Partial<LearningEvent> = {}): LearningEvent {
  const start = overrides.start ?? new Date('2025-09-15T12:30:00Z');
  return {
    eventId: 101,
    parentId: null,
    recurringId: null,
    courseId: 7,
    title: 'Cardiology lecture',
    description: 'Heart sounds.',
    location: 'Room 101',
    start,
    finish: new Date(start.getTime() + 3_600_000),
    durationMinutes: 60,
    releaseFrom: null,
    releaseUntil: null,
    audienceVisible: true,
    updatedAt: new Date('2025-09-01T00:00:00Z'),
    audience: [{ type: 'course_id', value: '7' }],
    contacts: [],
    ...overrides,
  };
}

export function buildOffering(overrides: Partial<Offering> = {}): Offering {
  const courseId = overrides.courseId ?? 7;
  return {
    key: `course:${courseId}:period:1`,
    courseId,
    courseCode: `MED${courseId}`,
    courseName: 'Medicine',
    courseDescription: null,
    organisationId: 1,
    organisationTitle: 'Test School',
    period: { id: 1, title: 'Fall', start: new Date('2025-09-01Z'), finish: new Date('2025-12-20Z') },
    status: 'current',
    ended: false,
    membershipEvaluatedAt: NOW,
    owners: [],
    members: [],
    groups: [],
    events: [],
    ...overrides,
  };
}

export function buildRow(overrides: Partial<ObservedEventRow> = {}): ObservedEventRow {
  return {
    event_id: 101,
    offering_key: 'course:7:period:1',
    team_id: 'team-7',
    graph_event_id: 'AAMk-101',
    transaction_id: `et-${SITE}-e101-g1`,
    join_url: 'https://teams.microsoft.com/l/meetup-join/101',
    sent_hash: null,
    status: 'active',
    ...overrides,
  };
}

export const MEETING_OPTIONS: MeetingOptions = {
  entradaUrl: 'https://elentra.example.edu',
  outlookTimeZone: 'Eastern Standard Time',
  onlineMeetings: true,
};
