// The roster's SQL where it reads less than everything: the learning events a page of courses at a time, and the
// learners only where a `grad_year` event audience needs them (`members: false`). SQLite in memory; the same SQL runs
// on MariaDB and PostgreSQL in test/elentra-engines.test.ts.
import { describe, expect, it } from 'vitest';
import { rosterFilter, rosterRule } from '../read-roster.js';
import type { ElentraFixture } from '../testing/elentra-fixture.js';
import { DAY, NOW_S, useRosterScenarios } from '../testing/roster-scenario.js';
import { fromEpochSeconds } from './offering-rule.js';
import { type RosterFilter, readEventRows, readEventRowsInPages, readRosterRows } from './read-roster-rows.js';
import type { EventRowsPage } from './roster-rows.js';

const { scenario } = useRosterScenarios();

function filter(overrides: Partial<RosterFilter> = {}): RosterFilter {
  const rule = rosterRule({ now: fromEpochSeconds(NOW_S), ownerContactTypes: ['director', 'faculty'] });
  return { ...rosterFilter(rule), ...overrides };
}

/** Courses 1–`courses`, each enrolled in period 1, course `c` with `c` events (each with an audience row). */
async function courses(f: ElentraFixture, count: number): Promise<void> {
  await f.person({ id: 10 });
  let eventId = 100;
  for (let course = 1; course <= count; course += 1) {
    if (course > 1) await f.course({ id: course });
    await f.enrol({ course, period: 1, proxyId: 10 });
    for (let n = 0; n < course; n += 1) {
      eventId += 1;
      await f.event({ event_id: eventId, course, startDays: 1 + n, audience: [['course_id', String(course)]] });
    }
  }
}

const byNumber = (a: number, b: number) => a - b;
const ids = (rows: ReadonlyArray<{ event_id: number }>) => rows.map((row) => row.event_id).sort(byNumber);

describe('readEventRowsInPages (SQLite)', () => {
  it('reads every event once, a page of courses at a time, each course whole in one page', async () => {
    const f = await scenario();
    await courses(f, 8);
    const all = await readEventRows(f.handle.db, filter(), { from: 1, to: 8 });
    expect(all.events).toHaveLength(36);
    const pages: EventRowsPage[] = [];
    await readEventRowsInPages(f.handle.db, filter(), [8, 1, 2, 3, 4, 5, 6, 7, 3], (page) => pages.push(page), {
      rows: 10,
      firstCourses: 2,
    });
    // 2 courses first (6 rows: 3 a course), then 3 (10 rows at 3 a course), then one at a time (6 and more a course).
    expect(pages.map((page) => [...new Set(page.events.map((row) => row.course_id))])).toEqual([
      [1, 2],
      [3, 4, 5],
      [6],
      [7],
      [8],
    ]);
    expect(ids(pages.flatMap((page) => page.events))).toEqual(ids(all.events));
    expect(ids(pages.flatMap((page) => page.eventAudience))).toEqual(ids(all.eventAudience));
  });

  it('reads nothing for no courses', async () => {
    const f = await scenario();
    await courses(f, 2);
    const pages: EventRowsPage[] = [];
    await readEventRowsInPages(f.handle.db, filter(), [], (page) => pages.push(page));
    expect(pages).toEqual([]);
  });
});

describe('readRosterRows with members: false (SQLite)', () => {
  it('reads the group members and people only of the offerings with a grad_year event audience', async () => {
    const f = await scenario();
    await f.course({ id: 2 });
    for (const id of [10, 11, 12, 13, 14, 20]) await f.person({ id });
    await f.group({ id: 50, members: [10, 11] });
    await f.group({ id: 60, members: [13] });
    await f.enrol({ course: 1, period: 1, groupId: 50 });
    await f.enrol({ course: 1, period: 1, proxyId: 12 });
    await f.enrol({ course: 2, period: 1, groupId: 60 });
    await f.enrol({ course: 2, period: 1, proxyId: 14 });
    await f.contact({ course: 2, proxyId: 20 });
    await f.event({ event_id: 100, course: 1, startDays: 2, audience: [['grad_year', '2028']] });
    await f.event({ event_id: 101, course: 1, startDays: 200, audience: [['grad_year', '2028']] });
    await f.event({ event_id: 200, course: 2, startDays: 2, audience: [['cohort', '60']] });
    const everyone = await readRosterRows(f.handle.db, filter());
    expect(everyone.groupMembers.map((row) => row.proxy_id).sort(byNumber)).toEqual([10, 11, 13]);
    expect(everyone.people.map((row) => row.id).sort(byNumber)).toEqual([10, 11, 12, 13, 14, 20]);
    const lean = await readRosterRows(f.handle.db, filter({ members: false }));
    expect(lean.groups.map((row) => row.group_id).sort(byNumber)).toEqual([50, 60]);
    expect(lean.audience).toHaveLength(4);
    expect(lean.groupMembers.map((row) => row.proxy_id).sort(byNumber)).toEqual([10, 11]);
    expect(lean.people.map((row) => row.id).sort(byNumber)).toEqual([10, 11, 12, 20]);
    expect(lean.access.map((row) => row.user_id).sort(byNumber)).toEqual([10, 11, 12, 20]);
    // Its only grad_year event outside the events read (or the period): course 1's learners are not read either.
    const later = await readRosterRows(f.handle.db, filter({ members: false, eventsFrom: NOW_S + 3 * DAY }));
    expect(later.groupMembers).toEqual([]);
    expect(later.people.map((row) => row.id)).toEqual([20]);
  });
});
