// The rule that decides which course offerings exist and who belongs to them, as pure functions of epoch seconds.
//
// An OFFERING is a (course, curriculum period) pair that has at least one `course_audience` row (active or not: an
// offering whose audience was switched off still exists, with no members), where the course is active
// (`course_active = 1`), the period is active (`active = 1`), the period starts within `horizonDays` of now, and it
// has not finished more than `graceDays` ago. Status: `upcoming` (starts after now), `current`, or `ended` (finished,
// still within the grace days, so that the sync can archive its team).
//
// MEMBERSHIP is evaluated at one instant per offering: now, clamped into the period. So a team prepared before term
// gets the learners enrolled from the first day, and a team that just ended keeps its class list while it is
// archived. Every window — course_audience enroll_start/enroll_finish, groups start_date/expire_date,
// group_members start_date/finish_date — is inclusive at both ends, with 0 (or NULL) meaning open.
import type { OfferingStatus } from './roster-types.js';

export const DEFAULT_HORIZON_DAYS = 120;
export const DEFAULT_GRACE_DAYS = 14;
export const DEFAULT_OWNER_CONTACT_TYPES: readonly string[] = [
  'director',
  'ccoordinator',
  'faculty',
  'pcoordinator',
  'ta',
];
/** Elentra's own application id in `user_access.app_id` (AUTH_APP_ID of a standard install). */
export const DEFAULT_AUTH_APP_ID = 1;

const SECONDS_PER_DAY = 86_400;

export function toEpochSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

export function fromEpochSeconds(seconds: number): Date {
  return new Date(seconds * 1000);
}

/** Elentra's "no date" (0, and NULL in nullable columns) as null; any other value as a Date. */
export function optionalInstant(seconds: number | null): Date | null {
  return seconds === null || seconds === 0 ? null : fromEpochSeconds(seconds);
}

/** The bounds a period must meet: `start_date <= startsBy` and `finish_date >= finishedAfter`. */
export function offeringWindow(
  nowSeconds: number,
  horizonDays: number,
  graceDays: number,
): { startsBy: number; finishedAfter: number } {
  return {
    startsBy: nowSeconds + horizonDays * SECONDS_PER_DAY,
    finishedAfter: nowSeconds - graceDays * SECONDS_PER_DAY,
  };
}

export function offeringStatus(startSeconds: number, finishSeconds: number, nowSeconds: number): OfferingStatus {
  if (nowSeconds < startSeconds) return 'upcoming';
  if (nowSeconds > finishSeconds) return 'ended';
  return 'current';
}

/** Now, clamped into [start, finish]: the instant an offering's membership is evaluated at. */
export function membershipInstant(startSeconds: number, finishSeconds: number, nowSeconds: number): number {
  return Math.min(Math.max(nowSeconds, startSeconds), Math.max(startSeconds, finishSeconds));
}

/** Whether `at` falls in [start, finish], where 0 or null on either side means open. */
export function withinWindow(startSeconds: number | null, finishSeconds: number | null, at: number): boolean {
  if (startSeconds !== null && startSeconds !== 0 && at < startSeconds) return false;
  if (finishSeconds !== null && finishSeconds !== 0 && at > finishSeconds) return false;
  return true;
}

export function offeringKey(courseId: number, periodId: number): string {
  return `course:${courseId}:period:${periodId}`;
}
