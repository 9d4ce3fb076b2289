// The embedded Elentra schema, migration 1: the Elentra tables with their real names and the columns the read model
// uses plus every NOT NULL column (so that the same inserts work here and on a real Elentra schema). Types follow
// core-tables.sql (int ids, bigint epoch seconds, varchar/text); enums become varchar because SQLite and PostgreSQL
// have no inline ENUM. Runs on SQLite, MariaDB/MySQL and PostgreSQL; never on a production Elentra database
// (migrate-demo-schema.ts refuses that).
import type { CreateTableBuilder, Kysely } from 'kysely';
import type { DialectName } from '../../db/open-database.js';

type Table = CreateTableBuilder<string, never>;

/** The one engine difference here: how an auto-increment integer primary key is spelled. */
function withId(table: Table, column: string, dialect: DialectName): Table {
  if (dialect === 'postgres') return table.addColumn(column, 'serial', (c) => c.primaryKey());
  return table.addColumn(column, 'integer', (c) => c.primaryKey().autoIncrement());
}

function audit(table: Table): Table {
  return table
    .addColumn('created_date', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull())
    .addColumn('updated_date', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_by', 'integer', (c) => c.notNull().defaultTo(0));
}

export async function createElentraTables(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const create = (name: string, id: string): Table => withId(db.schema.createTable(name), id, dialect);

  // ifNotExists: in the embedded mode the integration's own migrations may already have made an Elentra-shaped
  // `settings` table in the same file (ARCHITECTURE.md); both sides use this exact shape.
  await withId(db.schema.createTable('settings').ifNotExists(), 'setting_id', dialect)
    .addColumn('shortname', 'varchar(64)', (c) => c.notNull())
    .addColumn('organisation_id', 'integer')
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await create('organisations', 'organisation_id')
    .addColumn('organisation_title', 'varchar(128)', (c) => c.notNull().defaultTo(''))
    .addColumn('organisation_url', 'text', (c) => c.notNull())
    .addColumn('organisation_active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await audit(
    create('courses', 'course_id')
      .addColumn('organisation_id', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('course_name', 'varchar(85)', (c) => c.notNull().defaultTo(''))
      .addColumn('course_code', 'varchar(16)', (c) => c.notNull().defaultTo(''))
      .addColumn('course_description', 'text')
      .addColumn('course_message', 'text', (c) => c.notNull())
      .addColumn('course_active', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute();

  await create('curriculum_periods', 'cperiod_id')
    .addColumn('curriculum_type_id', 'integer', (c) => c.notNull())
    .addColumn('curriculum_period_title', 'varchar(200)', (c) => c.defaultTo(''))
    .addColumn('start_date', 'bigint', (c) => c.notNull())
    .addColumn('finish_date', 'bigint', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await create('course_contacts', 'contact_id')
    .addColumn('course_id', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('proxy_id', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('contact_type', 'varchar(15)', (c) => c.notNull().defaultTo('director'))
    .addColumn('contact_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await create('course_audience', 'caudience_id')
    .addColumn('course_id', 'integer', (c) => c.notNull())
    .addColumn('audience_type', 'varchar(8)', (c) => c.notNull())
    .addColumn('audience_value', 'integer', (c) => c.notNull())
    .addColumn('cperiod_id', 'integer', (c) => c.notNull())
    .addColumn('enroll_start', 'bigint', (c) => c.notNull())
    .addColumn('enroll_finish', 'bigint', (c) => c.notNull())
    .addColumn('audience_active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await audit(
    create('groups', 'group_id')
      .addColumn('group_name', 'varchar(255)', (c) => c.notNull())
      .addColumn('group_type', 'varchar(11)', (c) => c.notNull().defaultTo('course_list'))
      .addColumn('group_value', 'integer')
      .addColumn('start_date', 'bigint')
      .addColumn('expire_date', 'bigint')
      .addColumn('group_active', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute();

  await audit(
    create('group_members', 'gmember_id')
      .addColumn('group_id', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('proxy_id', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('start_date', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('finish_date', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('member_active', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute();

  await create('events', 'event_id')
    .addColumn('parent_id', 'integer')
    .addColumn('recurring_id', 'integer', (c) => c.defaultTo(0))
    .addColumn('course_id', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('event_title', 'varchar(255)', (c) => c.notNull())
    .addColumn('event_description', 'text')
    .addColumn('event_location', 'varchar(64)')
    .addColumn('event_start', 'bigint', (c) => c.notNull())
    .addColumn('event_finish', 'bigint', (c) => c.notNull())
    .addColumn('event_duration', 'integer', (c) => c.notNull())
    .addColumn('release_date', 'bigint', (c) => c.notNull())
    .addColumn('release_until', 'bigint', (c) => c.notNull())
    .addColumn('audience_visible', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_date', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.notNull())
    .execute();

  await create('event_audience', 'eaudience_id')
    .addColumn('event_id', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('audience_type', 'varchar(15)', (c) => c.notNull())
    .addColumn('audience_value', 'varchar(16)', (c) => c.notNull())
    .execute();

  await create('event_contacts', 'econtact_id')
    .addColumn('event_id', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('proxy_id', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('contact_role', 'varchar(7)', (c) => c.notNull())
    .addColumn('contact_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await create('user_data', 'id')
    .addColumn('number', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('username', 'varchar(255)', (c) => c.unique())
    .addColumn('organisation_id', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('prefix', 'varchar(10)', (c) => c.notNull().defaultTo(''))
    .addColumn('firstname', 'varchar(35)', (c) => c.notNull().defaultTo(''))
    .addColumn('lastname', 'varchar(35)', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'varchar(255)', (c) => c.notNull().defaultTo(''))
    .addColumn('email_alt', 'varchar(255)', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('grad_year', 'integer')
    .addColumn('created_date', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull())
    .execute();

  await create('user_access', 'id')
    .addColumn('user_id', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('app_id', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('account_active', 'varchar(5)', (c) => c.notNull().defaultTo('true'))
    .addColumn('access_starts', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('access_expires', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('role', 'varchar(35)', (c) => c.notNull().defaultTo(''))
    .addColumn('group', 'varchar(35)', (c) => c.notNull().defaultTo(''))
    .execute();

  // The keys the roster's joins use (core-tables.sql has the same ones, under Elentra's names).
  const indexes: Array<[string, string, string[]]> = [
    ['course_audience', 'elentra_course_audience_offering', ['course_id', 'cperiod_id']],
    ['course_contacts', 'elentra_course_contacts_course', ['course_id']],
    ['group_members', 'elentra_group_members_group', ['group_id', 'proxy_id']],
    ['events', 'elentra_events_course_start', ['course_id', 'event_start']],
    ['event_audience', 'elentra_event_audience_event', ['event_id']],
    ['event_contacts', 'elentra_event_contacts_event', ['event_id']],
    ['user_access', 'elentra_user_access_user_app', ['user_id', 'app_id']],
  ];
  for (const [table, name, columns] of indexes) {
    await db.schema.createIndex(name).on(table).columns(columns).execute();
  }
}
