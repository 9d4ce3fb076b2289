// The whole planner by table: create (look up before create, adopt, a group left without a team), rename, unarchive,
// teams archived outside the sync, deleted teams flagged or recreated, ended offerings, teams whose offering left
// the roster archived (never deleted) within the run's scope only, and what each offering will record.
import { describe, expect, it } from 'vitest';
import type { Offering } from '../../elentra/roster/roster-types.js';
import type { ObservedOffering } from '../io/observed.js';
import type { PeopleResolution } from '../people/resolve-links.js';
import { buildOffering, buildPerson, buildStoredTeam, members, NOW, observedPresent } from '../testing/builders.js';
import { describeOp } from '../testing/describe-op.js';
import { type PlanOptions, planOptions } from './plan-options.js';
import { planSync } from './plan-sync.js';
import type { OfferingPlan } from './plan-types.js';

const OFFERING = buildOffering({ owners: [{ proxyId: 1, contactTypes: ['director'] }], members: [2, 3] });
const KEY = OFFERING.key;
const NICKNAME = 'elentra-3f9a2c-o1-c12-p4-med101';
const NAME = 'MED101: Anatomy (Fall 2026)';
const DESCRIPTION = 'MED101: Anatomy (Fall 2026). Owners and members are kept in step with Elentra.';
const IN_STEP = members('owner:auth', 'owner:t1', 's1', 's2');
const PEOPLE = new Map([1, 2, 3, 4].map((id) => [id, buildPerson(id)]));
const RESOLUTION: PeopleResolution = {
  userIdByProxyId: new Map([
    [1, 't1'],
    [2, 's1'],
    [3, 's2'],
  ]),
  problems: new Map([
    [4, { proxyId: 4, status: 'unmatched', reason: 'Not found in Microsoft.', lastKnownUserId: 's3' }],
  ]),
  linksToSave: [],
};

function present(team: Parameters<typeof observedPresent>[0] = {}, stored: Parameters<typeof observedPresent>[1] = {}) {
  return observedPresent({ members: IN_STEP, description: DESCRIPTION, ...team }, stored);
}

interface Case {
  name: string;
  offerings?: Offering[];
  observed?: ObservedOffering[];
  options?: Partial<PlanOptions>;
  scope?: { courseIds: number[] | null; organisationId: number | null };
  plans: Array<[key: string, lifecycle: string, status: string, ops: string[], warnings?: string[]]>;
}

const cases: Case[] = [
  // Create
  {
    name: 'no team anywhere: created, then its owners and members added (the authorizing account is its owner)',
    plans: [[KEY, 'current', 'ok', [`create ${NICKNAME}`, 'add owner:t1 member:s1,s2']]],
  },
  {
    name: 'a group with the nickname but no team: its team is made, no second group',
    observed: [{ offeringKey: KEY, stored: null, team: { state: 'groupOnly', groupId: 'g-1' }, heldRemovals: [] }],
    plans: [[KEY, 'current', 'ok', [`create ${NICKNAME} on g-1`, 'add owner:t1 member:s1,s2']]],
  },
  {
    name: 'the nickname stored at an interrupted create is the one used again (course code since changed)',
    observed: [
      {
        offeringKey: KEY,
        stored: buildStoredTeam({ teamId: null, status: 'creating', mailNickname: 'elentra-3f9a2c-o1-c12-p4-anat1' }),
        team: { state: 'absent' },
        heldRemovals: [],
      },
    ],
    plans: [[KEY, 'current', 'ok', ['create elentra-3f9a2c-o1-c12-p4-anat1', 'add owner:t1 member:s1,s2']]],
  },
  {
    name: 'found by nickname but unknown to the store (lost response): adopted, then brought in step',
    observed: [present({ members: members('owner:auth') }, { teamId: null, status: 'creating' })],
    plans: [[KEY, 'current', 'ok', ['adopt team-1', 'add owner:t1 member:s1,s2']]],
  },
  {
    name: 'an upcoming offering gets its team before term',
    offerings: [{ ...OFFERING, status: 'upcoming' }],
    plans: [[KEY, 'upcoming', 'ok', [`create ${NICKNAME}`, 'add owner:t1 member:s1,s2']]],
  },
  // In step, renames, archive state
  { name: 'in step: no change', observed: [present()], plans: [[KEY, 'current', 'ok', ['noChange']]] },
  {
    name: 'course renamed: team renamed',
    offerings: [{ ...OFFERING, courseName: 'Human Anatomy' }],
    observed: [present({ description: 'old' })],
    plans: [[KEY, 'current', 'ok', [`rename "${NAME}" → "MED101: Human Anatomy (Fall 2026)"`]]],
  },
  {
    name: 'description edited in Teams: put back',
    observed: [present({ description: 'Edited by hand' })],
    plans: [[KEY, 'current', 'ok', [`rename "${NAME}" → "${NAME}"`]]],
  },
  {
    name: 'archived by the sync and listed again: unarchived, then brought in step',
    observed: [present({ archived: true, members: members('owner:auth', 'owner:t1') }, { archivedBySync: true })],
    plans: [[KEY, 'current', 'ok', ['unarchive team-1', 'add member:s1,s2']]],
  },
  {
    name: 'archived by someone in Teams: left alone, reported',
    observed: [present({ archived: true, members: [] })],
    plans: [[KEY, 'current', 'warning', ['noChange'], ['archived-outside-sync']]],
  },
  // Deleted teams
  {
    name: 'deleted in Microsoft: flagged, not recreated',
    observed: [
      { offeringKey: KEY, stored: buildStoredTeam(), team: { state: 'deleted', teamId: 'team-1' }, heldRemovals: [] },
    ],
    plans: [[KEY, 'current', 'warning', ['deleted team-1']]],
  },
  {
    name: 'deleted in Microsoft, recreateDeletedTeams on: recreated',
    observed: [
      { offeringKey: KEY, stored: buildStoredTeam(), team: { state: 'deleted', teamId: 'team-1' }, heldRemovals: [] },
    ],
    options: { recreateDeletedTeams: true },
    plans: [
      [KEY, 'current', 'warning', ['deleted team-1 (recreate)', `create ${NICKNAME}`, 'add owner:t1 member:s1,s2']],
    ],
  },
  // Ended offerings (within the roster's grace days)
  {
    name: 'ended, never had a team: none created',
    offerings: [{ ...OFFERING, status: 'ended', ended: true }],
    plans: [[KEY, 'ended', 'warning', ['noChange'], ['ended-without-team']]],
  },
  {
    name: 'ended within the grace days: kept in step, not archived yet',
    offerings: [{ ...OFFERING, status: 'ended', ended: true }],
    observed: [present({ members: members('owner:auth', 'owner:t1', 's1') })],
    plans: [[KEY, 'ended', 'ok', ['add member:s2']]],
  },
  {
    name: 'observation failed: nothing planned, reported',
    observed: [
      {
        offeringKey: KEY,
        stored: buildStoredTeam(),
        team: { state: 'unknown', reason: 'Graph said 503.' },
        heldRemovals: [],
      },
    ],
    plans: [[KEY, 'current', 'warning', ['noChange'], ['observation-failed']]],
  },
  // People
  {
    name: 'an unmatched learner who had been a member stays, and is listed',
    offerings: [{ ...OFFERING, members: [2, 3, 4] }],
    observed: [present({ members: [...IN_STEP, ...members('s3')] })],
    plans: [[KEY, 'current', 'warning', ['noChange']]],
  },
  {
    name: 'held removals make the offering `held`',
    offerings: [{ ...OFFERING, members: [] }],
    observed: [present()],
    options: { massRemoval: { maxShare: 0.3, minimumCount: 1 } },
    plans: [[KEY, 'current', 'held', ['hold share s1,s2']]],
  },
  {
    name: 'a confirmed held removal proceeds',
    offerings: [{ ...OFFERING, members: [2] }],
    observed: [
      {
        ...present(),
        heldRemovals: [
          {
            offeringKey: KEY,
            userId: 's2',
            role: 'member',
            reason: 'x',
            createdAtMs: 0,
            confirmedAtMs: 1,
            confirmedBy: 'admin',
          },
        ],
      },
    ],
    options: { massRemoval: { maxShare: 0.1, minimumCount: 1 } },
    plans: [[KEY, 'current', 'ok', ['remove s2']]],
  },
  // Offerings that left the roster
  {
    name: 'course made inactive: its team archived, never deleted',
    offerings: [],
    observed: [present()],
    plans: [[KEY, 'gone', 'ok', ['archive team-1 (gone)']]],
  },
  {
    name: 'ended and past the grace days: archived',
    offerings: [],
    observed: [present({}, { status: 'ended' })],
    plans: [[KEY, 'ended', 'ok', ['archive team-1 (ended)']]],
  },
  {
    name: 'ended and past the grace days, archiveEndedTeams off: left active',
    offerings: [],
    observed: [present({}, { status: 'ended' })],
    options: { archiveEndedTeams: false },
    plans: [[KEY, 'ended', 'ok', ['noChange']]],
  },
  {
    name: 'archiveEndedTeams off does not spare a course made inactive',
    offerings: [],
    observed: [present()],
    options: { archiveEndedTeams: false },
    plans: [[KEY, 'gone', 'ok', ['archive team-1 (gone)']]],
  },
  {
    name: 'no run saw its grace days, but its period finished: ended, archived',
    offerings: [],
    observed: [present({}, { periodFinishAtMs: NOW.getTime() - 30 * 86_400_000 })],
    plans: [[KEY, 'ended', 'ok', ['archive team-1 (ended)']]],
  },
  {
    name: 'no run saw its grace days, archiveEndedTeams off: left active',
    offerings: [],
    observed: [present({}, { periodFinishAtMs: NOW.getTime() - 30 * 86_400_000 })],
    options: { archiveEndedTeams: false },
    plans: [[KEY, 'ended', 'ok', ['noChange']]],
  },
  {
    name: 'withdrawn before its period finished: gone, archived even with archiveEndedTeams off',
    offerings: [],
    observed: [present({}, { periodFinishAtMs: NOW.getTime() + 30 * 86_400_000 })],
    options: { archiveEndedTeams: false },
    plans: [[KEY, 'gone', 'ok', ['archive team-1 (gone)']]],
  },
  {
    name: 'gone and already archived: no change',
    offerings: [],
    observed: [present({ archived: true })],
    plans: [[KEY, 'gone', 'ok', ['noChange']]],
  },
  {
    name: 'gone and deleted in Microsoft: nothing to do',
    offerings: [],
    observed: [
      { offeringKey: KEY, stored: buildStoredTeam(), team: { state: 'deleted', teamId: 'team-1' }, heldRemovals: [] },
    ],
    plans: [[KEY, 'gone', 'ok', ['noChange']]],
  },
  {
    name: 'gone, its team found by nickname only: adopted and archived',
    offerings: [],
    observed: [present({}, { teamId: null })],
    plans: [[KEY, 'gone', 'ok', ['adopt team-1', 'archive team-1 (gone)']]],
  },
  {
    name: 'a `--course 99` run leaves other courses’ teams alone',
    offerings: [],
    observed: [present()],
    scope: { courseIds: [99], organisationId: null },
    plans: [],
  },
  {
    name: 'an organisation-scoped run leaves other organisations’ teams alone',
    offerings: [],
    observed: [present({}, { organisationId: 2 })],
    scope: { courseIds: null, organisationId: 1 },
    plans: [],
  },
];

function plan(c: Case) {
  const observed = new Map((c.observed ?? []).map((o) => [o.offeringKey, o]));
  return planSync({
    offerings: c.offerings ?? [OFFERING],
    scope: c.scope ?? { courseIds: null, organisationId: null },
    people: PEOPLE,
    resolution: RESOLUTION,
    observed,
    options: planOptions({ siteId: '3f9a2c', authorizingUserId: 'auth', ...c.options }),
    now: NOW,
  });
}

function summary(offering: OfferingPlan) {
  const row: [string, string, string, string[], string[]?] = [
    offering.offeringKey,
    offering.lifecycle,
    offering.expectedStatus,
    offering.operations.map(describeOp),
  ];
  if (offering.warnings.length > 0) row.push(offering.warnings.map((w) => w.code));
  return row;
}

describe('planSync', () => {
  it.each(cases)('$name', (c) => {
    expect(plan(c).offerings.map(summary)).toEqual(c.plans);
  });

  it('a new team is private, standard, named from the templates', () => {
    const created = plan({ name: '', plans: [] }).offerings[0]?.operations[0];
    expect(created).toEqual({
      kind: 'createTeam',
      offeringKey: KEY,
      displayName: NAME,
      description: DESCRIPTION,
      mailNickname: NICKNAME,
      template: 'standard',
      visibility: 'private',
      existingGroupId: null,
    });
  });

  it('lists the unmatched per offering with the reason', () => {
    const result = plan({
      name: '',
      offerings: [{ ...OFFERING, members: [2, 3, 4] }],
      observed: [present()],
      plans: [],
    });
    expect(result.offerings[0]?.unmatched).toEqual([
      { proxyId: 4, name: 'First4 Last4', role: 'member', status: 'unmatched', reason: 'Not found in Microsoft.' },
    ]);
  });

  it('member operations on a team being created name no team id', () => {
    const operations = plan({ name: '', plans: [] }).offerings[0]?.operations ?? [];
    expect(operations[1]).toMatchObject({ kind: 'addMembers', teamId: null });
  });

  it('a team archived by the sync whose offering is gone is not touched again', () => {
    const observed = present({ archived: true }, { archivedBySync: true });
    expect(plan({ name: '', offerings: [], observed: [observed], plans: [] }).offerings[0]?.operations).toEqual([
      { kind: 'noChange', offeringKey: KEY, teamId: 'team-1' },
    ]);
  });

  it('the generated time is the run’s', () => {
    expect(plan({ name: '', plans: [] }).generatedAt).toBe(NOW.toISOString());
  });
});
