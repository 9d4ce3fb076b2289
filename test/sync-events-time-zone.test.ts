// Event sync end to end: a changed Outlook Time Zone (Microsoft Account page) re-sends the start and end of every
// upcoming meeting in the new zone — one PATCH each — and the instants stay exactly Elentra's, read back both in UTC
// (the emulator's state) and as wall-clock time with `Prefer: outlook.timezone` converted back to an instant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getGroupEvent } from '../src/microsoft/graph/index.js';
import { type EventsWorld, eventWritesSince, meetingsInTenant } from '../src/sync/events/io/testing/events-world.js';
import { fromWallClock, windowsToIana } from '../src/time/index.js';
import { openSyncedSqliteEventsWorld } from './support/events-world.js';

let world: EventsWorld;

beforeAll(async () => {
  world = await openSyncedSqliteEventsWorld();
});

afterAll(async () => {
  await world?.close();
});

describe('a changed Outlook Time Zone', () => {
  it.each(['Pacific Standard Time', 'India Standard Time', 'Newfoundland Standard Time'])(
    're-sends every meeting once in %s, at the same instants',
    async (zone) => {
      const rows = await world.database.db.selectFrom('ms_events').selectAll().where('status', '=', 'active').execute();
      await world.identity.store.setOutlookTimeZone(zone);
      const seq = await world.control.lastSeq();
      const report = await world.sync();
      expect(report.status).toBe('ok');
      expect(report.outlookTimeZone).toBe(zone);
      const writes = await eventWritesSince(world.control, seq);
      expect(writes.every((w) => w.method === 'PATCH' && w.status === 200)).toBe(true);
      expect(writes).toHaveLength(rows.length);

      const events = new Map(world.offerings.flatMap((o) => o.events.map((e) => [e.eventId, e] as const)));
      const meetings = new Map((await meetingsInTenant(world.control)).map((m) => [m.id, m]));
      for (const row of rows) {
        const event = events.get(row.event_id);
        const meeting = meetings.get(row.graph_event_id ?? '');
        expect(meeting?.start).toBe(event?.start.toISOString());
        expect(meeting?.end).toBe(event?.finish.toISOString());
        // UTC only for a time in a repeated hour (the core's rule); none of the demo's should be.
        expect(meeting?.originalStartTimeZone).toBe(zone);
      }

      // Read back as Outlook shows it in the zone, and convert the wall clock back to an instant.
      const iana = windowsToIana(zone) ?? 'UTC';
      for (const row of rows.slice(0, 10)) {
        const read = await getGroupEvent(world.graph, row.team_id ?? '', row.graph_event_id ?? '', { timeZone: zone });
        expect(read?.start.timeZone).toBe(zone);
        const wall = (read?.start.dateTime ?? '').replace(/\.\d+$/, '');
        expect(fromWallClock(wall, iana, 'earlier') * 1000).toBe(events.get(row.event_id)?.start.getTime());
      }

      const again = await world.control.lastSeq();
      await world.sync();
      expect(await eventWritesSince(world.control, again)).toEqual([]);
    },
  );
});
