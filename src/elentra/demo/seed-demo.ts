// `demo:seed`: fills an empty Elentra-shaped database with the demo school (demo-school.ts), in one transaction.
// Refuses, with a message and no change, when the Elentra tables already hold courses or people — so running it twice,
// or by mistake against a real Elentra database, does nothing.
import type { Insertable, Kysely } from 'kysely';
import type { ElentraHandle } from '../open-elentra.js';
import { syncIdSequences } from '../schema/id-sequences.js';
import type { ElentraTables } from '../tables.js';
import { buildDemoSchool, type DemoRows } from './demo-school.js';

export interface SeedDemoOptions {
  now: Date;
}

export type DemoCounts = { [T in keyof DemoRows]: number } & {
  learners: number;
  faculty: number;
  offerings: number;
};

export type SeedDemoResult =
  | { seeded: true; message: string; counts: DemoCounts; periods: Array<{ title: string; start: Date; finish: Date }> }
  | { seeded: false; message: string };

// Keeps every INSERT under the engines' bound-parameter limits (SQLite 32,766; MySQL and PostgreSQL 65,535).
const ROWS_PER_INSERT = 500;

// Parents before children, so the order also suits a database with foreign keys.
const TABLE_ORDER: ReadonlyArray<keyof DemoRows> = [
  'organisations',
  'settings',
  'user_data',
  'user_access',
  'curriculum_periods',
  'courses',
  'groups',
  'group_members',
  'course_contacts',
  'course_audience',
  'events',
  'event_audience',
  'event_contacts',
];

async function insertRows<T extends keyof ElentraTables>(
  db: Kysely<ElentraTables>,
  table: T,
  rows: ReadonlyArray<Insertable<ElentraTables[T]>>,
): Promise<void> {
  for (let from = 0; from < rows.length; from += ROWS_PER_INSERT) {
    await db
      .insertInto(table)
      .values(rows.slice(from, from + ROWS_PER_INSERT))
      .execute();
  }
}

export async function seedDemo(handle: ElentraHandle, options: SeedDemoOptions): Promise<SeedDemoResult> {
  const courses = await handle.db
    .selectFrom('courses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const people = await handle.db
    .selectFrom('user_data')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(courses.n) > 0 || Number(people.n) > 0) {
    return {
      seeded: false,
      message:
        `The Elentra tables in ${handle.safeUrl} already hold ${Number(courses.n)} course(s) and ` +
        `${Number(people.n)} user(s); the demo school is seeded only into an empty database. Nothing was changed.`,
    };
  }
  const school = buildDemoSchool(options.now);
  await handle.db.transaction().execute(async (trx) => {
    for (const table of TABLE_ORDER) await insertRows(trx, table, school.rows[table]);
  });
  await syncIdSequences(handle);
  const counts = Object.fromEntries(TABLE_ORDER.map((table) => [table, school.rows[table].length])) as {
    [T in keyof DemoRows]: number;
  };
  const offerings = new Set(school.rows.course_audience.map((row) => `${row.course_id}:${row.cperiod_id}`)).size;
  const summary: DemoCounts = {
    ...counts,
    learners: school.people.filter((p) => p.role === 'learner').length,
    faculty: school.people.filter((p) => p.role === 'faculty').length,
    offerings,
  };
  const periods = [school.calendar.current, school.calendar.upcoming].map((term) => ({
    title: term.title,
    start: new Date(term.startSeconds * 1000),
    finish: new Date(term.finishSeconds * 1000),
  }));
  return {
    seeded: true,
    message:
      `Seeded Northfield School of Medicine: ${summary.learners} learners, ${summary.faculty} faculty, ` +
      `${summary.courses} courses, ${summary.events} learning events.`,
    counts: summary,
    periods,
  };
}
