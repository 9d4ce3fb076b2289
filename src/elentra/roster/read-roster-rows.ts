// The roster's SQL: set-based queries whatever the number of offerings (no query per offering), so that 10,000
// offerings and 500,000 memberships read in a handful of round trips — six for the offerings, their owners,
// audiences and people, then three per page of learning events (their rows, audience and contacts). The set of
// offerings is never sent as a list of ids: every query re-derives it as a subquery of course_audience ⋈ courses ⋈
// curriculum_periods, which keeps the statements under every engine's parameter limit and lets the database use its
// indexes; a page of events is a range of course ids (two parameters). The windows that depend on each offering's own
// instant are applied afterwards, in assemble-roster.ts.
//
// Why pages: 200,000 events (with their audience rows) were most of the read's memory, all held at once next to the
// roster made of them. Read a page of courses at a time (EVENT_PAGE_SIZE, about 5,000 rows), each page turned into
// LearningEvents (learning-events.ts) before the next is read, the raw rows die young.
import type { Kysely } from 'kysely';
import type { ElentraTables } from '../tables.js';
import type { AccessRow, EventRowsPage, PersonRow, RosterRows } from './roster-rows.js';

export interface RosterFilter {
  /** Periods must start on or before this (epoch seconds). */
  startsBy: number;
  /** …and finish on or after this. */
  finishedAfter: number;
  organisationId: number | null;
  /** null = every course; never empty (the caller answers an empty list without asking the database). */
  courseIds: number[] | null;
  /** Never empty (readRoster refuses an empty list: `in ()` is not SQL). */
  ownerContactTypes: string[];
  appId: number;
  eventsFrom: number | null;
  eventsUntil: number | null;
  /**
   * false: of the events, only those with impossible dates (for the warnings) and no audience rows; the contacts are
   * still read (a teacher taken off the course contacts is still named by the people the roster mentions).
   */
  events: boolean;
  /**
   * false: the learners (group members, learners enrolled directly, and who they are) only of the offerings with a
   * learning event whose audience is a graduation year (`grad_year`, read in this same range of events): the event
   * sync compares that year with its members' (eventTargetsOffering). Owners and event contacts are read as usual.
   */
  members: boolean;
}

type Db = Kysely<ElentraTables>;

/** A page of events: the offerings of the courses from `from` to `to` (course ids, inclusive). */
export interface CourseRange {
  from: number;
  to: number;
}

/** course_audience rows of the eligible (course, period) pairs, whatever their own flags; `courses`: of those only. */
function audienceOfOfferings(db: Db, f: RosterFilter, courses?: CourseRange) {
  let query = db
    .selectFrom('course_audience as ka')
    .innerJoin('courses as kc', 'kc.course_id', 'ka.course_id')
    .innerJoin('curriculum_periods as kp', 'kp.cperiod_id', 'ka.cperiod_id')
    .where('kc.course_active', '=', 1)
    .where('kp.active', '=', 1)
    .where('kp.start_date', '<=', f.startsBy)
    .where('kp.finish_date', '>=', f.finishedAfter);
  if (f.organisationId !== null) query = query.where('kc.organisation_id', '=', f.organisationId);
  if (f.courseIds !== null) query = query.where('kc.course_id', 'in', f.courseIds);
  if (courses !== undefined) {
    query = query.where('kc.course_id', '>=', courses.from).where('kc.course_id', '<=', courses.to);
  }
  return query;
}

function offeringKeys(db: Db, f: RosterFilter, courses?: CourseRange) {
  return audienceOfOfferings(db, f, courses)
    .select(['ka.course_id', 'ka.cperiod_id', 'kp.start_date', 'kp.finish_date'])
    .distinct();
}

function offeringCourseIds(db: Db, f: RosterFilter) {
  return audienceOfOfferings(db, f).select('ka.course_id');
}

function audienceGroupIds(db: Db, f: RosterFilter) {
  return audienceOfOfferings(db, f)
    .where('ka.audience_active', '=', 1)
    .where('ka.audience_type', '=', 'group_id')
    .select('ka.audience_value');
}

/**
 * The active course_audience rows whose learners are read: every offering's, or with `members: false` only those of
 * the offerings with an event whose audience is a `grad_year` (a superset of what the assembly asks for: it keeps the
 * learners of an offering only when one of its events, as read, has such an audience).
 */
function learnerAudience(db: Db, f: RosterFilter) {
  const active = audienceOfOfferings(db, f).where('ka.audience_active', '=', 1);
  if (f.members) return active;
  return active.where((eb) => {
    let gradYearEvents = eb
      .selectFrom('events as ge')
      .innerJoin('event_audience as ga', 'ga.event_id', 'ge.event_id')
      .select('ge.event_id')
      .where('ga.audience_type', '=', 'grad_year')
      .whereRef('ge.course_id', '=', 'ka.course_id')
      .whereRef('ge.event_start', '>=', 'kp.start_date')
      .whereRef('ge.event_start', '<=', 'kp.finish_date');
    if (f.eventsFrom !== null) gradYearEvents = gradYearEvents.where('ge.event_start', '>=', f.eventsFrom);
    if (f.eventsUntil !== null) gradYearEvents = gradYearEvents.where('ge.event_start', '<=', f.eventsUntil);
    return eb.exists(gradYearEvents);
  });
}

function learnerGroupIds(db: Db, f: RosterFilter) {
  return learnerAudience(db, f).where('ka.audience_type', '=', 'group_id').select('ka.audience_value');
}

function eventsOfOfferings(db: Db, f: RosterFilter, courses?: CourseRange) {
  let query = db
    .selectFrom('events as e')
    // Events starting in the period, and those with no start (0: an impossible date, reported by the assembly).
    .innerJoin(offeringKeys(db, f, courses).as('k'), (join) =>
      join
        .onRef('k.course_id', '=', 'e.course_id')
        .on((eb) =>
          eb.or([
            eb.and([
              eb('e.event_start', '>=', eb.ref('k.start_date')),
              eb('e.event_start', '<=', eb.ref('k.finish_date')),
            ]),
            eb('e.event_start', '<=', 0),
          ]),
        ),
    );
  if (f.eventsFrom !== null) query = query.where('e.event_start', '>=', f.eventsFrom);
  if (f.eventsUntil !== null) query = query.where('e.event_start', '<=', f.eventsUntil);
  if (courses !== undefined) {
    query = query.where('e.course_id', '>=', courses.from).where('e.course_id', '<=', courses.to);
  }
  return query;
}

/** Everyone the roster may mention, as one derived table of proxy ids (a UNION, so each id once). */
function referencedProxyIds(db: Db, f: RosterFilter) {
  const contacts = db
    .selectFrom('course_contacts as pc')
    .select('pc.proxy_id as proxy_id')
    .where('pc.course_id', 'in', offeringCourseIds(db, f))
    .where('pc.contact_type', 'in', f.ownerContactTypes);
  const direct = learnerAudience(db, f)
    .where('ka.audience_type', '=', 'proxy_id')
    .select('ka.audience_value as proxy_id');
  const members = db
    .selectFrom('group_members as pm')
    .select('pm.proxy_id as proxy_id')
    .where('pm.member_active', '=', 1)
    .where('pm.group_id', 'in', learnerGroupIds(db, f));
  const eventContacts = db
    .selectFrom('event_contacts as pe')
    .select('pe.proxy_id as proxy_id')
    .where('pe.event_id', 'in', eventsOfOfferings(db, f).select('e.event_id'));
  return contacts.union(direct).union(members).union(eventContacts).as('r');
}

export async function readRosterRows(db: Db, f: RosterFilter): Promise<RosterRows> {
  const offerings = await db
    .selectFrom(offeringKeys(db, f).as('k'))
    .innerJoin('courses as c', 'c.course_id', 'k.course_id')
    .innerJoin('curriculum_periods as p', 'p.cperiod_id', 'k.cperiod_id')
    .leftJoin('organisations as o', 'o.organisation_id', 'c.organisation_id')
    .select([
      'c.course_id',
      'c.course_code',
      'c.course_name',
      'c.course_description',
      'c.organisation_id',
      'o.organisation_title',
      'p.cperiod_id',
      'p.curriculum_period_title',
      'p.start_date',
      'p.finish_date',
    ])
    .execute();
  if (offerings.length === 0) return emptyRows();

  const contacts = await db
    .selectFrom('course_contacts')
    .select(['course_id', 'proxy_id', 'contact_type', 'contact_order'])
    .where('course_id', 'in', offeringCourseIds(db, f))
    .where('contact_type', 'in', f.ownerContactTypes)
    .execute();
  const audience = await audienceOfOfferings(db, f)
    .where('ka.audience_active', '=', 1)
    .select([
      'ka.course_id',
      'ka.cperiod_id',
      'ka.audience_type',
      'ka.audience_value',
      'ka.enroll_start',
      'ka.enroll_finish',
    ])
    .execute();
  const groups = await db
    .selectFrom('groups')
    .select(['group_id', 'group_name', 'group_type', 'start_date', 'expire_date', 'group_active'])
    .where('group_id', 'in', audienceGroupIds(db, f))
    .execute();
  const groupMembers = await db
    .selectFrom('group_members')
    .select(['group_id', 'proxy_id', 'start_date', 'finish_date'])
    .where('member_active', '=', 1)
    .where('group_id', 'in', learnerGroupIds(db, f))
    .execute();
  // People and their user_access rows for Elentra in one query: the derived table of everyone referenced (a UNION
  // over up to 500,000 memberships) is the costly part, and was built twice. A person with several access rows comes
  // back once per row; one with none, once with nulls. Access rows of ids with no user_data row are not needed: such
  // an id is excluded as an unknown person whatever its access (people-status.ts).
  const withAccess = await db
    .selectFrom(referencedProxyIds(db, f))
    .innerJoin('user_data as u', 'u.id', 'r.proxy_id')
    .leftJoin('user_access as a', (join) => join.onRef('a.user_id', '=', 'u.id').on('a.app_id', '=', f.appId))
    .select([
      'u.id',
      'u.number',
      'u.username',
      'u.firstname',
      'u.lastname',
      'u.email',
      'u.email_alt',
      'u.organisation_id',
      'u.grad_year',
      'a.user_id as access_user_id',
      'a.account_active',
      'a.access_expires',
    ])
    .execute();
  const people: PersonRow[] = [];
  const access: AccessRow[] = [];
  const seen = new Set<number>();
  for (const row of withAccess) {
    const { access_user_id, account_active, access_expires, ...person } = row;
    if (!seen.has(person.id)) {
      seen.add(person.id);
      people.push(person);
    }
    if (access_user_id !== null && account_active !== null && access_expires !== null) {
      access.push({ user_id: access_user_id, account_active, access_expires });
    }
  }
  return { offerings, contacts, audience, groups, groupMembers, people, access };
}

function emptyRows(): RosterRows {
  return { offerings: [], contacts: [], audience: [], groups: [], groupMembers: [], people: [], access: [] };
}

/** The event rows of the offerings of `courses`, with their audience and contacts: three queries. */
export async function readEventRows(db: Db, f: RosterFilter, courses: CourseRange): Promise<EventRowsPage> {
  // Without events, only those with impossible dates: the teams sync still warns about them on their offering.
  const eventRows = f.events
    ? eventsOfOfferings(db, f, courses)
    : eventsOfOfferings(db, f, courses).where((eb) =>
        eb.or([eb('e.event_start', '<=', 0), eb('e.event_finish', '<', eb.ref('e.event_start'))]),
      );
  const events = await eventRows
    .select([
      'k.cperiod_id',
      'e.event_id',
      'e.parent_id',
      'e.recurring_id',
      'e.course_id',
      'e.event_title',
      'e.event_description',
      'e.event_location',
      'e.event_start',
      'e.event_finish',
      'e.event_duration',
      'e.release_date',
      'e.release_until',
      'e.audience_visible',
      'e.updated_date',
    ])
    .execute();
  const eventAudience = f.events
    ? await db
        .selectFrom('event_audience')
        .select(['event_id', 'audience_type', 'audience_value'])
        .where('event_id', 'in', eventsOfOfferings(db, f, courses).select('e.event_id'))
        .execute()
    : [];
  const eventContacts = await db
    .selectFrom('event_contacts')
    .select(['event_id', 'proxy_id', 'contact_role', 'contact_order'])
    .where('event_id', 'in', eventsOfOfferings(db, f, courses).select('e.event_id'))
    .execute();
  return { events, eventAudience, eventContacts };
}

/** How big the pages of events are: about `rows` rows (events, audience and contact rows), `firstCourses` at first. */
export interface EventPageSize {
  rows: number;
  firstCourses: number;
}

/**
 * 5,000 rows: small enough that a page's rows die young (V8 promotes what outlives two scavenges, and a page held
 * while it is turned into events did — at 20,000 the event sync peaked ~50 MB higher), large enough that S4's 200,000
 * events take ~40 pages of three queries, a few milliseconds each.
 */
export const EVENT_PAGE_SIZE: EventPageSize = { rows: 5_000, firstCourses: 50 };

/**
 * The event rows of the offerings of `courseIds` (the offerings' courses), a page of courses at a time, each page
 * handed to `onPage` before the next is read: the first page `size.firstCourses` courses, each next one as many as
 * make about `size.rows` rows at the rows per course seen so far. A course's events are always in one page.
 */
export async function readEventRowsInPages(
  db: Db,
  f: RosterFilter,
  courseIds: readonly number[],
  onPage: (page: EventRowsPage) => void,
  size: EventPageSize = EVENT_PAGE_SIZE,
): Promise<void> {
  const courses = [...new Set(courseIds)].sort((a, b) => a - b);
  let pageCourses = size.firstCourses;
  let rowsSoFar = 0;
  for (let done = 0; done < courses.length; ) {
    const page = courses.slice(done, done + pageCourses);
    const rows = await readEventRows(db, f, { from: page[0] as number, to: page[page.length - 1] as number });
    rowsSoFar += rows.events.length + rows.eventAudience.length + rows.eventContacts.length;
    done += page.length;
    onPage(rows);
    pageCourses = Math.max(1, Math.floor(size.rows / Math.max(rowsSoFar / done, 1)));
  }
}
