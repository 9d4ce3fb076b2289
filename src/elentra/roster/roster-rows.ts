// The raw rows the roster is assembled from: what read-roster-rows.ts fetches and assemble-roster.ts (the events:
// learning-events.ts, a page at a time) turns into a Roster. Column names as in Elentra; epoch seconds as numbers.
import type { CourseAudienceType, EventAudienceType, EventContactRole, GroupType } from '../tables.js';

export interface OfferingRow {
  course_id: number;
  course_code: string;
  course_name: string;
  course_description: string | null;
  organisation_id: number;
  organisation_title: string | null;
  cperiod_id: number;
  curriculum_period_title: string | null;
  start_date: number;
  finish_date: number;
}

export interface ContactRow {
  course_id: number;
  proxy_id: number;
  contact_type: string;
  contact_order: number;
}

export interface AudienceRow {
  course_id: number;
  cperiod_id: number;
  audience_type: CourseAudienceType;
  audience_value: number;
  enroll_start: number;
  enroll_finish: number;
}

export interface GroupRow {
  group_id: number;
  group_name: string;
  group_type: GroupType;
  start_date: number | null;
  expire_date: number | null;
  group_active: number;
}

export interface GroupMemberRow {
  group_id: number;
  proxy_id: number;
  start_date: number;
  finish_date: number;
}

export interface PersonRow {
  id: number;
  number: number;
  username: string | null;
  firstname: string;
  lastname: string;
  email: string;
  email_alt: string;
  organisation_id: number;
  grad_year: number | null;
}

export interface AccessRow {
  user_id: number;
  account_active: 'true' | 'false';
  access_expires: number;
}

export interface EventRow {
  cperiod_id: number;
  event_id: number;
  parent_id: number | null;
  recurring_id: number | null;
  course_id: number;
  event_title: string;
  event_description: string | null;
  event_location: string | null;
  event_start: number;
  event_finish: number;
  event_duration: number;
  release_date: number;
  release_until: number;
  audience_visible: number;
  updated_date: number;
}

export interface EventAudienceRow {
  event_id: number;
  audience_type: EventAudienceType;
  audience_value: string;
}

export interface EventContactRow {
  event_id: number;
  proxy_id: number;
  contact_role: EventContactRole;
  contact_order: number;
}

export interface RosterRows {
  offerings: OfferingRow[];
  contacts: ContactRow[];
  /** Active course_audience rows of the offerings (windows not yet applied). */
  audience: AudienceRow[];
  groups: GroupRow[];
  /** Active group_members rows of the referenced groups (windows not yet applied). */
  groupMembers: GroupMemberRow[];
  people: PersonRow[];
  access: AccessRow[];
}

/** The events of a range of courses' offerings (read-roster-rows.ts reads them a page at a time). */
export interface EventRowsPage {
  /** One row per (event, offering): an event of two overlapping periods of its course is in both. */
  events: EventRow[];
  eventAudience: EventAudienceRow[];
  eventContacts: EventContactRow[];
}
