// The roster rules as a table: each case builds a fresh embedded Elentra (SQLite in memory) with one course (1) and
// one current period (1, from 30 days ago to 60 days ahead), adds its own rows, and states the offering it expects.
import { describe, expect, it } from 'vitest';
import type { ReadRosterOptions } from './read-roster.js';
import type { ExclusionReason } from './roster/roster-types.js';
import type { ElentraFixture } from './testing/elentra-fixture.js';
import { DAY, KEY, NOW_S, useRosterScenarios } from './testing/roster-scenario.js';

const { scenario, roster } = useRosterScenarios();

interface Expected {
  /** false = the offering must not exist. */
  exists?: boolean;
  members?: number[];
  owners?: Array<[number, string[]]>;
  excluded?: Array<[number, ExclusionReason, 'owner' | 'member']>;
  status?: 'upcoming' | 'current' | 'ended';
}

interface Case {
  name: string;
  /** The offering the case is about (default course 1 in period 1). */
  key?: string;
  arrange(f: ElentraFixture): Promise<void>;
  options?: Partial<ReadRosterOptions>;
  expected: Expected;
}

const learner = (f: ElentraFixture, id: number, extra: Parameters<ElentraFixture['person']>[0] = {}) =>
  f.person({ id, ...extra });

const cases: Case[] = [
  {
    name: 'a learner enrolled directly with open bounds (0) is a member',
    arrange: async (f) => {
      await learner(f, 10);
      await f.enrol({ course: 1, period: 1, proxyId: 10 });
    },
    expected: { members: [10], status: 'current' },
  },
  {
    name: 'an enrolment that starts after now is not yet a member',
    arrange: async (f) => {
      await learner(f, 10);
      await f.enrol({ course: 1, period: 1, proxyId: 10, enroll_start: NOW_S + 5 * DAY });
    },
    expected: { members: [] },
  },
  {
    name: 'an enrolment that finished before now is no longer a member',
    arrange: async (f) => {
      await learner(f, 10);
      await f.enrol({ course: 1, period: 1, proxyId: 10, enroll_finish: NOW_S - DAY });
    },
    expected: { members: [] },
  },
  {
    name: 'an enrolment window that contains now is a member (bounds inclusive)',
    arrange: async (f) => {
      await learner(f, 10);
      await f.enrol({ course: 1, period: 1, proxyId: 10, enroll_start: NOW_S, enroll_finish: NOW_S });
    },
    expected: { members: [10] },
  },
  {
    name: 'an inactive audience row (audience_active = 0) adds nobody, but the offering still exists',
    arrange: async (f) => {
      await learner(f, 10);
      await f.enrol({ course: 1, period: 1, proxyId: 10, audience_active: 0 });
    },
    expected: { exists: true, members: [] },
  },
  {
    name: 'a cohort in the audience is expanded through group_members',
    arrange: async (f) => {
      for (const id of [10, 11, 12]) await learner(f, id);
      await f.group({ id: 50, members: [10, 11, 12] });
      await f.enrol({ course: 1, period: 1, groupId: 50 });
    },
    expected: { members: [10, 11, 12] },
  },
  {
    name: 'an inactive group (group_active = 0) adds nobody',
    arrange: async (f) => {
      await learner(f, 10);
      await f.group({ id: 50, active: 0, members: [10] });
      await f.enrol({ course: 1, period: 1, groupId: 50 });
    },
    expected: { members: [] },
  },
  {
    name: 'an expired group (expire_date before now) adds nobody; one not yet started neither',
    arrange: async (f) => {
      for (const id of [10, 11]) await learner(f, id);
      await f.group({ id: 50, expire: NOW_S - DAY, members: [10] });
      await f.group({ id: 51, start: NOW_S + DAY, members: [11] });
      await f.enrol({ course: 1, period: 1, groupId: 50 });
      await f.enrol({ course: 1, period: 1, groupId: 51 });
    },
    expected: { members: [] },
  },
  {
    name: 'group members: member_active = 0, finished, or not yet started are not members',
    arrange: async (f) => {
      for (const id of [10, 11, 12, 13, 14]) await learner(f, id);
      await f.group({
        id: 50,
        members: [
          10,
          { proxy_id: 11, member_active: 0 },
          { proxy_id: 12, finish_date: NOW_S - DAY },
          { proxy_id: 13, start_date: NOW_S + DAY },
          { proxy_id: 14, start_date: NOW_S - DAY, finish_date: NOW_S + DAY },
        ],
      });
      await f.enrol({ course: 1, period: 1, groupId: 50 });
    },
    expected: { members: [10, 14] },
  },
  {
    name: 'the same learner directly and through a group is one member',
    arrange: async (f) => {
      await learner(f, 10);
      await f.group({ id: 50, members: [10] });
      await f.enrol({ course: 1, period: 1, groupId: 50 });
      await f.enrol({ course: 1, period: 1, proxyId: 10 });
    },
    expected: { members: [10] },
  },
  {
    name: 'an upcoming offering is evaluated at its period start: enrolments from day one are members',
    arrange: async (f) => {
      await learner(f, 10);
      await f.period({ id: 2, startDays: 10, finishDays: 100 });
      await f.enrol({ course: 1, period: 2, proxyId: 10, enroll_start: NOW_S + 10 * DAY });
    },
    key: 'course:1:period:2',
    expected: { members: [10], status: 'upcoming' },
  },
  {
    name: 'an offering that finished within the grace days is ended and keeps its class list',
    arrange: async (f) => {
      await learner(f, 10);
      await f.period({ id: 2, startDays: -100, finishDays: -5 });
      await f.enrol({ course: 1, period: 2, proxyId: 10, enroll_finish: NOW_S - 5 * DAY });
    },
    key: 'course:1:period:2',
    expected: { members: [10], status: 'ended' },
  },
  {
    name: 'a period that finished more than the grace days ago gives no offering',
    arrange: async (f) => {
      await learner(f, 10);
      await f.period({ id: 2, startDays: -100, finishDays: -15 });
      await f.enrol({ course: 1, period: 2, proxyId: 10 });
    },
    expected: { exists: false },
  },
  {
    name: 'an inactive course gives no offering',
    arrange: async (f) => {
      await learner(f, 10);
      await f.handle.db.updateTable('courses').set({ course_active: 0 }).execute();
      await f.enrol({ course: 1, period: 1, proxyId: 10 });
    },
    expected: { exists: false },
  },
  {
    name: 'an inactive period gives no offering',
    arrange: async (f) => {
      await learner(f, 10);
      await f.handle.db.updateTable('curriculum_periods').set({ active: 0 }).execute();
      await f.enrol({ course: 1, period: 1, proxyId: 10 });
    },
    expected: { exists: false },
  },
  {
    name: 'a course with contacts but no audience in the period gives no offering',
    arrange: async (f) => {
      await f.person({ id: 20 });
      await f.contact({ course: 1, proxyId: 20 });
    },
    expected: { exists: false },
  },
  {
    name: 'owners: contacts of the owner types; a contact also in the audience is an owner only',
    arrange: async (f) => {
      for (const id of [10, 20, 21, 22]) await f.person({ id });
      await f.contact({ course: 1, proxyId: 20, type: 'director' });
      await f.contact({ course: 1, proxyId: 21, type: 'faculty', order: 1 });
      await f.contact({ course: 1, proxyId: 21, type: 'ta', order: 2 });
      await f.contact({ course: 1, proxyId: 22, type: 'studentrep' });
      for (const id of [10, 20, 22]) await f.enrol({ course: 1, period: 1, proxyId: id });
    },
    expected: {
      owners: [
        [20, ['director']],
        [21, ['faculty', 'ta']],
      ],
      members: [10, 22],
    },
  },
  {
    name: 'ownerContactTypes narrows the owners',
    arrange: async (f) => {
      for (const id of [10, 20, 21]) await f.person({ id });
      await f.contact({ course: 1, proxyId: 20, type: 'director' });
      await f.contact({ course: 1, proxyId: 21, type: 'faculty' });
      await f.enrol({ course: 1, period: 1, proxyId: 10 });
    },
    options: { ownerContactTypes: ['director'] },
    expected: { owners: [[20, ['director']]], members: [10] },
  },
  {
    name: "an inactive account (account_active = 'false') is excluded with its reason, never dropped silently",
    arrange: async (f) => {
      await learner(f, 10, { access: [{ account_active: 'false' }] });
      await f.person({ id: 20, access: [{ account_active: 'false' }] });
      await f.contact({ course: 1, proxyId: 20 });
      await f.enrol({ course: 1, period: 1, proxyId: 10 });
    },
    expected: {
      members: [],
      owners: [],
      excluded: [
        [10, 'account-inactive', 'member'],
        [20, 'account-inactive', 'owner'],
      ],
    },
  },
  {
    name: 'expired access is excluded; access expiring later, or one active row among inactive ones, is kept',
    arrange: async (f) => {
      await learner(f, 10, { access: [{ access_expires: NOW_S - DAY }] });
      await learner(f, 11, { access: [{ access_expires: NOW_S + DAY }] });
      await learner(f, 12, { access: [{ account_active: 'false' }, { account_active: 'true', organisation_id: 2 }] });
      for (const id of [10, 11, 12]) await f.enrol({ course: 1, period: 1, proxyId: id });
    },
    expected: { members: [11, 12], excluded: [[10, 'access-expired', 'member']] },
  },
  {
    name: 'no user_access row for the app, or no user_data row at all, is excluded',
    arrange: async (f) => {
      await learner(f, 10, { access: [] });
      await learner(f, 11, { access: [{ app_id: 7 }] });
      await f.enrol({ course: 1, period: 1, proxyId: 10 });
      await f.enrol({ course: 1, period: 1, proxyId: 11 });
      await f.enrol({ course: 1, period: 1, proxyId: 99 });
    },
    expected: {
      members: [],
      excluded: [
        [10, 'no-access', 'member'],
        [11, 'no-access', 'member'],
        [99, 'unknown-person', 'member'],
      ],
    },
  },
  {
    name: 'a period starting beyond the horizon gives no offering',
    arrange: async (f) => {
      await learner(f, 10);
      await f.period({ id: 2, startDays: 130, finishDays: 200 });
      await f.enrol({ course: 1, period: 2, proxyId: 10 });
    },
    expected: { exists: false },
  },
  {
    name: 'horizonDays widens the window',
    arrange: async (f) => {
      await learner(f, 10);
      await f.period({ id: 2, startDays: 130, finishDays: 200 });
      await f.enrol({ course: 1, period: 2, proxyId: 10, enroll_start: NOW_S + 130 * DAY });
    },
    key: 'course:1:period:2',
    options: { horizonDays: 150 },
    expected: { members: [10], status: 'upcoming' },
  },
  {
    name: 'graceDays: 0 drops an offering as soon as its period has finished',
    arrange: async (f) => {
      await learner(f, 10);
      await f.period({ id: 2, startDays: -100, finishDays: -1 });
      await f.enrol({ course: 1, period: 2, proxyId: 10 });
    },
    key: 'course:1:period:2',
    options: { graceDays: 0 },
    expected: { exists: false },
  },
];

describe('readRoster rules (SQLite, embedded schema)', () => {
  it.each(cases)('$name', async ({ arrange, options, expected, key = KEY }) => {
    const f = await scenario();
    await arrange(f);
    const result = await roster(f, options);
    const offering = result.offerings.find((o) => o.key === key);
    if (expected.exists === false) {
      expect(offering).toBeUndefined();
      return;
    }
    expect(offering).toBeDefined();
    if (offering === undefined) return;
    if (expected.members) expect(offering.members).toEqual(expected.members);
    if (expected.owners) expect(offering.owners.map((o) => [o.proxyId, o.contactTypes])).toEqual(expected.owners);
    if (expected.status) {
      expect(offering.status).toBe(expected.status);
      expect(offering.ended).toBe(expected.status === 'ended');
    }
    const excluded = result.excluded.flatMap((e) => e.offerings.map((o) => [e.proxyId, e.reason, o.role]));
    expect(excluded).toEqual(expected.excluded ?? []);
  });
});
