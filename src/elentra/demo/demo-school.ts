// The whole demo school as rows, by Elentra table — pure and deterministic for a given `now`. seed-demo.ts inserts
// them; the tests compare two builds. Two curriculum periods (1 current, 2 upcoming), two cohorts (groups 1 and 2),
// one elective course list (group 3), ten courses (one inactive), their contacts, audience, timetable and settings.
import type { Insertable } from 'kysely';
import type { ElentraTables, EventAudienceType, GroupType } from '../tables.js';
import { type DemoCalendar, type DemoTerm, planDemoCalendar } from './demo-calendar.js';
import { DEMO_COURSES, type DemoCourse } from './demo-catalogue.js';
import {
  buildDemoPeople,
  DEMO_DOMAIN,
  DEMO_SCHOOL_NAME,
  DEMO_SEED,
  DEMO_TIME_ZONE,
  type DemoPerson,
  demoCohortYears,
} from './demo-people.js';
import { type ScheduledEvent, scheduleCourse } from './demo-schedule.js';
import { Prng } from './prng.js';
import { civilDayIn, mondayOnOrBefore, zonedEpochSeconds } from './zoned-time.js';

export type DemoRows = { [T in keyof ElentraTables]: Array<Insertable<ElentraTables[T]>> };

export interface DemoSchool {
  people: DemoPerson[];
  calendar: DemoCalendar;
  rows: DemoRows;
}

const DAY = 86_400;
const SENIOR_GROUP = 1;
const JUNIOR_GROUP = 2;
const ELECTIVE_GROUP = 3;
export const DEMO_USER_MENU_ORDERING = 'profile,assessments,gradingtasks,annualreport,privacy,notifications,microsoft';

export function buildDemoSchool(now: Date): DemoSchool {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const createdSeconds = nowSeconds - 400 * DAY;
  const people = buildDemoPeople(now);
  const calendar = planDemoCalendar(now, DEMO_TIME_ZONE);
  const years = demoCohortYears(now);
  const audit = { created_date: createdSeconds, created_by: 1, updated_date: createdSeconds, updated_by: 1 };
  const termOf = (course: DemoCourse): DemoTerm => (course.term === 'current' ? calendar.current : calendar.upcoming);
  const periodOf = (course: DemoCourse): number => (course.term === 'current' ? 1 : 2);
  const group = (group_id: number, group_name: string, group_type: GroupType) => ({
    ...{ group_id, group_name, group_type, group_value: null, start_date: null, expire_date: null, group_active: 1 },
    ...audit,
  });
  const learners = (gradYear: number) => people.filter((p) => p.gradYear === gradYear && p.proxyId <= 250);

  const rows: DemoRows = {
    settings: [
      { shortname: 'microsoft_teams_enabled', organisation_id: null, value: '1' },
      { shortname: 'user_menu_ordering', organisation_id: null, value: DEMO_USER_MENU_ORDERING },
    ],
    organisations: [
      { organisation_id: 1, organisation_title: DEMO_SCHOOL_NAME, organisation_url: `https://elentra.${DEMO_DOMAIN}` },
    ],
    user_data: people.map((p) => ({
      id: p.proxyId,
      number: p.number,
      username: p.username,
      organisation_id: 1,
      prefix: p.prefix,
      firstname: p.firstname,
      lastname: p.lastname,
      email: p.email,
      email_alt: p.emailAlt,
      notes: '',
      grad_year: p.gradYear,
      created_date: createdSeconds,
      created_by: 1,
    })),
    user_access: people.map((p) => ({
      id: p.proxyId,
      user_id: p.proxyId,
      app_id: 1,
      organisation_id: 1,
      account_active: p.accountActive ? 'true' : 'false',
      access_starts: createdSeconds,
      access_expires: p.accessExpires,
      group: { admin: 'medtech', faculty: 'faculty', staff: 'staff', learner: 'student' }[p.role],
      role: { admin: 'admin', faculty: 'faculty', staff: 'staff', learner: String(p.gradYear) }[p.role],
    })),
    curriculum_periods: [calendar.current, calendar.upcoming].map((term, index) => ({
      cperiod_id: index + 1,
      curriculum_type_id: 1,
      curriculum_period_title: term.title,
      start_date: term.startSeconds,
      finish_date: term.finishSeconds,
      active: 1,
    })),
    courses: DEMO_COURSES.map((course) => ({
      course_id: course.id,
      organisation_id: 1,
      course_code: course.code,
      course_name: course.name,
      course_description: course.description,
      course_message: '',
      course_active: course.active ? 1 : 0,
      ...audit,
    })),
    groups: [
      group(SENIOR_GROUP, `Class of ${years.senior}`, 'cohort'),
      group(JUNIOR_GROUP, `Class of ${years.junior}`, 'cohort'),
      group(ELECTIVE_GROUP, 'ELEC 250 Global Health Seminar', 'course_list'),
    ],
    group_members: [],
    course_contacts: DEMO_COURSES.flatMap((course) =>
      course.contacts.map(([proxyId, type], order) => ({
        course_id: course.id,
        proxy_id: proxyId,
        contact_type: type,
        contact_order: order,
      })),
    ),
    course_audience: [],
    events: [],
    event_audience: [],
    event_contacts: [],
  };

  // Every row names every column: SQLite fills a column missing from one row of a multi-row INSERT with NULL.
  const member = (groupId: number, proxyId: number, extra: { member_active?: number; finish_date?: number } = {}) =>
    rows.group_members.push({
      ...{ group_id: groupId, proxy_id: proxyId, start_date: 0, finish_date: 0, member_active: 1 },
      ...{ created_date: createdSeconds, created_by: 1, ...extra },
    });
  for (const [groupId, gradYear] of [
    [SENIOR_GROUP, years.senior],
    [JUNIOR_GROUP, years.junior],
  ] as const) {
    for (const learner of learners(gradYear)) {
      if (learner.proxyId === 185) member(groupId, 185, { member_active: 0 });
      else if (learner.proxyId === 170) member(groupId, 170, { finish_date: nowSeconds - 30 * DAY });
      else member(groupId, learner.proxyId);
    }
  }
  const electivePrng = new Prng(DEMO_SEED + 1);
  const elective = [
    ...electivePrng.shuffle(learners(years.senior)).slice(0, 7),
    ...electivePrng.shuffle(learners(years.junior)).slice(0, 7),
  ];
  for (const learner of elective.sort((a, b) => a.proxyId - b.proxyId)) member(ELECTIVE_GROUP, learner.proxyId);

  const enrol = (course: DemoCourse, type: 'group_id' | 'proxy_id', value: number, finish?: number) => {
    const term = termOf(course);
    rows.course_audience.push({
      course_id: course.id,
      cperiod_id: periodOf(course),
      audience_type: type,
      audience_value: value,
      enroll_start: term.startSeconds,
      enroll_finish: finish ?? (type === 'group_id' ? term.finishSeconds : 0),
      audience_active: 1,
    });
  };
  for (const course of DEMO_COURSES) {
    if (course.cohort !== null) enrol(course, 'group_id', course.cohort === 'senior' ? SENIOR_GROUP : JUNIOR_GROUP);
  }
  const byCode = (code: string): DemoCourse => {
    const course = DEMO_COURSES.find((c) => c.code === code);
    if (course === undefined) throw new Error(`demo course ${code} missing`);
    return course;
  };
  enrol(byCode('ELEC 250'), 'group_id', ELECTIVE_GROUP);
  enrol(byCode('ELEC 250'), 'proxy_id', 140);
  enrol(byCode('CLIN 220'), 'proxy_id', 5);
  enrol(byCode('CLIN 220'), 'proxy_id', 251);
  enrol(byCode('CLIN 220'), 'proxy_id', 252, nowSeconds - 10 * DAY);

  let eventId = 0;
  const scheduled: ScheduledEvent[] = [];
  for (const course of DEMO_COURSES) {
    const cohortGroup = course.cohort === 'senior' ? SENIOR_GROUP : JUNIOR_GROUP;
    const audience: Array<[EventAudienceType, string]> =
      course.cohort === null ? [['course_id', String(course.id)]] : [['cohort', String(cohortGroup)]];
    scheduled.push(
      ...scheduleCourse(course, termOf(course), {
        zone: DEMO_TIME_ZONE,
        nextEventId: () => ++eventId,
        audience,
        teachers: course.contacts.filter(([, type]) => type === 'director' || type === 'faculty').map(([id]) => id),
        updatedSeconds: nowSeconds - 7 * DAY,
      }),
    );
  }
  scheduled.push(...specialEvents(now, () => ++eventId, nowSeconds));
  for (const event of scheduled) {
    rows.events.push(event.row);
    for (const [audience_type, audience_value] of event.audience) {
      rows.event_audience.push({ event_id: event.row.event_id, audience_type, audience_value });
    }
    event.contacts.forEach(([proxy_id, contact_role], order) => {
      rows.event_contacts.push({ event_id: event.row.event_id, proxy_id, contact_role, contact_order: order });
    });
  }
  return { people, calendar, rows };
}

/** Two one-off sessions near now: a not-yet-released guest lecture and a make-up session for two named learners. */
function specialEvents(now: Date, nextId: () => number, nowSeconds: number): ScheduledEvent[] {
  const monday = mondayOnOrBefore(civilDayIn(DEMO_TIME_ZONE, now));
  const at = (day: number, hour: number) => zonedEpochSeconds(DEMO_TIME_ZONE, day, hour, 0);
  const base = { parent_id: null, recurring_id: 0, updated_date: nowSeconds - DAY, updated_by: 1, release_until: 0 };
  const guest = at(monday + 18, 12);
  const makeUp = at(monday + 8, 16);
  return [
    {
      row: {
        ...base,
        event_id: nextId(),
        course_id: 5,
        event_title: 'Guest lecture: antimicrobial stewardship (to be confirmed)',
        event_description: 'Not yet released to learners.',
        event_location: 'Lecture Theatre B, Health Sciences 1110',
        event_start: guest,
        event_finish: guest + 3600,
        event_duration: 60,
        release_date: nowSeconds + 365 * DAY,
      },
      audience: [['cohort', String(SENIOR_GROUP)]],
      contacts: [[21, 'teacher']],
    },
    {
      row: {
        ...base,
        event_id: nextId(),
        course_id: 6,
        event_title: 'Make-up session: cardiovascular exam',
        event_description: 'For learners who missed the session.',
        event_location: 'Clinical Skills Centre, Level 2',
        event_start: makeUp,
        event_finish: makeUp + 3600,
        event_duration: 60,
        release_date: 0,
      },
      audience: [
        ['proxy_id', '160'],
        ['proxy_id', '251'],
      ],
      contacts: [[13, 'tutor']],
    },
  ];
}
