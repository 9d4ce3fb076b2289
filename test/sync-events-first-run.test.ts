// Event sync end to end against the emulator (real HTTP, token from the real OAuth flow), on the demo school: the
// first run gives every in-window, released demo event exactly one Teams meeting with a join link, in its course
// team, at Elentra's instant; ms_events and the run history say so; a second run sends no write at all; a dry run
// sends nothing and says what it would do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEventReleased, type LearningEvent } from '../src/elentra/index.js';
import { type EventsWorld, eventWritesSince, meetingsInTenant } from '../src/sync/events/io/testing/events-world.js';
import { openSqliteEventsWorld } from './support/events-world.js';

const DAY_MS = 86_400_000;
let world: EventsWorld;

/** In-window (1 day back, 120 ahead) released events, each in the first offering that holds it. */
function expectedEvents(w: EventsWorld): Map<number, { event: LearningEvent; teamId: string }> {
  const from = w.now.getTime() - DAY_MS;
  const until = w.now.getTime() + 120 * DAY_MS;
  const expected = new Map<number, { event: LearningEvent; teamId: string }>();
  for (const offering of w.offerings) {
    for (const event of offering.events) {
      const start = event.start.getTime();
      if (expected.has(event.eventId) || start < from || start >= until || !isEventReleased(event, w.now)) continue;
      expected.set(event.eventId, { event, teamId: w.teams.get(offering.key) ?? '' });
    }
  }
  return expected;
}

beforeAll(async () => {
  world = await openSqliteEventsWorld();
});

afterAll(async () => {
  await world?.close();
});

describe('event sync on the demo school', () => {
  it('a dry run sends nothing to Microsoft and plans one create per in-window event', async () => {
    const seq = await world.control.lastSeq();
    const report = await world.sync({ dryRun: true });
    expect(await world.control.requestsSince(seq)).toEqual([]);
    expect(report.counts.createEvent).toBe(expectedEvents(world).size);
    expect(report.status).toBe('warning'); // no Outlook Time Zone chosen yet
    expect(report.warnings.join(' ')).toMatch(/No Outlook Time Zone is chosen.*Eastern Standard Time/);
  });

  it('gives every in-window demo event exactly one meeting with a join link, at the Elentra instant', async () => {
    await world.identity.store.setOutlookTimeZone('Eastern Standard Time');
    const seq = await world.control.lastSeq();
    const report = await world.sync();
    const expected = expectedEvents(world);
    expect(expected.size).toBeGreaterThan(50);
    expect(report.error).toBeNull();
    expect(report.status).toBe('ok');

    const writes = await eventWritesSince(world.control, seq);
    expect(writes.every((r) => r.method === 'POST' && r.status === 201)).toBe(true);
    expect(writes).toHaveLength(expected.size);
    console.info(`event sync, demo first run: ${report.requests} Graph requests, ${writes.length} writes`);

    const rows = await world.database.db.selectFrom('ms_events').selectAll().execute();
    const meetings = await meetingsInTenant(world.control);
    expect(meetings).toHaveLength(expected.size);
    expect(rows).toHaveLength(expected.size);
    for (const row of rows) {
      const want = expected.get(row.event_id);
      expect(want, `event ${row.event_id} should not have a meeting`).toBeDefined();
      const mine = meetings.filter((m) => m.transactionId === row.transaction_id);
      expect(mine).toHaveLength(1);
      const meeting = mine[0];
      expect(meeting?.teamId).toBe(want?.teamId);
      expect(meeting?.id).toBe(row.graph_event_id);
      expect(meeting?.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
      expect(row).toMatchObject({ status: 'active', join_url: meeting?.joinUrl, last_error: null });
      expect(meeting?.start).toBe(want?.event.start.toISOString());
      expect(meeting?.end).toBe(want?.event.finish.toISOString());
    }

    const run = await world.database.db
      .selectFrom('sync_runs')
      .selectAll()
      .where('id', '=', report.runId)
      .executeTakeFirstOrThrow();
    expect(run).toMatchObject({ kind: 'events', status: 'ok', dry_run: 0, requests: report.requests });
    const results = await world.database.db
      .selectFrom('sync_offering_results')
      .selectAll()
      .where('run_id', '=', report.runId)
      .execute();
    expect(results.map((r) => r.offering_key).sort()).toEqual(world.offerings.map((o) => o.key).sort());
    const shown = report.offerings.flatMap((o) => o.events).filter((e) => e.action === 'createEvent');
    expect(shown.every((e) => e.outcome === 'written' && e.joinUrl !== null)).toBe(true);
  });

  it('a second run sends no writes', async () => {
    const seq = await world.control.lastSeq();
    const report = await world.sync();
    expect(await eventWritesSince(world.control, seq)).toEqual([]);
    expect(report.requests).toBe(0);
    expect(report.counts.noChange).toBe(expectedEvents(world).size);
    console.info(`event sync, demo second run: ${report.requests} Graph requests`);
  });
});
