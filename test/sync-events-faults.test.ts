// Event sync end to end when Microsoft misbehaves: a create whose answer is lost is retried with the same
// transactionId and makes one meeting — within the run (the client's one retry), and across runs (the row written
// `pending` before the POST is finished by the next run); a 201 that comes back without its Teams meeting is
// recorded as a warning and repaired by the next run with one PATCH.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type EventsWorld,
  eventRow,
  eventWritesSince,
  insertSessionInTeamedOffering,
  meetingsOfEvent,
} from '../src/sync/events/io/testing/events-world.js';
import { openSyncedSqliteEventsWorld } from './support/events-world.js';

const CREATE_ROUTE = '/v1.0/groups/*/events';
let world: EventsWorld;
let minutes = 0;

/** A new session in the first offering that has a team, two days from now; returns its event id. */
async function newElentraEvent(title: string): Promise<number> {
  minutes += 90;
  const startEpochSeconds = Math.floor(world.now.getTime() / 1000) + 2 * 86_400 + minutes * 60;
  return insertSessionInTeamedOffering(world, { title, startEpochSeconds, location: 'Room 12' });
}

beforeAll(async () => {
  world = await openSyncedSqliteEventsWorld();
});

afterEach(async () => {
  await world.control.clearFaults();
});

afterAll(async () => {
  await world?.close();
});

describe('faults', () => {
  it('a lost answer to a create is retried with the same transactionId: one meeting', async () => {
    const eventId = await newElentraEvent('Lost answer, retried at once');
    await world.control.fault({ route: CREATE_ROUTE, method: 'POST', kind: 'lost-response', count: 1 });
    const seq = await world.control.lastSeq();
    const report = await world.sync();
    expect(report.status).toBe('ok');
    const posts = await eventWritesSince(world.control, seq);
    expect(posts.map((p) => [p.method, p.status])).toEqual([
      ['POST', null],
      ['POST', 201],
    ]);
    expect(await meetingsOfEvent(world, eventId)).toHaveLength(1);
    expect(await eventRow(world, eventId)).toMatchObject({ status: 'active' });
  });

  it('a create left unanswered by a failed run is finished by the next run: still one meeting', async () => {
    const eventId = await newElentraEvent('Lost answer, run failed');
    // Both the request and the client's one retry lose their answers: the event exists, the run does not know it.
    await world.control.fault({ route: CREATE_ROUTE, method: 'POST', kind: 'lost-response', count: 2 });
    const failed = await world.sync();
    expect(failed.status).toBe('error');
    const row = await eventRow(world, eventId);
    expect(row).toMatchObject({ status: 'error', graph_event_id: null });
    expect(row?.last_error).toMatch(/\S/);
    expect(await meetingsOfEvent(world, eventId)).toHaveLength(1);

    const seq = await world.control.lastSeq();
    const report = await world.sync();
    expect(report.status).toBe('ok');
    const posts = await eventWritesSince(world.control, seq);
    expect(posts.map((p) => [p.method, p.status])).toEqual([['POST', 201]]);
    const meetings = await meetingsOfEvent(world, eventId);
    expect(meetings).toHaveLength(1);
    expect(meetings[0]?.transactionId).toBe(row?.transaction_id);
    expect(await eventRow(world, eventId)).toMatchObject({ status: 'active', graph_event_id: meetings[0]?.id });
  });

  it('a 201 without its Teams meeting is a warning, repaired by the next run with one PATCH', async () => {
    const eventId = await newElentraEvent('Meeting missing');
    await world.control.fault({ route: CREATE_ROUTE, method: 'POST', kind: 'meeting-missing', count: 1 });
    const report = await world.sync();
    expect(report.status).toBe('warning');
    const offering = report.offerings.find((o) => o.events.some((e) => e.eventId === eventId));
    expect(offering?.status).toBe('warning');
    expect(offering?.message).toMatch(/without a Teams join link/);
    expect(await eventRow(world, eventId)).toMatchObject({ status: 'meeting-missing', join_url: null });
    const results = await world.database.db
      .selectFrom('sync_offering_results')
      .selectAll()
      .where('run_id', '=', report.runId)
      .where('offering_key', '=', offering?.offeringKey ?? '')
      .executeTakeFirstOrThrow();
    expect(results).toMatchObject({ status: 'warning' });

    const seq = await world.control.lastSeq();
    const repaired = await world.sync();
    expect(repaired.status).toBe('ok');
    const writes = await eventWritesSince(world.control, seq);
    expect(writes.map((w) => [w.method, w.status])).toEqual([['PATCH', 200]]);
    const row = await eventRow(world, eventId);
    expect(row).toMatchObject({ status: 'active' });
    expect(row?.join_url).toMatch(/meetup-join/);
    expect((await meetingsOfEvent(world, eventId))[0]?.joinUrl).toBe(row?.join_url);
  });
});
