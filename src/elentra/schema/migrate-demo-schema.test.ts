// The embedded schema on SQLite: creates the Elentra tables once, is a no-op the second time, and refuses a database
// that already has Elentra tables it did not create. (MariaDB and PostgreSQL: test/elentra-engines.test.ts.)
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { type ElentraHandle, openElentra } from '../open-elentra.js';
import { migrateElentraDemoSchema } from './migrate-demo-schema.js';

let handle: ElentraHandle | undefined;
afterEach(async () => {
  await handle?.close();
  handle = undefined;
});

describe('migrateElentraDemoSchema (SQLite)', () => {
  it('creates every Elentra table once; a second run applies nothing', async () => {
    handle = await openElentra('sqlite::memory:');
    expect(await migrateElentraDemoSchema(handle)).toEqual({ applied: ['0001_elentra_core_tables'], error: null });
    expect(await migrateElentraDemoSchema(handle)).toEqual({ applied: [], error: null });
    const tables = (await handle.db.introspection.getTables()).map((t) => t.name).sort();
    expect(tables).toEqual(
      expect.arrayContaining([
        'course_audience',
        'course_contacts',
        'courses',
        'curriculum_periods',
        'event_audience',
        'event_contacts',
        'events',
        'group_members',
        'groups',
        'organisations',
        'settings',
        'user_access',
        'user_data',
      ]),
    );
  });

  it('refuses a database that already holds Elentra tables it did not create, and changes nothing', async () => {
    handle = await openElentra('sqlite::memory:');
    await sql`create table courses (course_id integer primary key)`.execute(handle.db);
    const result = await migrateElentraDemoSchema(handle);
    expect(result.applied).toEqual([]);
    expect(result.error?.code).toBe('elentra.real_database_refused');
    expect(result.error?.message).toContain('never changes a real Elentra database');
    const tables = (await handle.db.introspection.getTables()).map((t) => t.name);
    expect(tables).toEqual(['courses']);
  });
});
