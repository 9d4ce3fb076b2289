// The embedded Elentra schema and the demo seed on every engine (SQLite, MariaDB, PostgreSQL): the migrations run and
// are a no-op the second time, the user tables can sit in a separate auth database/schema, and the demo reads back
// as exactly the same Roster everywhere — so engine differences (integer types, bigint parsing, NULL ordering,
// string comparison) never leak into what the sync sees.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../src/elentra/demo/seed-demo.js';
import {
  type ElentraHandle,
  migrateElentraDemoSchema,
  openElentra,
  type RosterJson,
  readRoster,
  rosterToJson,
} from '../src/elentra/index.js';
import { createTestDatabase, describeEachEngine, type TestDatabase } from './support/databases.js';

const NOW = new Date('2026-03-02T15:00:00Z');

async function referenceRoster(): Promise<RosterJson> {
  const handle = await openElentra('sqlite::memory:');
  try {
    await migrateElentraDemoSchema(handle);
    await seedDemo(handle, { now: NOW });
    return rosterToJson(await readRoster(handle, { now: NOW }));
  } finally {
    await handle.close();
  }
}

describeEachEngine('Elentra embedded schema and demo', (engine) => {
  let database: TestDatabase;
  let handle: ElentraHandle;
  // On PostgreSQL the user tables go to a schema of their own, as ELENTRA_AUTH_DATABASE would put them.
  const authDatabase = engine.dialect === 'postgres' ? 'elentra_auth' : null;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    handle = await openElentra(database.url, { authDatabase });
  });

  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });

  it('migrates once; the second run is a no-op', async () => {
    expect(await migrateElentraDemoSchema(handle)).toEqual({ applied: ['0001_elentra_core_tables'], error: null });
    expect(await migrateElentraDemoSchema(handle)).toEqual({ applied: [], error: null });
  });

  it('seeds the demo once and reads the same roster as the SQLite reference', async () => {
    const seeded = await seedDemo(handle, { now: NOW });
    expect(seeded.seeded).toBe(true);
    expect((await seedDemo(handle, { now: NOW })).seeded).toBe(false);
    const roster = rosterToJson(await readRoster(handle, { now: NOW }));
    expect(roster.offerings.length).toBeGreaterThanOrEqual(8);
    expect(roster).toEqual(await referenceRoster());
  });

  it('takes a row without an explicit id after the seed (id sequences moved past the seeded ids)', async () => {
    await handle.db.insertInto('user_access').values({ user_id: 3, app_id: 2, organisation_id: 1 }).execute();
    await handle.db
      .insertInto('events')
      .values({
        course_id: 1,
        event_title: 'Added after the seed',
        event_start: 0,
        event_finish: 0,
        event_duration: 0,
        release_date: 0,
        release_until: 0,
        updated_date: 0,
        updated_by: 1,
      })
      .execute();
    const access = await handle.db.selectFrom('user_access').select('id').execute();
    const events = await handle.db.selectFrom('events').select('event_id').execute();
    expect(new Set(access.map((row) => row.id)).size).toBe(access.length);
    expect(new Set(events.map((row) => row.event_id)).size).toBe(events.length);
  });
});
