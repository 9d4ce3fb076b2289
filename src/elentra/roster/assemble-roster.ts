// Turns the roster's rows into a Roster: per offering, owners and members (membership.ts), accounts checked
// (people-status.ts), events attached (learning-events.ts); across offerings, the excluded people and the warnings.
// Linear in the number of rows; every list comes out sorted so that two reads of the same data are equal. The events
// arrive already made (learning-events.ts RosterEvents, filled a page of rows at a time while they are read), and
// equal instants are shared with them (shared-values.ts).
import { enrolmentProblem, periodProblem } from './date-problems.js';
import { byStartThenId, compareText, type RosterEvents } from './learning-events.js';
import { membersFromAudience, ownersFromContacts } from './membership.js';
import { membershipInstant, offeringKey, offeringStatus, toEpochSeconds } from './offering-rule.js';
import { describePerson, type Exclusion, exclusionOf, toPerson } from './people-status.js';
import type { OfferingRow, PersonRow, RosterRows } from './roster-rows.js';
import type {
  ExcludedPerson,
  LearningEvent,
  Offering,
  Person,
  Roster,
  RosterRule,
  RosterWarning,
} from './roster-types.js';
import type { SharedValues } from './shared-values.js';

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [item]);
    else list.push(item);
  }
  return groups;
}

const hasGradYearAudience = (event: LearningEvent): boolean => event.audience.some((a) => a.type === 'grad_year');

/** `events`: the event rows already read into it (a page at a time); `shared`: the values it shares. */
export function assembleRoster(rows: RosterRows, events: RosterEvents, rule: RosterRule, shared: SharedValues): Roster {
  const nowSeconds = toEpochSeconds(rule.now);
  const personRows = new Map(rows.people.map((row) => [row.id, row]));
  const accessByUser = groupBy(rows.access, (row) => row.user_id);
  const contactsByCourse = groupBy(rows.contacts, (row) => row.course_id);
  const audienceByOffering = groupBy(rows.audience, (row) => offeringKey(row.course_id, row.cperiod_id));
  const groups = new Map(rows.groups.map((row) => [row.group_id, row]));
  const membersByGroup = groupBy(rows.groupMembers, (row) => row.group_id);

  const exclusionCache = new Map<number, Exclusion | null>();
  const excluded = new Map<number, ExcludedPerson>();
  const warnings = new Map<number, RosterWarning>();
  const mentioned = new Set<number>();

  /** Records an exclusion or a missing e-mail for `proxyId` in `key`; true when the person may be synced. */
  const admit = (proxyId: number, key: string, role: 'owner' | 'member'): boolean => {
    const person = personRows.get(proxyId);
    let exclusion = exclusionCache.get(proxyId);
    if (exclusion === undefined) {
      exclusion = exclusionOf(proxyId, person, accessByUser.get(proxyId) ?? [], nowSeconds, rule.appId);
      exclusionCache.set(proxyId, exclusion);
    }
    if (person !== undefined) mentioned.add(proxyId);
    if (exclusion !== null) {
      const entry = excluded.get(proxyId) ?? { proxyId, ...exclusion, offerings: [] };
      entry.offerings.push({ key, role });
      excluded.set(proxyId, entry);
      return false;
    }
    if (person !== undefined && person.email.trim() === '') noteMissingEmail(proxyId, person, key);
    return true;
  };

  const noteMissingEmail = (proxyId: number, person: PersonRow, key: string): void => {
    const existing = warnings.get(proxyId);
    if (existing !== undefined) {
      if (!existing.offeringKeys.includes(key)) existing.offeringKeys.push(key);
      return;
    }
    const alt = person.email_alt.trim();
    const consequence = alt
      ? `only their alternative address (${alt}) can match them to a Microsoft account`
      : 'they cannot be matched to a Microsoft account by e-mail';
    warnings.set(proxyId, {
      code: 'no-email',
      proxyId,
      message: `${describePerson(proxyId, person)} has no e-mail address in Elentra: ${consequence}.`,
      offeringKeys: [key],
    });
  };

  const buildOffering = (row: OfferingRow): Offering => {
    const key = offeringKey(row.course_id, row.cperiod_id);
    const atSeconds = membershipInstant(row.start_date, row.finish_date, nowSeconds);
    const offeringEvents = events.byOffering.get(key) ?? [];
    offeringEvents.sort(byStartThenId);
    // Read with `members: false`, the learners are there only for an offering with a `grad_year` event audience.
    const learners = rule.members || offeringEvents.some(hasGradYearAudience);
    const candidateOwners = ownersFromContacts(contactsByCourse.get(row.course_id) ?? []);
    const audienceRows = audienceByOffering.get(key) ?? [];
    const audience = membersFromAudience(audienceRows, groups, membersByGroup, atSeconds, learners);
    // A person who is both a contact and in the audience is an owner only.
    for (const owner of candidateOwners) audience.members.delete(owner.proxyId);
    const owners = candidateOwners.filter((owner) => admit(owner.proxyId, key, 'owner'));
    const members = [...audience.members].sort((a, b) => a - b).filter((proxyId) => admit(proxyId, key, 'member'));
    const dataWarnings = [
      periodProblem(row),
      ...audienceRows.map(enrolmentProblem),
      ...(events.problems.get(key) ?? []),
    ].filter((warning): warning is string => warning !== null);
    for (const event of offeringEvents) {
      for (const contact of event.contacts) if (personRows.has(contact.proxyId)) mentioned.add(contact.proxyId);
    }
    const status = offeringStatus(row.start_date, row.finish_date, nowSeconds);
    return {
      key,
      courseId: row.course_id,
      courseCode: row.course_code,
      courseName: row.course_name,
      courseDescription: row.course_description,
      organisationId: row.organisation_id,
      organisationTitle: row.organisation_title,
      period: {
        id: row.cperiod_id,
        title: row.curriculum_period_title ?? '',
        start: shared.instant(row.start_date),
        finish: shared.instant(row.finish_date),
      },
      status,
      ended: status === 'ended',
      membershipEvaluatedAt: shared.instant(atSeconds),
      owners,
      members,
      groups: audience.groups,
      events: offeringEvents,
      ...(dataWarnings.length > 0 ? { dataWarnings } : {}),
    };
  };

  // Sorted before building, so that the offering lists of `excluded` and `warnings` come out in the same order.
  const offerings = [...rows.offerings]
    .sort(
      (a, b) =>
        compareText(a.course_code, b.course_code) ||
        a.start_date - b.start_date ||
        compareText(offeringKey(a.course_id, a.cperiod_id), offeringKey(b.course_id, b.cperiod_id)),
    )
    .map(buildOffering);
  // Without events, their contacts are still people the roster mentions (user-names.ts names held removals by them).
  if (!rule.events) {
    for (const proxyId of events.contactIds) if (personRows.has(proxyId)) mentioned.add(proxyId);
  }
  const people = new Map<number, Person>();
  for (const proxyId of [...mentioned].sort((a, b) => a - b)) {
    const row = personRows.get(proxyId);
    if (row !== undefined) people.set(proxyId, toPerson(row));
  }
  return {
    rule,
    offerings,
    people,
    excluded: [...excluded.values()].sort((a, b) => a.proxyId - b.proxyId),
    warnings: [...warnings.values()].sort((a, b) => a.proxyId - b.proxyId),
  };
}
