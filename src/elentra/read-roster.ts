// readRoster(): what Elentra says should be in Microsoft Teams — the course offerings (the rule is documented in
// roster/offering-rule.ts), their owners, members and learning events, the people, and who was left out and why.
// Set-based queries (roster/read-roster-rows.ts): six, then three per page of learning events, each page turned
// into LearningEvents (roster/learning-events.ts) before the next is read; then a pure assembly
// (roster/assemble-roster.ts). Each sync reads only what it uses: the teams sync no events (`events: false`), the
// event sync learners only where a `grad_year` event audience needs them (`members: false`).
import { UsageError } from '../lib/errors.js';
import type { ElentraHandle } from './open-elentra.js';
import { assembleRoster } from './roster/assemble-roster.js';
import { RosterEvents } from './roster/learning-events.js';
import {
  DEFAULT_AUTH_APP_ID,
  DEFAULT_GRACE_DAYS,
  DEFAULT_HORIZON_DAYS,
  DEFAULT_OWNER_CONTACT_TYPES,
  offeringWindow,
  toEpochSeconds,
} from './roster/offering-rule.js';
import { type RosterFilter, readEventRowsInPages, readRosterRows } from './roster/read-roster-rows.js';
import type { Roster, RosterRule } from './roster/roster-types.js';
import { SharedValues } from './roster/shared-values.js';

export interface ReadRosterOptions {
  now: Date;
  /** Offerings whose period starts within this many days are included (default 120). */
  horizonDays?: number;
  /** Offerings whose period finished within this many days are included, `ended: true` (default 14). */
  graceDays?: number;
  /** Course contact types that become team owners (default director, ccoordinator, faculty, pcoordinator, ta). */
  ownerContactTypes?: readonly string[];
  organisationId?: number | null;
  /** Only these courses (e.g. `--course ID`); default every course. */
  courseIds?: readonly number[] | null;
  /** `user_access.app_id` of Elentra itself (default 1). */
  appId?: number;
  /** Only events starting in this window (default: every event in the period). */
  eventsStartFrom?: Date | null;
  eventsStartUntil?: Date | null;
  /**
   * Read the learning events (default true). `false` leaves every offering's `events` empty and reads only the events
   * with impossible dates (their warnings stay) and the events' contacts (they stay among the people): the teams sync
   * never uses the events themselves, and at 200,000 they are most of the read's time and memory.
   */
  events?: boolean;
  /**
   * Read every offering's learners (default true). `false` reads them (group members, learners enrolled directly, and
   * the people they are) only for the offerings with a learning event whose audience is a graduation year
   * (`grad_year`), the only use the event sync has for them (eventTargetsOffering); every other offering's `members`
   * is empty, its groups in effect are listed with a `memberCount` of 0, and its learners are in neither `people` nor
   * `excluded` nor `warnings`. Owners, groups, events and their contacts are read as usual. At 500,000 memberships
   * the learners are about a third of the event sync's peak memory.
   */
  members?: boolean;
}

export function rosterRule(options: ReadRosterOptions): RosterRule {
  const rule: RosterRule = {
    now: options.now,
    horizonDays: options.horizonDays ?? DEFAULT_HORIZON_DAYS,
    graceDays: options.graceDays ?? DEFAULT_GRACE_DAYS,
    ownerContactTypes: [...(options.ownerContactTypes ?? DEFAULT_OWNER_CONTACT_TYPES)],
    organisationId: options.organisationId ?? null,
    courseIds: options.courseIds ? [...new Set(options.courseIds)].sort((a, b) => a - b) : null,
    appId: options.appId ?? DEFAULT_AUTH_APP_ID,
    eventsStartFrom: options.eventsStartFrom ?? null,
    eventsStartUntil: options.eventsStartUntil ?? null,
    events: options.events ?? true,
    members: options.members ?? true,
  };
  if (rule.ownerContactTypes.length === 0) {
    throw new UsageError('At least one course contact type must make team owners (e.g. director, faculty).', {
      code: 'config.owner_contact_types',
    });
  }
  if (!(rule.horizonDays >= 0 && rule.graceDays >= 0)) {
    throw new UsageError('The offering horizon and grace days must be zero or more.', { code: 'config.roster' });
  }
  return rule;
}

/** The SQL side of a rule (roster/read-roster-rows.ts): the offering window as instants, the rest as given. */
export function rosterFilter(rule: RosterRule): RosterFilter {
  const { startsBy, finishedAfter } = offeringWindow(toEpochSeconds(rule.now), rule.horizonDays, rule.graceDays);
  return {
    startsBy,
    finishedAfter,
    organisationId: rule.organisationId,
    courseIds: rule.courseIds,
    ownerContactTypes: rule.ownerContactTypes,
    appId: rule.appId,
    eventsFrom: rule.eventsStartFrom === null ? null : toEpochSeconds(rule.eventsStartFrom),
    eventsUntil: rule.eventsStartUntil === null ? null : toEpochSeconds(rule.eventsStartUntil),
    events: rule.events,
    members: rule.members,
  };
}

/**
 * Reads the desired state from Elentra.
 *
 * @example
 * const roster = await readRoster(elentra, { now: new Date() });
 * for (const offering of roster.offerings) console.log(offering.key, offering.owners.length, offering.members.length);
 */
export async function readRoster(handle: ElentraHandle, options: ReadRosterOptions): Promise<Roster> {
  const rule = rosterRule(options);
  const empty: Roster = { rule, offerings: [], people: new Map(), excluded: [], warnings: [] };
  if (rule.courseIds !== null && rule.courseIds.length === 0) return empty;
  const filter = rosterFilter(rule);
  const rows = await readRosterRows(handle.db, filter);
  const shared = new SharedValues();
  const events = new RosterEvents(rule.events, shared);
  const courseIds = rows.offerings.map((offering) => offering.course_id);
  await readEventRowsInPages(handle.db, filter, courseIds, (page) => events.add(page));
  return assembleRoster(rows, events, rule, shared);
}
