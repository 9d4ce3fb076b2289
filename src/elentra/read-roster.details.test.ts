// readRoster beyond membership: the people map and warnings, events, filters, the offering's fields, and the
// set-based reading (a fixed number of statements whatever the number of offerings). SQLite in memory.
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';
import { describe, expect, it } from 'vitest';
import { readRoster } from './read-roster.js';
import { eventTargetsOffering } from './roster/event-rules.js';
import { DAY, KEY, NOW, NOW_S, useRosterScenarios } from './testing/roster-scenario.js';

const { scenario, roster } = useRosterScenarios();

describe('readRoster people, events and filters (SQLite)', () => {
  it('lists everyone it mentions; a person without e-mail is kept and reported in warnings', async () => {
    const f = await scenario();
    await f.person({
      id: 10,
      email: '  Ana.Lopez@Test.example.edu ',
      email_alt: '',
      firstname: 'Ana',
      lastname: 'Lopez',
    });
    await f.person({ id: 11, email: '', email_alt: 'sam@alumni.example.org', firstname: 'Sam', lastname: 'Lee' });
    await f.person({ id: 12, email: '', firstname: 'Kai', lastname: 'Ng', access: [{ account_active: 'false' }] });
    for (const id of [10, 11, 12]) await f.enrol({ course: 1, period: 1, proxyId: id });
    const result = await roster(f);
    expect(result.people.get(10)).toMatchObject({ email: 'Ana.Lopez@Test.example.edu', emailAlt: null });
    expect(result.people.get(11)).toMatchObject({ email: null, emailAlt: 'sam@alumni.example.org' });
    expect([...result.people.keys()]).toEqual([10, 11, 12]);
    expect(result.warnings).toEqual([
      {
        code: 'no-email',
        proxyId: 11,
        message: expect.stringContaining('sam@alumni.example.org'),
        offeringKeys: [KEY],
      },
    ]);
    expect(result.excluded[0]?.message).toContain('Kai Ng (proxy_id 12)');
  });

  it('attaches the events of the course that start in the period, with audience, contacts and open bounds as null', async () => {
    const f = await scenario();
    await f.person({ id: 20 });
    await f.enrol({ course: 1, period: 1, proxyId: 20 });
    const first = await f.event({
      event_id: 100,
      course: 1,
      startDays: 2,
      event_title: 'Lecture 1',
      event_location: 'Room 101',
      recurring_id: 0,
      audience: [['cohort', '50']],
    });
    await f.event({ event_id: 101, course: 1, startDays: 9, recurring_id: first, release_date: NOW_S - DAY });
    await f.event({ event_id: 102, course: 1, startDays: 9, parent_id: first, release_until: NOW_S + DAY });
    await f.event({ event_id: 103, course: 1, startDays: 61 });
    await f.event({ event_id: 104, course: 2, startDays: 3 });
    await f.handle.db
      .insertInto('event_contacts')
      .values({ event_id: 100, proxy_id: 20, contact_role: 'teacher' })
      .execute();
    const [offering] = (await roster(f)).offerings;
    expect(offering?.events.map((e) => e.eventId)).toEqual([100, 101, 102]);
    expect(offering?.events[0]).toMatchObject({
      title: 'Lecture 1',
      location: 'Room 101',
      parentId: null,
      recurringId: null,
      releaseFrom: null,
      releaseUntil: null,
      start: new Date((NOW_S + 2 * DAY) * 1000),
      finish: new Date((NOW_S + 2 * DAY + 3600) * 1000),
      audience: [{ type: 'cohort', value: '50' }],
      contacts: [{ proxyId: 20, role: 'teacher' }],
    });
    expect(offering?.events[1]).toMatchObject({ recurringId: 100, releaseFrom: new Date((NOW_S - DAY) * 1000) });
    expect(offering?.events[2]).toMatchObject({ parentId: 100, releaseUntil: new Date((NOW_S + DAY) * 1000) });

    const windowed = await roster(f, { eventsStartFrom: new Date((NOW_S + 5 * DAY) * 1000) });
    expect(windowed.offerings[0]?.events.map((e) => e.eventId)).toEqual([101, 102]);
  });

  it('events: false reads no events, but keeps their contacts among the people and warns about impossible dates', async () => {
    const f = await scenario();
    await f.person({ id: 20 });
    await f.person({ id: 21 });
    await f.enrol({ course: 1, period: 1, proxyId: 20 });
    await f.event({ event_id: 100, course: 1, startDays: 2 });
    const start = NOW_S + 3 * DAY;
    await f.event({ event_id: 101, course: 1, startDays: 3, event_finish: start - 3600 });
    await f.event({ event_id: 102, course: 1, startDays: 0, event_start: 0 });
    await f.handle.db
      .insertInto('event_contacts')
      .values({ event_id: 100, proxy_id: 21, contact_role: 'teacher' })
      .execute();
    const full = await roster(f);
    const lean = await roster(f, { events: false });
    expect(full.rule.events).toBe(true);
    expect(lean.rule.events).toBe(false);
    expect(full.offerings[0]?.events.map((e) => e.eventId)).toEqual([100, 101]);
    expect(lean.offerings[0]?.events).toEqual([]);
    expect([...full.people.keys()]).toEqual([20, 21]);
    expect([...lean.people.keys()]).toEqual([20, 21]);
    expect(lean.offerings[0]?.dataWarnings).toEqual(full.offerings[0]?.dataWarnings);
    expect(lean.offerings[0]?.dataWarnings).toHaveLength(2);
    expect({ ...lean.offerings[0], events: [] }).toEqual({ ...full.offerings[0], events: [] });
  });

  it('members: false reads the learners only of offerings with a grad_year event audience, as the event sync needs', async () => {
    const f = await scenario();
    await f.course({ id: 2, code: 'PHYS 120' });
    await f.period({ id: 2, startDays: 70, finishDays: 150 });
    for (const id of [10, 11, 12, 13, 14]) await f.person({ id, grad_year: id % 2 === 0 ? 2028 : 2029 });
    await f.person({ id: 15, access: [] });
    await f.person({ id: 20 });
    await f.group({ id: 50, members: [10, 11] });
    await f.group({ id: 60, members: [13, 14, 15] });
    await f.enrol({ course: 1, period: 1, groupId: 50 });
    await f.enrol({ course: 1, period: 1, proxyId: 12 });
    // The same group in course 1's next period, whose events have no grad_year audience.
    await f.enrol({ course: 1, period: 2, groupId: 50 });
    await f.enrol({ course: 2, period: 1, groupId: 60 });
    await f.contact({ course: 2, proxyId: 20 });
    await f.event({ event_id: 100, course: 1, startDays: 2, audience: [['grad_year', '2028']] });
    await f.event({ event_id: 101, course: 1, startDays: 3, audience: [['grad_year', '2030']] });
    await f.event({ event_id: 102, course: 1, startDays: 80, audience: [['cohort', '50']] });
    await f.event({ event_id: 200, course: 2, startDays: 2, audience: [['cohort', '60']] });
    await f.event({ event_id: 201, course: 2, startDays: 3, audience: [['cohort', '61']] });
    await f.event({ event_id: 202, course: 2, startDays: 4, audience: [['proxy_id', '13']] });
    const full = await roster(f);
    const lean = await roster(f, { members: false });
    expect([full.rule.members, lean.rule.members]).toEqual([true, false]);
    expect(full.offerings.map((o) => o.key)).toEqual([KEY, 'course:1:period:2', 'course:2:period:1']);
    const [withGradYear, nextPeriod, withCohort] = lean.offerings;
    expect(withGradYear).toEqual(full.offerings[0]);
    expect(withGradYear?.members).toEqual([10, 11, 12]);
    // The others: no learners, their groups in effect listed uncounted; owners and events as usual.
    expect(full.offerings[1]?.members).toEqual([10, 11]);
    expect(nextPeriod).toEqual({
      ...full.offerings[1],
      members: [],
      groups: [{ groupId: 50, groupName: 'Group 50', groupType: 'cohort', memberCount: 0 }],
    });
    expect(full.offerings[2]?.members).toEqual([13, 14]);
    expect(withCohort).toEqual({
      ...full.offerings[2],
      members: [],
      groups: [{ groupId: 60, groupName: 'Group 60', groupType: 'cohort', memberCount: 0 }],
    });
    expect([...full.people.keys()]).toEqual([10, 11, 12, 13, 14, 15, 20]);
    expect([...lean.people.keys()]).toEqual([10, 11, 12, 20]);
    expect(full.excluded.map((person) => person.proxyId)).toEqual([15]);
    expect(lean.excluded).toEqual([]);
    // Whether each event is its offering's (EVENTS_ONLY_OFFERING_AUDIENCE) comes out the same.
    const targets = (r: typeof full) =>
      r.offerings.flatMap((o) => o.events.map((e) => [e.eventId, eventTargetsOffering(e, o, r.people)]));
    expect(targets(lean)).toEqual(targets(full));
    expect(targets(lean)).toEqual([
      [100, true],
      [101, false],
      [102, true],
      [200, true],
      [201, false],
      [202, false],
    ]);
    // Out of the events read, the grad_year events need no learners.
    const later = await roster(f, { members: false, eventsStartFrom: new Date((NOW_S + 3.5 * DAY) * 1000) });
    expect(later.offerings[0]?.members).toEqual([]);
    expect([...later.people.keys()]).toEqual([20]);
  });

  it('shares equal instants and audiences between events, read-only', async () => {
    const f = await scenario();
    await f.course({ id: 2 });
    await f.enrol({ course: 1, period: 1, proxyId: 10 });
    await f.enrol({ course: 2, period: 1, proxyId: 10 });
    const start = NOW_S + 2 * DAY;
    await f.event({ event_id: 100, course: 1, startDays: 2, event_location: 'Room 1', audience: [['course_id', '1']] });
    await f.event({ event_id: 101, course: 1, startDays: 2, event_location: 'Room 1', audience: [['course_id', '1']] });
    await f.event({ event_id: 200, course: 2, startDays: 0, event_start: start, audience: [['course_id', '2']] });
    const [first, second] = (await roster(f)).offerings;
    const [a, b] = first?.events ?? [];
    const [c] = second?.events ?? [];
    expect(a?.start).toBe(b?.start);
    expect(a?.start).toBe(c?.start);
    expect(a?.audience).toBe(b?.audience);
    expect(c?.audience).toEqual([{ type: 'course_id', value: '2' }]);
    expect(Object.isFrozen(a?.audience)).toBe(true);
    expect(Object.isFrozen(a?.contacts)).toBe(true);
    expect(first?.period.start).toBe(second?.period.start);
  });

  it('filters by organisation and by course ids; an empty course list reads nothing', async () => {
    const f = await scenario();
    await f.person({ id: 10 });
    await f.course({ id: 2, code: 'PHYS 120', organisationId: 2 });
    await f.enrol({ course: 1, period: 1, proxyId: 10 });
    await f.enrol({ course: 2, period: 1, proxyId: 10 });
    expect((await roster(f)).offerings.map((o) => o.key)).toEqual([KEY, 'course:2:period:1']);
    expect((await roster(f, { organisationId: 2 })).offerings.map((o) => o.key)).toEqual(['course:2:period:1']);
    expect((await roster(f, { courseIds: [1] })).offerings.map((o) => o.key)).toEqual([KEY]);
    expect((await roster(f, { courseIds: [] })).offerings).toEqual([]);
  });

  it('fills the offering from the course, the period and the organisation', async () => {
    const f = await scenario();
    await f.person({ id: 10 });
    await f.enrol({ course: 1, period: 1, proxyId: 10 });
    const [offering] = (await roster(f)).offerings;
    expect(offering).toMatchObject({
      key: KEY,
      courseId: 1,
      courseCode: 'ANAT 110',
      organisationId: 1,
      organisationTitle: 'Test School of Medicine',
      period: { id: 1, title: 'Period 1', start: new Date((NOW_S - 30 * DAY) * 1000) },
      membershipEvaluatedAt: NOW,
    });
  });

  it('reads any number of offerings in the same ten queries, and reads the same roster twice', async () => {
    const f = await scenario();
    const counter = new QueryCounter();
    const counted = { ...f.handle, db: f.handle.db.withPlugin(counter) };
    await f.group({ id: 50, members: [10, 11] });
    for (const id of [10, 11]) await f.person({ id });
    for (let course = 2; course <= 40; course += 1) {
      await f.course({ id: course });
      await f.contact({ course, proxyId: 10 });
      await f.enrol({ course, period: 1, groupId: 50 });
      await f.event({ course, startDays: 1 });
    }
    const first = await readRoster(counted, { now: NOW });
    expect(first.offerings).toHaveLength(39);
    expect(counter.queries).toBeLessThanOrEqual(10);
    expect(await readRoster(counted, { now: NOW })).toEqual(first);
  });
});

// Counts executed statements: transformResult runs once per statement, while transformQuery also runs for every
// subquery a statement embeds.
class QueryCounter implements KyselyPlugin {
  queries = 0;
  transformQuery(args: PluginTransformQueryArgs) {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs) {
    this.queries += 1;
    return args.result;
  }
}
