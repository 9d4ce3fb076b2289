// Test data for the sync's pure core: people, offerings, links and observed teams with sensible defaults and
// overrides (Outline's `buildUser(overrides)`). Microsoft user ids in tests are short names (`u-ada`) for readability.
import type { Offering, Person } from '../../elentra/roster/roster-types.js';
import type { ObservedMember, ObservedOffering, ObservedTeam } from '../io/observed.js';
import type { StoredTeam } from '../io/sync-store.js';
import type { UserLink } from '../people/link-types.js';

export const NOW = new Date('2026-10-01T12:00:00Z');
export const NOW_MS = NOW.getTime();
export const DAY_MS = 86_400_000;

export function buildPerson(proxyId: number, overrides: Partial<Person> = {}): Person {
  return {
    proxyId,
    number: 0,
    username: `user${proxyId}`,
    firstname: `First${proxyId}`,
    lastname: `Last${proxyId}`,
    email: `p${proxyId}@school.edu`,
    emailAlt: null,
    organisationId: 1,
    gradYear: null,
    ...overrides,
  };
}

export function buildOffering(overrides: Partial<Offering> = {}): Offering {
  const courseId = overrides.courseId ?? 12;
  const period = overrides.period ?? {
    id: 4,
    title: 'Fall 2026',
    start: new Date('2026-09-01T00:00:00Z'),
    finish: new Date('2026-12-20T00:00:00Z'),
  };
  return {
    key: `course:${courseId}:period:${period.id}`,
    courseId,
    courseCode: 'MED101',
    courseName: 'Anatomy',
    courseDescription: null,
    organisationId: 1,
    organisationTitle: 'School of Medicine',
    period,
    status: 'current',
    ended: false,
    membershipEvaluatedAt: NOW,
    owners: [],
    members: [],
    groups: [],
    events: [],
    ...overrides,
  };
}

export function matchedLink(proxyId: number, userId: string, overrides: Partial<UserLink> = {}): UserLink {
  return {
    proxyId,
    userId,
    matchedBy: 'email',
    matchedValue: `p${proxyId}@school.edu`,
    status: 'matched',
    reason: null,
    checkedAtMs: NOW_MS - DAY_MS,
    ...overrides,
  };
}

/** `owner:u-ada` is an owner, `u-bob` a member; membership ids are `m-{userId}`. */
export function members(...specs: string[]): ObservedMember[] {
  return specs.map((spec) => {
    const owner = spec.startsWith('owner:');
    const userId = owner ? spec.slice('owner:'.length) : spec;
    return { userId, roles: owner ? ['owner'] : [], membershipId: `m-${userId}` };
  });
}

export function buildTeam(overrides: Partial<ObservedTeam> = {}): ObservedTeam {
  return {
    teamId: 'team-1',
    mailNickname: 'elentra-3f9a2c-o1-c12-p4-med101',
    displayName: 'MED101: Anatomy (Fall 2026)',
    description: '',
    archived: false,
    members: [],
    source: 'graph',
    ...overrides,
  };
}

export function buildStoredTeam(overrides: Partial<StoredTeam> = {}): StoredTeam {
  return {
    offeringKey: 'course:12:period:4',
    courseId: 12,
    periodId: 4,
    organisationId: 1,
    teamId: 'team-1',
    mailNickname: 'elentra-3f9a2c-o1-c12-p4-med101',
    displayName: 'MED101: Anatomy (Fall 2026)',
    description: '',
    status: 'current',
    archivedBySync: false,
    lastSyncedAtMs: NOW_MS - DAY_MS,
    periodFinishAtMs: null,
    ...overrides,
  };
}

/** An offering whose team exists, is known to the store and has these members. */
export function observedPresent(team: Partial<ObservedTeam> = {}, stored: Partial<StoredTeam> = {}): ObservedOffering {
  const built = buildTeam(team);
  return {
    offeringKey: stored.offeringKey ?? 'course:12:period:4',
    stored: buildStoredTeam({ teamId: built.teamId, ...stored }),
    team: { state: 'present', team: built },
    heldRemovals: [],
  };
}
