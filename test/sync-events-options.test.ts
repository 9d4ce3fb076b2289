// Event sync end to end with the administrator's EVENTS_* settings (src/config; docs/configuration.md), passed as the
// CLI and the cron job pass them (the configuration → wireEventsSync → the run): only events whose audience is the
// offering's (the demo's make-up session for two named learners gets no meeting; turning the filter off creates it,
// on again deletes it), Teams meetings off (new events are plain calendar events; existing meetings are kept, not
// touched), on again (the plain ones get their meeting: one PATCH each), and a shorter window (a dry run plans the
// deletes of the meetings beyond it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../src/config/index.js';
import { eventTargetsOffering, isEventReleased, readRoster } from '../src/elentra/index.js';
import { getGroupEvent } from '../src/microsoft/graph/index.js';
import { type EventsWorld, eventWritesSince, meetingsInTenant } from '../src/sync/events/io/testing/events-world.js';
import { openSqliteEventsWorld } from './support/events-world.js';

const DAY_MS = 86_400_000;
let world: EventsWorld;
/** In-window released events (first offering that holds each) → whether their audience is the offering's. */
const targeted = new Map<number, boolean>();

type EventsSettings = Partial<
  Pick<
    Config,
    'EVENTS_ONLY_OFFERING_AUDIENCE' | 'EVENTS_ONLINE_MEETINGS' | 'EVENTS_WINDOW_PAST_DAYS' | 'EVENTS_WINDOW_FUTURE_DAYS'
  >
>;

/** One run with these settings in the configuration; returns the report and the calendar writes it sent. */
async function runWith(settings: EventsSettings, dryRun = false) {
  const seq = await world.control.lastSeq();
  const report = await world.sync({ dryRun }, { config: { ...world.config, ...settings } });
  const writes = await eventWritesSince(world.control, seq);
  return { report, writes: writes.map((w) => `${w.method} ${w.status}`) };
}

function rows() {
  return world.database.db.selectFrom('ms_events').selectAll().orderBy('event_id').execute();
}

const notTargeted = () => [...targeted].filter(([, yes]) => !yes).map(([eventId]) => eventId);

beforeAll(async () => {
  world = await openSqliteEventsWorld();
  await world.identity.store.setOutlookTimeZone('Eastern Standard Time');
  const { people } = await readRoster(world.elentra, { now: world.now });
  const from = world.now.getTime() - DAY_MS;
  const until = world.now.getTime() + 120 * DAY_MS;
  for (const offering of world.offerings) {
    for (const event of offering.events) {
      const start = event.start.getTime();
      if (targeted.has(event.eventId) || start < from || start >= until || !isEventReleased(event, world.now)) continue;
      targeted.set(event.eventId, eventTargetsOffering(event, offering, people));
    }
  }
});

afterAll(async () => {
  await world?.close();
});

describe('EVENTS_ONLY_OFFERING_AUDIENCE', () => {
  it("on: only events whose audience is the offering's get a meeting (not the make-up for named learners)", async () => {
    expect(notTargeted().length).toBeGreaterThan(0);
    const { report, writes } = await runWith({ EVENTS_ONLY_OFFERING_AUDIENCE: true });
    expect(report.status).toBe('ok');
    expect(report.options.onlyOfferingAudience).toBe(true);
    const wanted = [...targeted].filter(([, yes]) => yes).map(([eventId]) => eventId);
    expect(writes).toEqual(wanted.map(() => 'POST 201'));
    expect((await rows()).map((row) => row.event_id)).toEqual(wanted.sort((a, b) => a - b));
  });

  it('off: the events left out get their meeting, one POST each', async () => {
    const { writes } = await runWith({ EVENTS_ONLY_OFFERING_AUDIENCE: false });
    expect(writes).toEqual(notTargeted().map(() => 'POST 201'));
    expect((await rows()).filter((r) => r.status === 'active')).toHaveLength(targeted.size);
  });

  it('on again: exactly their meetings are deleted', async () => {
    const { report, writes } = await runWith({ EVENTS_ONLY_OFFERING_AUDIENCE: true });
    expect(writes).toEqual(notTargeted().map(() => 'DELETE 204'));
    const deletes = report.offerings.flatMap((o) => o.events).filter((e) => e.action === 'deleteEvent');
    expect(deletes.map((e) => [e.eventId, e.reason])).toEqual(notTargeted().map((id) => [id, 'not-offering-audience']));
    const gone = (await rows()).filter((r) => notTargeted().includes(r.event_id));
    expect(gone.every((r) => r.status === 'deleted' && r.graph_event_id === null)).toBe(true);
  });
});

describe('EVENTS_ONLINE_MEETINGS', () => {
  it('off: new events are calendar events without a Teams meeting; existing meetings are kept untouched', async () => {
    const before = await rows();
    const { report, writes } = await runWith({ EVENTS_ONLINE_MEETINGS: false, EVENTS_ONLY_OFFERING_AUDIENCE: false });
    expect(report.status).toBe('ok');
    expect(report.options.onlineMeetings).toBe(false);
    // Only the creates of the events the filter had left out: not one PATCH to an existing meeting.
    expect(writes).toEqual(notTargeted().map(() => 'POST 201'));
    const after = await rows();
    for (const eventId of notTargeted()) {
      const row = after.find((r) => r.event_id === eventId);
      expect(row).toMatchObject({ status: 'active', join_url: null });
      const read = await getGroupEvent(world.graph, row?.team_id ?? '', row?.graph_event_id ?? '');
      expect(read?.isOnlineMeeting).toBe(false);
      expect(read?.joinUrl).toBeNull();
    }
    const kept = before.filter((r) => r.status === 'active');
    for (const row of kept) {
      expect(after.find((r) => r.event_id === row.event_id)).toMatchObject({
        join_url: row.join_url,
        status: 'active',
      });
    }
    const meetings = await meetingsInTenant(world.control);
    expect(meetings.filter((m) => m.joinUrl !== null)).toHaveLength(kept.length);
    // A run with the same settings sends nothing: the kept meetings are not "repaired" away or PATCHed.
    expect((await runWith({ EVENTS_ONLINE_MEETINGS: false, EVENTS_ONLY_OFFERING_AUDIENCE: false })).writes).toEqual([]);
  });

  it('on again: each plain event gets its Teams meeting, one PATCH each', async () => {
    const { writes } = await runWith({ EVENTS_ONLINE_MEETINGS: true, EVENTS_ONLY_OFFERING_AUDIENCE: false });
    expect(writes).toEqual(notTargeted().map(() => 'PATCH 200'));
    const after = await rows();
    expect(after.every((r) => r.status === 'active' && r.join_url?.includes('meetup-join'))).toBe(true);
    expect((await runWith({ EVENTS_ONLY_OFFERING_AUDIENCE: false })).writes).toEqual([]);
  });
});

describe('EVENTS_WINDOW_FUTURE_DAYS', () => {
  it('a shorter window: a dry run plans the delete of every meeting beyond it, and sends nothing', async () => {
    const horizon = world.now.getTime() + 14 * DAY_MS;
    const events = new Map(world.offerings.flatMap((o) => o.events.map((e) => [e.eventId, e] as const)));
    const beyond = (await rows()).filter((r) => (events.get(r.event_id)?.start.getTime() ?? 0) >= horizon);
    expect(beyond.length).toBeGreaterThan(0);
    const { report, writes } = await runWith(
      { EVENTS_WINDOW_FUTURE_DAYS: 14, EVENTS_ONLY_OFFERING_AUDIENCE: false },
      true,
    );
    expect(writes).toEqual([]);
    expect(Date.parse(report.options.windowUntil) - Date.parse(report.options.windowFrom)).toBe(15 * DAY_MS);
    expect(report.counts.deleteEvent).toBe(beyond.length);
    const planned = report.offerings.flatMap((o) => o.events).filter((e) => e.action === 'deleteEvent');
    expect(planned.every((e) => e.reason === 'beyond-window')).toBe(true);
  });
});
