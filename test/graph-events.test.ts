// events.ts against the emulator over real HTTP (token from the real authorization flow): a create repeated with the
// same transactionId (and one whose answer was lost) makes one event, times read back in UTC or in the zone asked
// for with Prefer, PATCH, DELETE of an event already deleted = success, a gone event's update → EventNotFoundError,
// an abbreviation refused as a zone, a 201 without its meeting, calendarView, finding an event by its transactionId,
// the mailbox limiter key, and $batch.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../emulator/src/server.js';
import {
  calendarView,
  createGroupEvent,
  createGroupEventCall,
  createTeamFromGroup,
  createUnifiedGroupForTeam,
  deleteGroupEvent,
  deleteGroupEventCall,
  EventNotFoundError,
  findGroupEventByTransactionId,
  GraphClient,
  GroupNotFoundError,
  getGroupEvent,
  isMeetingMissing,
  listGroupEvents,
  type NewGroupEvent,
  performBatch,
  TimeZoneNotSupportedError,
  updateGroupEvent,
} from '../src/microsoft/graph/index.js';
import { type EmulatorControl, TestClock } from '../src/microsoft/graph/testing/emulator-control.js';
import { keyRecordingLimiter, startSignedInEmulator } from './support/graph-session.js';

const TORONTO = 'Eastern Standard Time';

let emu: RunningEmulator;
let control: EmulatorControl;
let graph: GraphClient;
const limiterKeys: Array<string | undefined> = [];
const limiter = keyRecordingLimiter(limiterKeys);
let serial = 0;

async function newTeam(): Promise<string> {
  serial += 1;
  const group = await createUnifiedGroupForTeam(graph, {
    displayName: `Events ${serial}`,
    mailNickname: `events-${serial}`,
    visibility: 'Private',
  });
  return (await createTeamFromGroup(graph, group.id)).team.id;
}

function session(transactionId: string, day = 14): NewGroupEvent {
  const date = `2026-09-${String(day).padStart(2, '0')}`;
  return {
    transactionId,
    subject: 'Anatomy lecture',
    body: { contentType: 'html', content: '<p>Bring your atlas.</p>' },
    start: { dateTime: `${date}T08:30:00`, timeZone: TORONTO },
    end: { dateTime: `${date}T10:00:00`, timeZone: TORONTO },
    location: { displayName: 'Room 101' },
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
  };
}

beforeAll(async () => {
  const clock = new TestClock();
  const started = await startSignedInEmulator({
    now: clock.now,
    graph: { limits: 'off', teamOperationMs: 0, replicationDelayMs: 0 },
  });
  ({ emu, control } = started);
  const { token } = started;
  graph = new GraphClient({
    graphUrl: emu.graphUrl,
    getAccessToken: async () => token,
    limiter,
    retry: { baseDelayMs: 5 },
  });
});

afterEach(async () => {
  await control.clearFaults();
});

afterAll(async () => {
  await emu?.stop();
});

describe('group events', () => {
  it('creates a Teams meeting once per transactionId, keyed by mailbox for the limiter', async () => {
    const groupId = await newTeam();
    limiterKeys.length = 0;
    const first = await createGroupEvent(graph, groupId, session('elentra-event-1'));
    expect(first).toMatchObject({
      subject: 'Anatomy lecture',
      isOnlineMeeting: true,
      transactionId: 'elentra-event-1',
    });
    expect(first.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(isMeetingMissing(session('x'), first)).toBe(false);
    const repeated = await createGroupEvent(graph, groupId, session('elentra-event-1'));
    expect(repeated.id).toBe(first.id);
    expect(limiterKeys).toEqual([`mailbox:${groupId}`, `mailbox:${groupId}`]);
    const team = (await control.state()).teams.find((t) => t.id === groupId);
    expect(team?.events).toHaveLength(1);
  });

  it('retries a create whose answer was lost; the transactionId keeps it to one event', async () => {
    const groupId = await newTeam();
    await control.fault({ route: '/v1.0/groups/*/events', method: 'POST', kind: 'lost-response', count: 1 });
    const seq = await control.lastSeq();
    const event = await createGroupEvent(graph, groupId, session('elentra-event-2'));
    const posts = await control.requestsTo(seq, 'POST', '/v1.0/groups/{groupId}/events');
    expect(posts.map((r) => r.status)).toEqual([null, 201]);
    expect((await listGroupEvents(graph, groupId)).map((e) => e.id)).toEqual([event.id]);
  });

  it('answers in UTC by default and in the Outlook time zone asked for with Prefer', async () => {
    const groupId = await newTeam();
    const created = await createGroupEvent(graph, groupId, session('elentra-event-3'));
    expect(created.start).toEqual({ dateTime: '2026-09-14T12:30:00.0000000', timeZone: 'UTC' });
    const local = await getGroupEvent(graph, groupId, created.id, { timeZone: TORONTO });
    expect(local?.start).toEqual({ dateTime: '2026-09-14T08:30:00.0000000', timeZone: TORONTO });
    expect(local?.originalStartTimeZone).toBe(TORONTO);
  });

  it('updates with PATCH; deleting twice succeeds; a deleted event reads as null and its update fails typed', async () => {
    const groupId = await newTeam();
    const created = await createGroupEvent(graph, groupId, session('elentra-event-4'));
    const updated = await updateGroupEvent(graph, groupId, created.id, {
      subject: 'Anatomy lab',
      location: { displayName: 'Lab 2' },
    });
    expect(updated).toMatchObject({
      id: created.id,
      subject: 'Anatomy lab',
      location: 'Lab 2',
      joinUrl: created.joinUrl,
    });
    expect(await deleteGroupEvent(graph, groupId, created.id)).toBe('deleted');
    expect(await deleteGroupEvent(graph, groupId, created.id)).toBe('already-gone');
    expect(await getGroupEvent(graph, groupId, created.id)).toBeNull();
    await expect(updateGroupEvent(graph, groupId, created.id, { subject: 'x' })).rejects.toBeInstanceOf(
      EventNotFoundError,
    );
  });

  it('refuses a time-zone abbreviation with TimeZoneNotSupportedError', async () => {
    const groupId = await newTeam();
    const bad = { ...session('elentra-event-5'), start: { dateTime: '2026-09-14T08:30:00', timeZone: 'EST' } };
    await expect(createGroupEvent(graph, groupId, bad)).rejects.toBeInstanceOf(TimeZoneNotSupportedError);
  });

  it('tells a 201 that came back without its Teams meeting (meeting-missing fault)', async () => {
    const groupId = await newTeam();
    await control.fault({ route: '/v1.0/groups/*/events', method: 'POST', kind: 'meeting-missing', count: 1 });
    const sent = session('elentra-event-6');
    const event = await createGroupEvent(graph, groupId, sent);
    expect(event).toMatchObject({ isOnlineMeeting: false, onlineMeetingProvider: 'unknown', joinUrl: null });
    expect(isMeetingMissing(sent, event)).toBe(true);
  });

  it('lists every event, and a calendar window with calendarView in the zone asked for', async () => {
    const groupId = await newTeam();
    for (let day = 1; day <= 12; day += 1) await createGroupEvent(graph, groupId, session(`window-${day}`, day));
    const all = await listGroupEvents(graph, groupId);
    expect(all).toHaveLength(12);
    const window = await calendarView(
      graph,
      groupId,
      { startDateTime: '2026-09-03T00:00:00Z', endDateTime: '2026-09-06T00:00:00Z' },
      { timeZone: TORONTO },
    );
    expect(window.map((e) => e.start.dateTime)).toEqual([
      '2026-09-03T08:30:00.0000000',
      '2026-09-04T08:30:00.0000000',
      '2026-09-05T08:30:00.0000000',
    ]);
  });

  it('finds the event a transactionId made in a window (calendarView, id and transactionId only), or null', async () => {
    const groupId = await newTeam();
    for (let day = 1; day <= 4; day += 1) await createGroupEvent(graph, groupId, session(`find-${day}`, day));
    const window = { startDateTime: '2026-09-02T00:00:00Z', endDateTime: '2026-09-04T00:00:00Z' };
    const made = (await listGroupEvents(graph, groupId)).find((e) => e.transactionId === 'find-3');
    limiterKeys.length = 0;
    expect(await findGroupEventByTransactionId(graph, groupId, 'find-3', window)).toBe(made?.id);
    expect(limiterKeys).toEqual([`mailbox:${groupId}`]);
    // Outside the window, or never made: null.
    expect(await findGroupEventByTransactionId(graph, groupId, 'find-4', window)).toBeNull();
    expect(await findGroupEventByTransactionId(graph, groupId, 'never-sent', window)).toBeNull();
    const gone = '00000000-0000-4000-8000-00000000dead';
    await expect(findGroupEventByTransactionId(graph, gone, 'find-3', window)).rejects.toBeInstanceOf(
      GroupNotFoundError,
    );
  });

  it("packs two calendars' creates and a delete into one $batch envelope", async () => {
    const a = await newTeam();
    const b = await newTeam();
    const gone = await createGroupEvent(graph, b, session('batch-gone'));
    await deleteGroupEvent(graph, b, gone.id);
    const seq = await control.lastSeq();
    const settled = await performBatch<unknown>(graph, [
      createGroupEventCall('a-1', a, session('batch-a-1')),
      createGroupEventCall('b-1', b, session('batch-b-1')),
      deleteGroupEventCall('b-gone', b, gone.id),
    ]);
    expect(settled.map((s) => [s.id, s.ok])).toEqual([
      ['a-1', true],
      ['b-1', true],
      ['b-gone', true],
    ]);
    expect(settled[2]).toMatchObject({ value: 'already-gone' });
    expect((await control.requestsSince(seq)).filter((r) => r.route === '/v1.0/$batch')).toHaveLength(1);
    expect(await listGroupEvents(graph, a)).toHaveLength(1);
  });
});
