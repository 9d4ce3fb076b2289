// The demo seed and test fixtures insert explicit ids (so rows can refer to each other deterministically). SQLite and
// MySQL move their auto-increment counters past explicit ids by themselves; PostgreSQL's serial sequences do not, and
// the next insert without an id would collide. This moves each sequence past the largest id. No-op elsewhere.
import { sql } from 'kysely';
import type { ElentraHandle } from '../open-elentra.js';
import { AUTH_DATABASE_TABLES } from '../tables.js';

const ID_COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['settings', 'setting_id'],
  ['organisations', 'organisation_id'],
  ['courses', 'course_id'],
  ['curriculum_periods', 'cperiod_id'],
  ['course_contacts', 'contact_id'],
  ['course_audience', 'caudience_id'],
  ['groups', 'group_id'],
  ['group_members', 'gmember_id'],
  ['events', 'event_id'],
  ['event_audience', 'eaudience_id'],
  ['event_contacts', 'econtact_id'],
  ['user_data', 'id'],
  ['user_access', 'id'],
];

export async function syncIdSequences(handle: ElentraHandle): Promise<void> {
  if (handle.dialect !== 'postgres') return;
  for (const [table, column] of ID_COLUMNS) {
    const qualified =
      handle.authDatabase !== null && AUTH_DATABASE_TABLES.has(table) ? `${handle.authDatabase}.${table}` : table;
    // sql.table() is qualified by the auth-database plugin; pg_get_serial_sequence needs the name as text.
    await sql`select setval(pg_get_serial_sequence(${qualified}, ${column}), coalesce(max(${sql.ref(column)}), 0) + 1, false) from ${sql.table(table)}`.execute(
      handle.db,
    );
  }
}
