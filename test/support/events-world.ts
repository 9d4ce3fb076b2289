// The events sync's end-to-end world on a fresh SQLite file and an in-process emulator: the demo school, its teams
// synced, the admin authorized. Quiet by default (no limits, instant team operations, no replication delay); a test
// of Microsoft's limits passes `{ limits: 'documented', … }`.
import type { GraphOptions } from '../../emulator/src/context.js';
import { startEmulator } from '../../emulator/src/server.js';
import { type EventsWorld, openEventsWorld } from '../../src/sync/events/io/testing/events-world.js';
import { createTestDatabase, TEST_ENGINES } from './databases.js';

const QUIET: GraphOptions = { limits: 'off', teamOperationMs: 0, replicationDelayMs: 0 };

export async function openSqliteEventsWorld(graph: GraphOptions = QUIET): Promise<EventsWorld> {
  const sqlite = TEST_ENGINES.find((engine) => engine.dialect === 'sqlite');
  if (!sqlite) throw new Error('no SQLite engine');
  const testDb = await createTestDatabase(sqlite);
  return openEventsWorld((seed) => startEmulator({ seed, autoConsent: true, graph }), {
    databaseUrl: testDb.url,
    dropDatabase: () => testDb.drop(),
  });
}

/** The quiet world with an Outlook Time Zone chosen (Eastern) and a first event sync run: every meeting exists. */
export async function openSyncedSqliteEventsWorld(): Promise<EventsWorld> {
  const world = await openSqliteEventsWorld();
  await world.identity.store.setOutlookTimeZone('Eastern Standard Time');
  await world.sync();
  return world;
}
