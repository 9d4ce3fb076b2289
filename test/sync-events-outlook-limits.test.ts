// Event sync end to end with the emulator enforcing Outlook's documented limits (4 concurrent requests and 10,000
// per 10 minutes per app per mailbox, GRAPH-FACTS §8): a full first run over the demo school, spread across the
// teams, meets not a single 429.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EventsWorld, eventWritesSince } from '../src/sync/events/io/testing/events-world.js';
import { openSqliteEventsWorld } from './support/events-world.js';

let world: EventsWorld;

beforeAll(async () => {
  world = await openSqliteEventsWorld({ limits: 'documented', teamOperationMs: 0, replicationDelayMs: 0 });
  await world.identity.store.setOutlookTimeZone('Eastern Standard Time');
});

afterAll(async () => {
  await world?.close();
});

describe("Outlook's limits on", () => {
  it('a full run gets zero 429s', async () => {
    const seq = await world.control.lastSeq();
    const report = await world.sync({}, { retry: { maxRetries: 0 } });
    expect(report.status).toBe('ok');
    const requests = await world.control.requestsSince(seq);
    expect(requests.filter((r) => r.status === 429)).toEqual([]);
    const writes = await eventWritesSince(world.control, seq);
    expect(writes.length).toBe(report.counts.createEvent);
    expect(new Set(writes.map((w) => w.path.split('/')[3])).size).toBeGreaterThan(1);
  });
});
