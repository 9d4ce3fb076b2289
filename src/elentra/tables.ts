// Kysely row types of the Elentra tables this integration reads, with their real names and column names
// (../../../shared/ref/elentra/core-tables.sql, Entrada ME 1.12). Only the columns we use are typed, plus the NOT NULL
// columns that have no default: an INSERT (the demo seed, test fixtures) must name those or MariaDB's strict mode
// refuses it. `Generated<T>` marks a column with a default, so inserts may leave it out.
// `user_data`, `user_access` and `organisations` live in the auth database (`entrada_auth`); see open-elentra.ts.
import type { Generated } from 'kysely';

/** Epoch seconds, as Elentra stores every date (bigint). 0 usually means "no date" (an open window). */
export type EpochSeconds = number;

export interface SettingsTable {
  setting_id: Generated<number>;
  shortname: string;
  /** NULL = the global row; an organisation's row wins over it. */
  organisation_id: number | null;
  value: string;
}

export interface OrganisationsTable {
  organisation_id: Generated<number>;
  organisation_title: Generated<string>;
  organisation_url: string;
  organisation_active: Generated<number>;
}

export interface CoursesTable {
  course_id: Generated<number>;
  organisation_id: Generated<number>;
  course_name: Generated<string>;
  course_code: Generated<string>;
  course_description: string | null;
  course_message: string;
  course_active: Generated<number>;
  created_date: EpochSeconds;
  created_by: number;
  updated_date: EpochSeconds;
  updated_by: number;
}

export interface CurriculumPeriodsTable {
  cperiod_id: Generated<number>;
  curriculum_type_id: number;
  curriculum_period_title: string | null;
  start_date: EpochSeconds;
  finish_date: EpochSeconds;
  active: Generated<number>;
}

/** Elentra's documented contact types; the column is a varchar, so other values can occur. */
export type CourseContactType =
  | 'director'
  | 'ccoordinator'
  | 'faculty'
  | 'pcoordinator'
  | 'ccmember'
  | 'evaluationrep'
  | 'studentrep'
  | 'ta';

export interface CourseContactsTable {
  contact_id: Generated<number>;
  course_id: number;
  proxy_id: number;
  contact_type: string;
  contact_order: Generated<number>;
}

export type CourseAudienceType = 'proxy_id' | 'group_id';

export interface CourseAudienceTable {
  caudience_id: Generated<number>;
  course_id: number;
  audience_type: CourseAudienceType;
  /** A proxy_id or a group_id, depending on audience_type. */
  audience_value: number;
  cperiod_id: number;
  enroll_start: EpochSeconds;
  enroll_finish: EpochSeconds;
  audience_active: Generated<number>;
}

export type GroupType = 'course_list' | 'cohort';

export interface GroupsTable {
  group_id: Generated<number>;
  group_name: string;
  group_type: Generated<GroupType>;
  group_value: number | null;
  start_date: EpochSeconds | null;
  expire_date: EpochSeconds | null;
  group_active: Generated<number>;
  created_date: EpochSeconds;
  created_by: number;
  updated_date: EpochSeconds;
  updated_by: number;
}

export interface GroupMembersTable {
  gmember_id: Generated<number>;
  group_id: number;
  proxy_id: number;
  start_date: Generated<EpochSeconds>;
  finish_date: Generated<EpochSeconds>;
  member_active: Generated<number>;
  created_date: EpochSeconds;
  created_by: number;
}

export interface EventsTable {
  event_id: Generated<number>;
  parent_id: number | null;
  recurring_id: number | null;
  course_id: number;
  event_title: string;
  event_description: string | null;
  event_location: string | null;
  event_start: EpochSeconds;
  event_finish: EpochSeconds;
  /** Minutes. */
  event_duration: number;
  release_date: EpochSeconds;
  release_until: EpochSeconds;
  audience_visible: Generated<number>;
  updated_date: EpochSeconds;
  updated_by: number;
}

export type EventAudienceType = 'proxy_id' | 'grad_year' | 'cohort' | 'organisation_id' | 'group_id' | 'course_id';

export interface EventAudienceTable {
  eaudience_id: Generated<number>;
  event_id: number;
  audience_type: EventAudienceType;
  /** varchar(16) in Elentra, whatever the type: a proxy_id, a year, a group_id… as text. */
  audience_value: string;
}

export type EventContactRole = 'teacher' | 'tutor' | 'ta' | 'auditor';

export interface EventContactsTable {
  econtact_id: Generated<number>;
  event_id: number;
  proxy_id: number;
  contact_role: EventContactRole;
  contact_order: Generated<number>;
}

export interface UserDataTable {
  /** The proxy_id used everywhere else. */
  id: Generated<number>;
  number: Generated<number>;
  username: string | null;
  organisation_id: Generated<number>;
  prefix: Generated<string>;
  firstname: Generated<string>;
  lastname: Generated<string>;
  /** '' when unknown: the column is NOT NULL. */
  email: Generated<string>;
  email_alt: Generated<string>;
  notes: string;
  grad_year: number | null;
  created_date: EpochSeconds;
  created_by: number;
}

export interface UserAccessTable {
  id: Generated<number>;
  user_id: number;
  app_id: number;
  organisation_id: number;
  /** An enum of strings in Elentra, not a boolean. */
  account_active: Generated<'true' | 'false'>;
  access_starts: Generated<EpochSeconds>;
  /** 0 = never expires. */
  access_expires: Generated<EpochSeconds>;
  role: Generated<string>;
  group: Generated<string>;
}

/** Every Elentra table the integration touches, by its real name. */
export interface ElentraTables {
  settings: SettingsTable;
  organisations: OrganisationsTable;
  courses: CoursesTable;
  curriculum_periods: CurriculumPeriodsTable;
  course_contacts: CourseContactsTable;
  course_audience: CourseAudienceTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  events: EventsTable;
  event_audience: EventAudienceTable;
  event_contacts: EventContactsTable;
  user_data: UserDataTable;
  user_access: UserAccessTable;
}

/** The tables Elentra keeps in its auth database (`ELENTRA_AUTH_DATABASE`), per core-tables.sql. */
export const AUTH_DATABASE_TABLES: ReadonlySet<string> = new Set(['user_data', 'user_access', 'organisations']);
