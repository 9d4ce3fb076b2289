// The embedded Elentra schema and the demo seed on every engine (SQLite, MariaDB, PostgreSQL): the migrations run and
// are a no-op the second time, the user tables can sit in a separate auth database/schema, and the demo reads back
// as exactly the same Roster everywhere — so engine differences (integer types, bigint parsing, NULL ordering,
// string comparison) never leak into what the sync sees; and a read with `members: false` (the event sync's: learners
// only where a `grad_year` event audience needs them) decides every event's audience as the whole roster does.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../src/elentra/demo/seed-demo.js';
import {
  type ElentraHandle,
  eventTargetsOffering,
  migrateElentraDemoSchema,
  openElentra,
  type RosterJson,
  readRoster,
  rosterToJson,
} from '../src/elentra/index.js';
import { rosterFilter, rosterRule } from '../src/elentra/read-roster.js';
import { readEventRows, readEventRowsInPages } from '../src/elentra/roster/read-roster-rows.js';
import type { EventRowsPage } from '../src/elentra/roster/roster-rows.js';
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

  it('reads the learning events a page of courses at a time, the same rows as in one page', async () => {
    const filter = rosterFilter(rosterRule({ now: NOW, ownerContactTypes: ['director', 'faculty'] }));
    const courseIds = (await readRoster(handle, { now: NOW })).offerings.map((o) => o.courseId);
    const pages: EventRowsPage[] = [];
    await readEventRowsInPages(handle.db, filter, courseIds, (page) => pages.push(page), { rows: 1, firstCourses: 1 });
    const whole = await readEventRows(handle.db, filter, { from: 0, to: Math.max(...courseIds) });
    const key = (row: { event_id: number }) => JSON.stringify(row);
    const sorted = (rows: Array<{ event_id: number }>) => rows.map(key).sort();
    expect(pages.length).toBe(new Set(courseIds).size);
    expect(whole.events.length).toBeGreaterThan(50);
    expect(sorted(pages.flatMap((page) => page.events))).toEqual(sorted(whole.events));
    expect(sorted(pages.flatMap((page) => page.eventAudience))).toEqual(sorted(whole.eventAudience));
    expect(sorted(pages.flatMap((page) => page.eventContacts))).toEqual(sorted(whole.eventContacts));
  });

  it('members: false reads the learners only where a grad_year event audience needs them (the event sync)', async () => {
    const before = await readRoster(handle, { now: NOW });
    const [first, second] = before.offerings.filter((o) => o.events.length > 0 && o.members.length > 0);
    const year = (proxyId: number | undefined) => String(before.people.get(proxyId ?? 0)?.gradYear);
    // One event for its learners' graduation year only, one only for a year none of its learners has.
    const audience = [
      {
        event_id: first?.events[0]?.eventId ?? 0,
        audience_type: 'grad_year' as const,
        audience_value: year(first?.members[0]),
      },
      { event_id: second?.events[0]?.eventId ?? 0, audience_type: 'grad_year' as const, audience_value: '1901' },
    ];
    const eventIds = audience.map((row) => row.event_id);
    await handle.db.deleteFrom('event_audience').where('event_id', 'in', eventIds).execute();
    await handle.db.insertInto('event_audience').values(audience).execute();
    const full = await readRoster(handle, { now: NOW });
    const lean = await readRoster(handle, { now: NOW, members: false });
    const needsLearners = full.offerings.filter((o) =>
      o.events.some((e) => e.audience.some((a) => a.type === 'grad_year')),
    );
    expect(needsLearners.map((o) => o.key).sort()).toEqual([first?.key, second?.key].sort());
    expect(lean.offerings.map((o) => o.key)).toEqual(full.offerings.map((o) => o.key));
    full.offerings.forEach((whole, i) => {
      if (needsLearners.includes(whole)) expect(lean.offerings[i]).toEqual(whole);
      else {
        const groups = whole.groups.map((group) => ({ ...group, memberCount: 0 }));
        expect(lean.offerings[i]).toEqual({ ...whole, members: [], groups });
      }
    });
    const targets = (roster: typeof full) =>
      roster.offerings.flatMap((o) =>
        o.events.map((e) => [o.key, e.eventId, eventTargetsOffering(e, o, roster.people)]),
      );
    expect(targets(lean)).toEqual(targets(full));
    expect(targets(full)).toContainEqual([first?.key, first?.events[0]?.eventId, true]);
    expect(targets(full)).toContainEqual([second?.key, second?.events[0]?.eventId, false]);
  });
});
