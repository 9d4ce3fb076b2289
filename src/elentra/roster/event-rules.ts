// Two questions the event sync (src/sync/, issue 6) asks of a learning event, answered from the Roster alone:
// is it released at an instant, and is its audience the offering's (rather than, say, one learner's make-up session
// or another course's cohort)? Pure.
import type { LearningEvent, Offering } from './roster-types.js';

/** Released at `at`: after release_date and before release_until, each open when Elentra stores 0. */
export function isEventReleased(event: LearningEvent, at: Date): boolean {
  if (event.releaseFrom !== null && at < event.releaseFrom) return false;
  if (event.releaseUntil !== null && at > event.releaseUntil) return false;
  return true;
}

/**
 * True when one of the event's audience rows is the offering's audience: the course itself, one of the groups or
 * cohorts in effect for the offering, or the organisation. `grad_year` rows match when a member of the offering has
 * that graduation year (pass the roster's people to check it; a roster read with `members: false` still has the
 * members, and their people, of every offering with such an event). `proxy_id` rows never match: a session for named
 * learners (a make-up, a remediation) does not belong in the whole team's calendar. An event with no audience rows is
 * treated as the course's.
 */
export function eventTargetsOffering(
  event: LearningEvent,
  offering: Offering,
  people?: ReadonlyMap<number, { gradYear: number | null }>,
): boolean {
  if (event.audience.length === 0) return true;
  const groupIds = new Set(offering.groups.map((group) => String(group.groupId)));
  return event.audience.some(({ type, value }) => {
    switch (type) {
      case 'course_id':
        return value === String(offering.courseId);
      case 'group_id':
      case 'cohort':
        return groupIds.has(value);
      case 'organisation_id':
        return value === String(offering.organisationId);
      case 'proxy_id':
        return false;
      case 'grad_year':
        return offering.members.some((proxyId) => String(people?.get(proxyId)?.gradYear) === value);
      default:
        return false;
    }
  });
}
