// The Roster: what Elentra says should exist in Microsoft Teams. Desired state for the sync engine (src/sync/), read
// by read-roster.ts. Instants are JS Dates (Elentra's epoch seconds × 1000), and an "open" bound (Elentra's 0) is
// null. `people` is a Map; rosterToJson() (roster-json.ts) gives the plain-object form for `--json` and the web.
// Read-only: the assembly shares equal Dates, event audiences and empty lists between events (shared-values.ts).
import type { EventAudienceType, EventContactRole, GroupType } from '../tables.js';

export type OfferingStatus = 'upcoming' | 'current' | 'ended';

export interface Person {
  proxyId: number;
  /** Student or staff number (user_data.number); 0 when unset. */
  number: number;
  username: string | null;
  firstname: string;
  lastname: string;
  /** Trimmed; null when Elentra has none (the column holds ''). */
  email: string | null;
  emailAlt: string | null;
  organisationId: number;
  gradYear: number | null;
}

export interface Owner {
  proxyId: number;
  /** The course contact types that made this person an owner, e.g. ['director', 'faculty']. */
  contactTypes: string[];
}

/** A group of the offering's audience that was in effect when membership was evaluated. */
export interface OfferingGroup {
  groupId: number;
  groupName: string;
  groupType: GroupType;
  /**
   * Members this group contributed (before owners and excluded accounts were taken out); 0 when the offering's
   * learners were not read (RosterRule.members).
   */
  memberCount: number;
}

export interface EventAudience {
  type: EventAudienceType;
  /** As stored: Elentra keeps every kind of value in a varchar. */
  value: string;
}

export interface EventContact {
  proxyId: number;
  role: EventContactRole;
}

export interface LearningEvent {
  eventId: number;
  /** The parent session of a child event; null for top-level events. */
  parentId: number | null;
  /** The series this event belongs to (Elentra's recurring_id: the first event's id); null (Elentra's 0) for none. */
  recurringId: number | null;
  courseId: number;
  title: string;
  description: string | null;
  location: string | null;
  start: Date;
  finish: Date;
  durationMinutes: number;
  /** Visible from / until; null = open (Elentra's 0). */
  releaseFrom: Date | null;
  releaseUntil: Date | null;
  audienceVisible: boolean;
  updatedAt: Date;
  audience: EventAudience[];
  contacts: EventContact[];
}

export interface Offering {
  /** `course:{course_id}:period:{cperiod_id}`: the sync's unit of work. */
  key: string;
  courseId: number;
  courseCode: string;
  courseName: string;
  courseDescription: string | null;
  organisationId: number;
  organisationTitle: string | null;
  period: { id: number; title: string; start: Date; finish: Date };
  status: OfferingStatus;
  /** Finished (within the grace days): the sync archives its team. */
  ended: boolean;
  /** The instant enrolment windows were evaluated at: now, clamped into the period (see offering-rule.ts). */
  membershipEvaluatedAt: Date;
  /** Sorted by proxy id. Excluded accounts are not here (see Roster.excluded). */
  owners: Owner[];
  /** Proxy ids of learners, sorted; never an owner's id. */
  members: number[];
  groups: OfferingGroup[];
  /** Events of the course whose start falls in the period, sorted by start then id. */
  events: LearningEvent[];
  /** Impossible dates in this offering's Elentra rows, in words (roster/date-problems.ts); absent when none. */
  dataWarnings?: string[];
}

export type ExclusionReason = 'account-inactive' | 'access-expired' | 'no-access' | 'unknown-person';

export interface ExcludedPerson {
  proxyId: number;
  reason: ExclusionReason;
  /** Plain words for the administrator. */
  message: string;
  /** Where the person would otherwise have been, and as what. */
  offerings: Array<{ key: string; role: 'owner' | 'member' }>;
}

export interface RosterWarning {
  code: 'no-email';
  proxyId: number;
  message: string;
  offeringKeys: string[];
}

export interface RosterRule {
  now: Date;
  horizonDays: number;
  graceDays: number;
  ownerContactTypes: string[];
  organisationId: number | null;
  courseIds: number[] | null;
  appId: number;
  eventsStartFrom: Date | null;
  eventsStartUntil: Date | null;
  /** Whether learning events were read; false: every offering's `events` is empty (not "no events"). */
  events: boolean;
  /**
   * Whether every offering's learners were read; false: only those of the offerings with a learning event whose
   * audience is a graduation year (`grad_year`), and every other offering's `members` is empty (not "no members").
   */
  members: boolean;
}

export interface Roster {
  /** The options the roster was read with, defaults filled in. */
  rule: RosterRule;
  /** Sorted by course code, then period start, then key. */
  offerings: Offering[];
  /** Everyone the roster mentions: owners, members, excluded people, event contacts. */
  people: Map<number, Person>;
  excluded: ExcludedPerson[];
  warnings: RosterWarning[];
}
