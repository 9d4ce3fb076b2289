import { describe, expect, it } from 'vitest';
import type { LearningEvent, Offering } from '../../elentra/roster/roster-types.js';
import type { CreateEventOperation, EventOperation } from './event-operations.js';
import type { ObservedEventRow } from './event-rows.js';
import { eventWindow } from './event-window.js';
import { serializeFingerprint } from './fingerprint.js';
import { buildMeeting, type MeetingOptions } from './meeting-payload.js';
import { planEvents } from './plan-events.js';
import { renderCreate } from './render-create.js';
import { selectEvents } from './select-events.js';
import { buildEvent, buildOffering, buildRow, MEETING_OPTIONS, NOW, SITE } from './testing/build-event.js';

const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);
const EVENT = buildEvent({ eventId: 101, start: at(5) });
const OTHER_OFFERING = buildOffering({ key: 'course:8:period:1', courseId: 8 });

interface Scenario {
  events?: LearningEvent[];
  offerings?: Offering[];
  rows?: ObservedEventRow[];
  meeting?: MeetingOptions;
  /** Offering key → live team id (default: `team-{courseId}` for every offering). */
  teams?: Map<string, string>;
  /** Offering key → id of its team deleted in Microsoft (ms_teams.status 'deleted'). */
  deletedTeams?: Map<string, string>;
}

function plan(scenario: Scenario) {
  const offerings = scenario.offerings ?? [buildOffering({ events: scenario.events ?? [EVENT] })];
  const teams = scenario.teams ?? new Map(offerings.map((offering) => [offering.key, `team-${offering.courseId}`]));
  const window = eventWindow(NOW);
  const deletedTeams = scenario.deletedTeams ?? new Map<string, string>();
  const selection = selectEvents({ offerings, teams, deletedTeams, now: NOW, window });
  return planEvents({
    selection,
    rows: scenario.rows ?? [],
    window,
    meeting: scenario.meeting ?? MEETING_OPTIONS,
    site: SITE,
  });
}

/** The row of a meeting sent exactly as `event` is now. */
function syncedRow(event: LearningEvent, overrides: Partial<ObservedEventRow> = {}, meeting = MEETING_OPTIONS) {
  const sent_hash = serializeFingerprint(buildMeeting(event, meeting).fingerprint);
  return buildRow({ event_id: event.eventId, sent_hash, ...overrides });
}

/** The parts of an operation a scenario is about. */
function gist(operation: EventOperation): Record<string, unknown> {
  switch (operation.kind) {
    case 'createEvent':
      return {
        kind: operation.kind,
        reason: operation.reason,
        teamId: operation.teamId,
        transactionId: operation.transactionId,
        ...(operation.replaces ? { replaces: operation.replaces.graphEventId } : {}),
      };
    case 'updateEvent':
      return { kind: operation.kind, fields: operation.fields, merge: operation.mergeBodyWithMeetingBlob };
    case 'deleteEvent':
      return {
        kind: operation.kind,
        reason: operation.reason,
        teamId: operation.teamId,
        ...(operation.unconfirmed ? { unconfirmed: operation.unconfirmed.transactionId } : {}),
      };
    case 'repairMeeting':
      return { kind: operation.kind, patch: operation.patch };
    case 'noChange':
      return { kind: operation.kind, reason: operation.reason };
  }
}

const moved = buildEvent({ ...EVENT, start: at(6), finish: new Date(at(6).getTime() + 3_600_000) });

describe('planEvents', () => {
  it.each<[string, Scenario, Array<Record<string, unknown>>]>([
    [
      'a new event → create, generation 1',
      {},
      [{ kind: 'createEvent', reason: 'new', teamId: 'team-7', transactionId: 'et-site1-e101-g1' }],
    ],
    ['unchanged → nothing', { rows: [syncedRow(EVENT)] }, [{ kind: 'noChange', reason: 'in-sync' }]],
    [
      'title edited → PATCH subject only',
      { rows: [syncedRow(buildEvent({ ...EVENT, title: 'Old title' }))] },
      [{ kind: 'updateEvent', fields: ['subject'], merge: false }],
    ],
    [
      'description edited → PATCH body, merged with the meeting blob',
      { rows: [syncedRow(buildEvent({ ...EVENT, description: 'Old' }))] },
      [{ kind: 'updateEvent', fields: ['body'], merge: true }],
    ],
    [
      'moved a day later → PATCH start and end',
      { events: [moved], rows: [syncedRow(EVENT)] },
      [{ kind: 'updateEvent', fields: ['start', 'end'], merge: false }],
    ],
    [
      'Outlook Time Zone changed → start and end again, same instants',
      { rows: [syncedRow(EVENT, {}, { ...MEETING_OPTIONS, outlookTimeZone: 'Pacific Standard Time' })] },
      [{ kind: 'updateEvent', fields: ['start', 'end'], merge: false }],
    ],
    [
      'created without its meeting → repair',
      { rows: [syncedRow(EVENT, { status: 'meeting-missing', join_url: null })] },
      [{ kind: 'repairMeeting', patch: { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' } }],
    ],
    [
      'without its meeting and retitled → one PATCH does both',
      { rows: [syncedRow(buildEvent({ ...EVENT, title: 'Old' }), { status: 'meeting-missing', join_url: null })] },
      [{ kind: 'updateEvent', fields: ['subject', 'online'], merge: false }],
    ],
    [
      'meetings turned off → an existing meeting stays (Graph cannot turn it off)',
      { rows: [syncedRow(EVENT)], meeting: { ...MEETING_OPTIONS, onlineMeetings: false } },
      [{ kind: 'noChange', reason: 'meeting-kept' }],
    ],
    [
      'meetings turned back on for an event made without → add the meeting',
      { rows: [syncedRow(EVENT, { join_url: null }, { ...MEETING_OPTIONS, onlineMeetings: false })] },
      [{ kind: 'repairMeeting', patch: { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' } }],
    ],
    [
      'deleted in Elentra → delete',
      { events: [], rows: [syncedRow(EVENT)] },
      [{ kind: 'deleteEvent', reason: 'deleted-in-elentra', teamId: 'team-7' }],
    ],
    [
      'deleted in Elentra after it took place → kept',
      { events: [], rows: [syncedRow(buildEvent({ ...EVENT, start: at(-3) }))] },
      [{ kind: 'noChange', reason: 'past' }],
    ],
    [
      'a row of an offering this roster does not hold → untouched',
      { events: [], offerings: [], rows: [syncedRow(EVENT)] },
      [],
    ],
    [
      'unreleased → delete',
      { events: [buildEvent({ ...EVENT, releaseFrom: at(2) })], rows: [syncedRow(EVENT)] },
      [{ kind: 'deleteEvent', reason: 'unreleased', teamId: 'team-7' }],
    ],
    [
      'moved beyond the horizon → delete',
      { events: [buildEvent({ ...EVENT, start: at(200) })], rows: [syncedRow(EVENT)] },
      [{ kind: 'deleteEvent', reason: 'beyond-window', teamId: 'team-7' }],
    ],
    [
      'took place, then edited → left as it was',
      {
        events: [buildEvent({ ...EVENT, start: at(-3), title: 'Renamed' })],
        rows: [syncedRow(buildEvent({ ...EVENT, start: at(-3) }))],
      },
      [{ kind: 'noChange', reason: 'past' }],
    ],
    [
      'still upcoming in Outlook, but its date corrected into the past → moved to where it took place',
      { events: [buildEvent({ ...EVENT, start: at(-3), finish: at(-2.9) })], rows: [syncedRow(EVENT)] },
      [{ kind: 'updateEvent', fields: ['start', 'end'], merge: false }],
    ],
    [
      'moved to another course → delete in the old team, then create in the new',
      {
        offerings: [
          buildOffering({ events: [] }),
          { ...OTHER_OFFERING, events: [buildEvent({ ...EVENT, courseId: 8 })] },
        ],
        rows: [syncedRow(EVENT)],
      },
      [
        { kind: 'deleteEvent', reason: 'moved', teamId: 'team-7' },
        {
          kind: 'createEvent',
          reason: 'moved',
          teamId: 'team-8',
          transactionId: 'et-site1-e101-g2',
          replaces: 'AAMk-101',
        },
      ],
    ],
    [
      'deleted by us earlier, wanted again → a new generation',
      { rows: [buildRow({ graph_event_id: null, status: 'deleted', transaction_id: 'et-site1-e101-g3' })] },
      [{ kind: 'createEvent', reason: 'recreate', teamId: 'team-7', transactionId: 'et-site1-e101-g4' }],
    ],
    [
      'deleted in Outlook (404) → a new generation',
      { rows: [buildRow({ graph_event_id: null, status: 'gone' })] },
      [{ kind: 'createEvent', reason: 'recreate', teamId: 'team-7', transactionId: 'et-site1-e101-g2' }],
    ],
    [
      'a create that got no answer → the same transactionId again',
      { rows: [buildRow({ graph_event_id: null, status: 'pending' })] },
      [{ kind: 'createEvent', reason: 'retry', teamId: 'team-7', transactionId: 'et-site1-e101-g1' }],
    ],
    [
      'a create that got no answer, event since moved → finished where it was started',
      {
        offerings: [
          buildOffering({ events: [] }),
          { ...OTHER_OFFERING, events: [buildEvent({ ...EVENT, courseId: 8 })] },
        ],
        rows: [buildRow({ graph_event_id: null, status: 'error' })],
      },
      [{ kind: 'createEvent', reason: 'retry', teamId: 'team-7', transactionId: 'et-site1-e101-g1' }],
    ],
    [
      'a create that got no answer, then deleted in Elentra → look it up by its transactionId and delete it',
      { events: [], rows: [syncedRow(EVENT, { graph_event_id: null, status: 'pending' })] },
      [{ kind: 'deleteEvent', reason: 'deleted-in-elentra', teamId: 'team-7', unconfirmed: 'et-site1-e101-g1' }],
    ],
    [
      'a create that failed, then unreleased → look it up by its transactionId and delete it',
      {
        events: [buildEvent({ ...EVENT, releaseFrom: at(2) })],
        rows: [syncedRow(EVENT, { graph_event_id: null, status: 'error' })],
      },
      [{ kind: 'deleteEvent', reason: 'unreleased', teamId: 'team-7', unconfirmed: 'et-site1-e101-g1' }],
    ],
    [
      'nothing usable stored → every field once, body merged',
      { rows: [buildRow({ sent_hash: null })] },
      [{ kind: 'updateEvent', fields: ['subject', 'body', 'location', 'start', 'end'], merge: true }],
    ],
    [
      'unreleased, and its last meeting already deleted → nothing to do',
      {
        events: [buildEvent({ ...EVENT, releaseFrom: at(2) })],
        rows: [buildRow({ graph_event_id: null, status: 'deleted' })],
      },
      [],
    ],
  ])('%s', (_name, scenario, expected) => {
    expect(plan(scenario).operations.map(gist)).toEqual(expected);
  });

  const KEY = 'course:7:period:1';
  const TEAM_7_DELETED = { teams: new Map<string, string>(), deletedTeams: new Map([[KEY, 'team-7']]) };
  const TEAM_7_RECREATED = { teams: new Map([[KEY, 'team-77']]) };
  const inDeletedTeam = { status: 'team-deleted', join_url: null } as const;
  const pendingIn7 = { graph_event_id: null, status: 'pending' } as const;

  // A team deleted in Microsoft (its group deleted): the teams sync marks ms_teams `deleted`, or a create answers 404.
  it.each<[string, Scenario, Array<Record<string, unknown>>]>([
    [
      'its meeting went with the team → recorded, nothing sent',
      { ...TEAM_7_DELETED, rows: [syncedRow(EVENT)] },
      [{ kind: 'noChange', reason: 'team-deleted' }],
    ],
    ['recorded already → nothing at all', { ...TEAM_7_DELETED, rows: [syncedRow(EVENT, inDeletedTeam)] }, []],
    [
      'a create that got no answer in it → not retried there (not forever)',
      { ...TEAM_7_DELETED, rows: [buildRow(pendingIn7)] },
      [{ kind: 'noChange', reason: 'team-deleted' }],
    ],
    [
      'a create answered 404 (group gone), teams sync not run yet → tried in the same team once per run',
      { rows: [buildRow({ ...pendingIn7, ...inDeletedTeam })] },
      [{ kind: 'createEvent', reason: 'retry', teamId: 'team-7', transactionId: 'et-site1-e101-g1' }],
    ],
    [
      'deleted in Elentra meanwhile → nothing to delete there',
      { ...TEAM_7_DELETED, events: [], rows: [syncedRow(EVENT)] },
      [{ kind: 'noChange', reason: 'team-deleted' }],
    ],
    [
      'took place before the window → recorded gone too (its link is dead)',
      { ...TEAM_7_DELETED, events: [buildEvent({ ...EVENT, start: at(-3) })], rows: [syncedRow(EVENT)] },
      [{ kind: 'noChange', reason: 'team-deleted' }],
    ],
    [
      'team recreated (new id): a create started in the deleted team → a new generation in the new team only',
      { ...TEAM_7_RECREATED, rows: [buildRow({ ...pendingIn7, ...inDeletedTeam })] },
      [{ kind: 'createEvent', reason: 'recreate', teamId: 'team-77', transactionId: 'et-site1-e101-g2' }],
    ],
    [
      'team recreated (new id): its meeting recorded gone → created in the new team, no delete in the old',
      { ...TEAM_7_RECREATED, rows: [syncedRow(EVENT, inDeletedTeam)] },
      [{ kind: 'createEvent', reason: 'recreate', teamId: 'team-77', transactionId: 'et-site1-e101-g2' }],
    ],
    [
      'team recreated while the old id is still flagged: recorded, then created in the new team',
      {
        teams: new Map([[KEY, 'team-77']]),
        deletedTeams: new Map([['course:9:period:1', 'team-7']]),
        rows: [syncedRow(EVENT)],
      },
      [
        { kind: 'noChange', reason: 'team-deleted' },
        { kind: 'createEvent', reason: 'recreate', teamId: 'team-77', transactionId: 'et-site1-e101-g2' },
      ],
    ],
    [
      'group restored (the same team is live again) → PATCH the meeting, which gives its join link back',
      { rows: [syncedRow(EVENT, inDeletedTeam)] },
      [{ kind: 'repairMeeting', patch: { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' } }],
    ],
  ])('team deleted: %s', (_name, scenario, expected) => {
    expect(plan(scenario).operations.map(gist)).toEqual(expected);
  });

  it('a deleted team defers its events as team-deleted and marks rows by their team id', () => {
    const result = plan({ ...TEAM_7_DELETED, rows: [syncedRow(EVENT)] });
    expect(result.deferred.map((d) => [d.event.eventId, d.reason])).toEqual([[101, 'team-deleted']]);
    expect(result.operations).toEqual([
      { kind: 'noChange', eventId: 101, offeringKey: KEY, reason: 'team-deleted', markTeamDeleted: 'team-7' },
    ]);
    expect(result.counts.noChange).toBe(1);
    expect(plan({ teams: new Map(), rows: [syncedRow(EVENT)] }).deferred[0]?.reason).toBe('no-team');
  });

  it('records for a retried create the hash only when the earlier attempt sent the same content', () => {
    const same = syncedRow(EVENT, { graph_event_id: null, status: 'pending' });
    const [retry] = plan({ rows: [same] }).operations as CreateEventOperation[];
    const rendered = renderCreate(retry as CreateEventOperation, MEETING_OPTIONS);
    expect(rendered.hashAfterCreate).toBe(same.sent_hash);
    expect(rendered.body.transactionId).toBe('et-site1-e101-g1');
    const different = syncedRow(buildEvent({ ...EVENT, title: 'Old' }), { graph_event_id: null, status: 'pending' });
    const [changed] = plan({ rows: [different] }).operations as CreateEventOperation[];
    expect(renderCreate(changed as CreateEventOperation, MEETING_OPTIONS).hashAfterCreate).toBeNull();
  });

  it('stores a new hash without sending anything when the source changed but renders the same', () => {
    const [operation] = plan({
      events: [buildEvent({ ...EVENT, title: ' Cardiology   lecture ' })],
      rows: [syncedRow(EVENT)],
    }).operations;
    expect(operation).toMatchObject({ kind: 'noChange', reason: 'in-sync', recordHash: expect.stringMatching(/^f1 /) });
    const again = plan({
      events: [buildEvent({ ...EVENT, title: ' Cardiology   lecture ' })],
      rows: [syncedRow(EVENT, { sent_hash: (operation as { recordHash: string }).recordHash })],
    });
    expect(again.operations).toEqual([
      { kind: 'noChange', eventId: 101, offeringKey: 'course:7:period:1', reason: 'in-sync' },
    ]);
  });

  it('plans the delete of an unconfirmed create as a write, and warns only when the row has no team', () => {
    const pending = buildRow({ graph_event_id: null, status: 'pending' });
    const found = plan({ events: [], rows: [pending] });
    expect(found.warnings).toEqual([]);
    expect(found.counts.deleteEvent).toBe(1);
    expect(found.operations[0]).toMatchObject({ kind: 'deleteEvent', graphEventId: '' });
    const teamless = plan({ events: [], rows: [{ ...pending, team_id: null }] });
    expect(teamless.operations).toEqual([]);
    expect(teamless.warnings.map((w) => w.code)).toEqual(['unconfirmed-create']);
  });

  it('defers events whose offering has no team, and leaves their rows alone', () => {
    const offering = buildOffering({ events: [EVENT] });
    const window = eventWindow(NOW);
    const selection = selectEvents({ offerings: [offering], teams: new Map(), now: NOW, window });
    const result = planEvents({ selection, rows: [syncedRow(EVENT)], window, meeting: MEETING_OPTIONS, site: SITE });
    expect(result.operations).toEqual([]);
    expect(result.deferred.map((d) => d.event.eventId)).toEqual([101]);
  });

  it('converges: applying a plan and planning again gives no writes', () => {
    const events = [EVENT, buildEvent({ eventId: 102, start: at(9), title: 'Lungs' })];
    const first = plan({ events });
    const rows = first.operations.flatMap((operation) =>
      operation.kind === 'createEvent'
        ? [
            buildRow({
              event_id: operation.eventId,
              graph_event_id: `g-${operation.eventId}`,
              transaction_id: operation.transactionId,
              sent_hash: renderCreate(operation, MEETING_OPTIONS).hashAfterCreate,
            }),
          ]
        : [],
    );
    expect(rows).toHaveLength(2);
    expect(plan({ events, rows }).counts).toEqual({
      createEvent: 0,
      updateEvent: 0,
      deleteEvent: 0,
      repairMeeting: 0,
      noChange: 2,
    });
  });
});
