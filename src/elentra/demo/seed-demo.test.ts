// The demo school end to end on SQLite: seeded once (and refused the second time), read back as a Roster with at
// least 8 offerings and every awkward case in place, the same on every seed, with recurring series that straddle a
// daylight-saving change.
import { afterEach, describe, expect, it } from 'vitest';
import { type ElentraHandle, openElentra } from '../open-elentra.js';
import { readRoster } from '../read-roster.js';
import { rosterToJson } from '../roster/roster-json.js';
import type { LearningEvent, Roster } from '../roster/roster-types.js';
import { migrateElentraDemoSchema } from '../schema/migrate-demo-schema.js';
import { getSetting } from '../settings.js';
import { DEMO_TIME_ZONE } from './demo-people.js';
import { buildDemoSchool } from './demo-school.js';
import { seedDemo } from './seed-demo.js';
import { zoneOffsetMs } from './zoned-time.js';

const NOW = new Date('2026-03-02T15:00:00Z');
const handles: ElentraHandle[] = [];
afterEach(async () => {
  for (const handle of handles.splice(0)) await handle.close();
});

async function seeded(now = NOW): Promise<ElentraHandle> {
  const handle = await openElentra('sqlite::memory:');
  handles.push(handle);
  expect((await migrateElentraDemoSchema(handle)).error).toBeNull();
  const result = await seedDemo(handle, { now });
  expect(result.seeded).toBe(true);
  return handle;
}

function offering(roster: Roster, code: string) {
  const found = roster.offerings.find((o) => o.courseCode === code);
  if (found === undefined) throw new Error(`no offering for ${code}`);
  return found;
}

describe('seedDemo', () => {
  it('seeds an empty database once and reports what it made; a second run changes nothing', async () => {
    const handle = await openElentra('sqlite::memory:');
    handles.push(handle);
    await migrateElentraDemoSchema(handle);
    const first = await seedDemo(handle, { now: NOW });
    if (!first.seeded) throw new Error(first.message);
    expect(first.counts).toMatchObject({ learners: 152, faculty: 20, courses: 10, groups: 3, curriculum_periods: 2 });
    expect(first.counts.events).toBeGreaterThanOrEqual(150);
    expect(first.periods).toHaveLength(2);
    const second = await seedDemo(handle, { now: NOW });
    expect(second).toEqual({ seeded: false, message: expect.stringContaining('Nothing was changed') });
    const courses = await handle.db.selectFrom('courses').select('course_id').execute();
    expect(courses).toHaveLength(10);
  });

  it('reads back as a Roster with every awkward case in place', async () => {
    const roster = await readRoster(await seeded(), { now: NOW });
    expect(roster.offerings.length).toBeGreaterThanOrEqual(8);
    expect(roster.offerings.filter((o) => o.status === 'current')).toHaveLength(6);
    expect(roster.offerings.filter((o) => o.status === 'upcoming')).toHaveLength(3);
    expect(roster.offerings.some((o) => o.courseCode === 'MED 099')).toBe(false);
    expect(offering(roster, 'PH 140').owners).toEqual([]);

    const anatomy = offering(roster, 'ANAT 110');
    expect(anatomy.owners).toContainEqual({ proxyId: 160, contactTypes: ['ta'] });
    expect(offering(roster, 'PATH 210').members).toContain(160);
    const clinical = offering(roster, 'CLIN 220');
    expect(clinical.owners.map((o) => o.proxyId)).toContain(5);
    expect(clinical.members).not.toContain(5);
    expect(clinical.members).toContain(251);
    expect(clinical.members).not.toContain(252);
    expect(offering(roster, 'MED 101').members).not.toContain(185);
    expect(offering(roster, 'PATH 210').members).not.toContain(170);
    expect(offering(roster, 'MED 101').members).toContain(177);
    expect(offering(roster, 'MED 102').members).toHaveLength(73);

    expect(roster.excluded.map((e) => [e.proxyId, e.reason])).toEqual([
      [150, 'access-expired'],
      [180, 'account-inactive'],
    ]);
    expect(roster.warnings.map((w) => w.proxyId)).toEqual([103, 190]);
    expect(roster.people.get(110)?.email).toMatch(/[A-Z]/);
    expect(roster.people.get(140)).toMatchObject({
      email: expect.stringContaining('@mailbox.example.com'),
      emailAlt: expect.stringContaining('@northfield.example.edu'),
    });
  });

  it('keeps Elentra user 1 as medtech/admin and the two guide settings on', async () => {
    const handle = await seeded();
    const admin = await handle.db
      .selectFrom('user_access')
      .innerJoin('user_data', 'user_data.id', 'user_access.user_id')
      .select(['user_data.id', 'user_data.username', 'user_access.group', 'user_access.role'])
      .where('user_data.id', '=', 1)
      .executeTakeFirst();
    expect(admin).toEqual({ id: 1, username: 'admin', group: 'medtech', role: 'admin' });
    expect(await getSetting(handle, 'microsoft_teams_enabled', 1)).toBe('1');
    expect(await getSetting(handle, 'user_menu_ordering', 1)).toMatch(/,privacy,notifications,microsoft$/);
  });

  it('has recurring series and split sessions, and a series that keeps its local time across a DST change', async () => {
    const roster = await readRoster(await seeded(), { now: NOW });
    const events = roster.offerings.flatMap((o) => o.events);
    expect(events.length).toBeGreaterThanOrEqual(150);
    expect(events.some((e) => e.parentId !== null)).toBe(true);
    expect(events.some((e) => e.releaseFrom !== null && e.releaseFrom > NOW)).toBe(true);
    const series = new Map<number, LearningEvent[]>();
    for (const event of events) {
      if (event.recurringId !== null) series.set(event.recurringId, [...(series.get(event.recurringId) ?? []), event]);
    }
    expect(series.size).toBeGreaterThanOrEqual(10);
    const straddles = [...series.values()].filter((occurrences) => {
      const offsets = new Set(occurrences.map((e) => zoneOffsetMs(DEMO_TIME_ZONE, e.start.getTime())));
      const localTimes = new Set(
        occurrences.map((e) => (e.start.getTime() + zoneOffsetMs(DEMO_TIME_ZONE, e.start.getTime())) % 86_400_000),
      );
      return offsets.size === 2 && localTimes.size === 1;
    });
    expect(straddles.length).toBeGreaterThan(0);
  });

  it('is deterministic: two seeds give the same roster, and every date of the year gives a live school', async () => {
    const [a, b] = await Promise.all([seeded(), seeded()]);
    const first = rosterToJson(await readRoster(a, { now: NOW }));
    expect(rosterToJson(await readRoster(b, { now: NOW }))).toEqual(first);
    expect(buildDemoSchool(NOW)).toEqual(buildDemoSchool(NOW));
    for (let month = 0; month < 12; month += 1) {
      const now = new Date(Date.UTC(2026, month, 11, 14));
      const school = buildDemoSchool(now);
      expect(school.rows.events.length, now.toISOString()).toBeGreaterThanOrEqual(150);
      expect(school.rows.events.length, now.toISOString()).toBeLessThanOrEqual(260);
    }
  });
});
