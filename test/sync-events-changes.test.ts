// Event sync end to end: changes made in Elentra after a first run reach Teams with the fewest writes — a time,
// title, location or description edit is exactly one PATCH (a description is merged into the body Graph holds, so
// the Teams blob is kept), a deleted or unreleased event exactly one DELETE, an event moved to another course one
// DELETE in the old team and one POST in the new (never two meetings), and the run after each sends nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LearningEvent, Offering } from '../src/elentra/index.js';
import {
  type EventsWorld,
  eventRow,
  eventWritesSince,
  meetingsInTenant,
} from '../src/sync/events/io/testing/events-world.js';
import { openSyncedSqliteEventsWorld } from './support/events-world.js';

let world: EventsWorld;

/** Synced events (a row with a meeting), with their offering, in roster order. */
async function syncedEvents(): Promise<Array<{ event: LearningEvent; offering: Offering }>> {
  const rows = await world.database.db.selectFrom('ms_events').select(['event_id', 'offering_key']).execute();
  const keyOf = new Map(rows.map((row) => [row.event_id, row.offering_key]));
  return world.offerings.flatMap((offering) =>
    offering.events.filter((e) => keyOf.get(e.eventId) === offering.key).map((event) => ({ event, offering })),
  );
}

let unused: Array<{ event: LearningEvent; offering: Offering }> = [];
function take(): { event: LearningEvent; offering: Offering } {
  const next = unused.shift();
  if (!next) throw new Error('no synced event left to change');
  return next;
}

/** Runs a sync after `change` and returns the writes it sent; the run after it must send none. */
async function writesAfter(change: () => Promise<unknown>) {
  await change();
  const seq = await world.control.lastSeq();
  const report = await world.sync();
  expect(report.error).toBeNull();
  const writes = await eventWritesSince(world.control, seq);
  const again = await world.control.lastSeq();
  await world.sync();
  expect(await eventWritesSince(world.control, again)).toEqual([]);
  return writes.map((w) => ({ method: w.method, status: w.status }));
}

beforeAll(async () => {
  world = await openSyncedSqliteEventsWorld();
  unused = await syncedEvents();
});

afterAll(async () => {
  await world?.close();
});

const events = () => world.elentra.db.updateTable('events');

describe('Elentra changes after the first run', () => {
  it('a new time is one PATCH, and the meeting moves to the new instant', async () => {
    const { event } = take();
    const start = Math.floor(event.start.getTime() / 1000) + 1800;
    const finish = Math.floor(event.finish.getTime() / 1000) + 2700;
    const writes = await writesAfter(() =>
      events().set({ event_start: start, event_finish: finish }).where('event_id', '=', event.eventId).execute(),
    );
    expect(writes).toEqual([{ method: 'PATCH', status: 200 }]);
    const row = await eventRow(world, event.eventId);
    const meeting = (await meetingsInTenant(world.control)).find((m) => m.id === row?.graph_event_id);
    expect(meeting?.start).toBe(new Date(start * 1000).toISOString());
    expect(meeting?.end).toBe(new Date(finish * 1000).toISOString());
  });

  it.each([
    ['title', { event_title: 'Renamed session' }],
    ['location', { event_location: 'Room 999' }],
    ['description', { event_description: '<p>Read <b>chapter 4</b> first.</p>' }],
  ] as const)('a new %s is one PATCH', async (_field, change) => {
    const { event } = take();
    const writes = await writesAfter(() => events().set(change).where('event_id', '=', event.eventId).execute());
    expect(writes).toEqual([{ method: 'PATCH', status: 200 }]);
    const row = await eventRow(world, event.eventId);
    expect(row).toMatchObject({ status: 'active', last_error: null });
    expect(row?.join_url).toMatch(/meetup-join/);
  });

  it('a deleted event is one DELETE, and its row says so', async () => {
    const { event } = take();
    const before = await eventRow(world, event.eventId);
    const writes = await writesAfter(() =>
      world.elentra.db.deleteFrom('events').where('event_id', '=', event.eventId).execute(),
    );
    expect(writes).toEqual([{ method: 'DELETE', status: 204 }]);
    expect(await eventRow(world, event.eventId)).toMatchObject({ status: 'deleted', graph_event_id: null });
    expect((await meetingsInTenant(world.control)).some((m) => m.id === before?.graph_event_id)).toBe(false);
  });

  it('an unreleased event is one DELETE', async () => {
    const { event } = take();
    const future = Math.floor(world.now.getTime() / 1000) + 30 * 86_400;
    const writes = await writesAfter(() =>
      events().set({ release_date: future }).where('event_id', '=', event.eventId).execute(),
    );
    expect(writes).toEqual([{ method: 'DELETE', status: 204 }]);
  });

  it('an event moved to another course is one DELETE in the old team and one POST in the new', async () => {
    const candidates = unused.flatMap(({ event, offering }) => {
      const target = world.offerings.find(
        (o) =>
          o.courseId !== offering.courseId &&
          o.period.start <= event.start &&
          event.start <= o.period.finish &&
          world.teams.has(o.key),
      );
      return target ? [{ event, offering, target }] : [];
    });
    const move = candidates[0];
    if (!move) throw new Error('the demo has no event that can move to another course');
    const oldTeam = world.teams.get(move.offering.key);
    const newTeam = world.teams.get(move.target.key);
    const seq = await world.control.lastSeq();
    const writes = await writesAfter(() =>
      events().set({ course_id: move.target.courseId }).where('event_id', '=', move.event.eventId).execute(),
    );
    expect(writes).toEqual([
      { method: 'DELETE', status: 204 },
      { method: 'POST', status: 201 },
    ]);
    const logged = await eventWritesSince(world.control, seq);
    expect(logged[0]?.path).toContain(`/groups/${oldTeam}/events/`);
    expect(logged[1]?.path).toContain(`/groups/${newTeam}/events`);
    const row = await eventRow(world, move.event.eventId);
    expect(row).toMatchObject({ offering_key: move.target.key, team_id: newTeam, status: 'active' });
    const mine = (await meetingsInTenant(world.control)).filter((m) =>
      m.transactionId?.includes(`-e${move.event.eventId}-`),
    );
    expect(mine.map((m) => m.teamId)).toEqual([newTeam]);
    expect(mine[0]?.transactionId).toMatch(/-g2$/);
  });
});
