// Test-data factories for the Elentra tables (Outline's `buildUser(overrides)` style): each inserts one row with
// believable defaults for every NOT NULL column, so a test names only what it is about. They work on the embedded
// schema and on the real core-tables.sql schema alike (the MariaDB test uses them), and take explicit ids so rows can
// refer to each other. Used by tests here and by the sync's tests; never by the product.
import type { Insertable } from 'kysely';
import type { ElentraHandle } from '../open-elentra.js';
import type {
  CourseAudienceTable,
  EventAudienceType,
  EventsTable,
  GroupMembersTable,
  GroupType,
  UserAccessTable,
  UserDataTable,
} from '../tables.js';

const DAY = 86_400;

export interface PersonSpec extends Partial<Insertable<UserDataTable>> {
  /** user_access rows for app 1; default one active row. `[]` makes a person with no access at all. */
  access?: Array<Partial<Insertable<UserAccessTable>>>;
}

export interface GroupMemberSpec extends Partial<Insertable<GroupMembersTable>> {
  proxy_id: number;
}

export class ElentraFixture {
  private nextId = 1000;

  constructor(
    readonly handle: ElentraHandle,
    readonly nowSeconds: number,
  ) {}

  private id(given: number | undefined): number {
    return given ?? this.nextId++;
  }

  private get db() {
    return this.handle.db;
  }

  async organisation(id = 1, title = 'Test School of Medicine'): Promise<number> {
    await this.db
      .insertInto('organisations')
      .values({ organisation_id: id, organisation_title: title, organisation_url: 'https://test.example.edu' })
      .execute();
    return id;
  }

  async person(spec: PersonSpec = {}): Promise<number> {
    const { access = [{}], ...row } = spec;
    const id = this.id(row.id);
    await this.db
      .insertInto('user_data')
      .values({
        username: `user${id}`,
        firstname: 'Test',
        lastname: `Person ${id}`,
        email: `user${id}@test.example.edu`,
        notes: '',
        created_date: this.nowSeconds - 365 * DAY,
        created_by: 1,
        ...row,
        id,
      })
      .execute();
    for (const grant of access) {
      await this.db
        .insertInto('user_access')
        .values({ app_id: 1, organisation_id: 1, group: 'student', role: 'student', ...grant, user_id: id })
        .execute();
    }
    return id;
  }

  async course(spec: { id?: number; code?: string; name?: string; active?: number; organisationId?: number } = {}) {
    const id = this.id(spec.id);
    await this.db
      .insertInto('courses')
      .values({
        course_id: id,
        organisation_id: spec.organisationId ?? 1,
        course_code: spec.code ?? `TEST ${id}`,
        course_name: spec.name ?? `Test course ${id}`,
        course_description: null,
        course_message: '',
        course_active: spec.active ?? 1,
        created_date: this.nowSeconds - 365 * DAY,
        created_by: 1,
        updated_date: this.nowSeconds - 365 * DAY,
        updated_by: 1,
      })
      .execute();
    return id;
  }

  /** A curriculum period; start and finish in days relative to now (default: 30 days ago to 60 days ahead). */
  async period(spec: { id?: number; startDays?: number; finishDays?: number; active?: number; title?: string } = {}) {
    const id = this.id(spec.id);
    await this.db
      .insertInto('curriculum_periods')
      .values({
        cperiod_id: id,
        curriculum_type_id: 1,
        curriculum_period_title: spec.title ?? `Period ${id}`,
        start_date: this.nowSeconds + (spec.startDays ?? -30) * DAY,
        finish_date: this.nowSeconds + (spec.finishDays ?? 60) * DAY,
        active: spec.active ?? 1,
      })
      .execute();
    return id;
  }

  /** A course_audience row: a learner (`proxyId`) or a group (`groupId`); enrol bounds default to 0 (open). */
  async enrol(
    spec: { course: number; period: number; proxyId?: number; groupId?: number } & Partial<
      Pick<Insertable<CourseAudienceTable>, 'enroll_start' | 'enroll_finish' | 'audience_active'>
    >,
  ): Promise<void> {
    const isGroup = spec.groupId !== undefined;
    await this.db
      .insertInto('course_audience')
      .values({
        course_id: spec.course,
        cperiod_id: spec.period,
        audience_type: isGroup ? 'group_id' : 'proxy_id',
        audience_value: (isGroup ? spec.groupId : spec.proxyId) ?? 0,
        enroll_start: spec.enroll_start ?? 0,
        enroll_finish: spec.enroll_finish ?? 0,
        audience_active: spec.audience_active ?? 1,
      })
      .execute();
  }

  async group(
    spec: {
      id?: number;
      name?: string;
      type?: GroupType;
      active?: number;
      start?: number | null;
      expire?: number | null;
      members?: Array<number | GroupMemberSpec>;
    } = {},
  ): Promise<number> {
    const id = this.id(spec.id);
    await this.db
      .insertInto('groups')
      .values({
        group_id: id,
        group_name: spec.name ?? `Group ${id}`,
        group_type: spec.type ?? 'cohort',
        group_value: null,
        start_date: spec.start ?? null,
        expire_date: spec.expire ?? null,
        group_active: spec.active ?? 1,
        created_date: this.nowSeconds - 365 * DAY,
        created_by: 1,
        updated_date: this.nowSeconds - 365 * DAY,
        updated_by: 1,
      })
      .execute();
    for (const member of spec.members ?? []) {
      const row = typeof member === 'number' ? { proxy_id: member } : member;
      await this.db
        .insertInto('group_members')
        .values({ created_date: this.nowSeconds - 365 * DAY, created_by: 1, ...row, group_id: id })
        .execute();
    }
    return id;
  }

  async contact(spec: { course: number; proxyId: number; type?: string; order?: number }): Promise<void> {
    await this.db
      .insertInto('course_contacts')
      .values({
        course_id: spec.course,
        proxy_id: spec.proxyId,
        contact_type: spec.type ?? 'director',
        contact_order: spec.order ?? 0,
      })
      .execute();
  }

  /** A learning event; `startDays` relative to now, one hour long unless `event_finish` is given. */
  async event(
    spec: { course: number; startDays: number; audience?: Array<[EventAudienceType, string]> } & Partial<
      Insertable<EventsTable>
    >,
  ): Promise<number> {
    const { course, startDays, audience = [], ...row } = spec;
    const id = this.id(row.event_id);
    const start = row.event_start ?? this.nowSeconds + startDays * DAY;
    await this.db
      .insertInto('events')
      .values({
        course_id: course,
        event_title: `Session ${id}`,
        event_start: start,
        event_finish: start + 3600,
        event_duration: 60,
        release_date: 0,
        release_until: 0,
        updated_date: this.nowSeconds,
        updated_by: 1,
        ...row,
        event_id: id,
      })
      .execute();
    for (const [audience_type, audience_value] of audience) {
      await this.db.insertInto('event_audience').values({ event_id: id, audience_type, audience_value }).execute();
    }
    return id;
  }

  async setting(shortname: string, value: string, organisationId: number | null = null): Promise<void> {
    await this.db.insertInto('settings').values({ shortname, value, organisation_id: organisationId }).execute();
  }
}
