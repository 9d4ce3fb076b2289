// The membership planner by table (Canvas-style): adds, removals, promotions, demotions, the last owner, the
// mass-removal guard at its edges (members only in the share) and on all owners, Microsoft's caps, the authorizing account kept or removed, and
// unmatched people never removed. Operations are written compactly: `add owner:t1 member:s1`, `remove s1`, …
import { describe, expect, it } from 'vitest';
import { members as observed } from '../../testing/builders.js';
import { describeOp } from '../../testing/describe-op.js';
import { DEFAULT_MASS_REMOVAL } from '../plan-options.js';
import type { Caps } from './member-limits.js';
import { currentMembers, type MembershipOptions, planMembership } from './plan-membership.js';

interface Case {
  name: string;
  /** `owner:t1`, `s1` (see builders.members). */
  current: string[];
  owners: string[];
  members: string[];
  protected?: string[];
  confirmed?: string[];
  /** Held on an earlier run, not confirmed. */
  stillHeld?: string[];
  options?: Partial<MembershipOptions>;
  caps?: Caps;
  ops: string[];
  warnings?: string[];
}

const AUTH = 'auth';
/** Ten members (s0 … s9: one digit, so they sort as numbered) and one owner. */
const learners = ['s0', 's1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9'];
const ten = ['owner:t1', ...learners];
const newcomers = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8', 'n9'];

const cases: Case[] = [
  // Adds, removals, role changes
  {
    name: 'a new team: owners then members, one request',
    current: [],
    owners: ['t1'],
    members: ['s1', 's2'],
    ops: ['add owner:t1 member:s1,s2'],
  },
  { name: 'nothing changed: nothing to do', current: ['owner:t1', 's1'], owners: ['t1'], members: ['s1'], ops: [] },
  { name: 'a student dropped', current: ['owner:t1', 's1', 's2'], owners: ['t1'], members: ['s1'], ops: ['remove s2'] },
  {
    name: 'removals before additions',
    current: ['owner:t1', 's1'],
    owners: ['t1'],
    members: ['s2'],
    ops: ['remove s1', 'add member:s2'],
  },
  {
    name: 'a student became a teacher: promoted',
    current: ['owner:t1', 's1'],
    owners: ['t1', 's1'],
    members: [],
    ops: ['promote s1'],
  },
  {
    name: 'a teacher became a student: demoted',
    current: ['owner:t1', 'owner:t2'],
    owners: ['t1'],
    members: ['t2'],
    ops: ['demote t2'],
  },
  {
    name: 'demotions before additions, promotions last',
    current: ['owner:t1', 'owner:t2', 's1'],
    owners: ['t1', 's1'],
    members: ['t2', 's2'],
    ops: ['demote t2', 'add member:s2', 'promote s1'],
  },
  {
    name: 'a guest added by hand in Teams is removed',
    current: ['owner:t1', 's1', 'guest-1'],
    owners: ['t1'],
    members: ['s1'],
    ops: ['remove guest-1'],
  },
  // The last owner
  {
    name: 'owner handed over (forced): the new owner is added first',
    current: ['owner:t1', 's1'],
    owners: ['t2'],
    members: ['s1'],
    options: { force: true },
    ops: ['add owner:t2', 'remove t1'],
  },
  {
    name: 'every owner demoted: new owners added and promoted first',
    current: ['owner:t1', 's1'],
    owners: ['t2', 's1'],
    members: ['t1'],
    ops: ['add owner:t2', 'promote s1', 'demote t1'],
  },
  {
    name: 'no matched owner in Elentra: the current owner is kept, not demoted',
    current: ['owner:t1', 's1'],
    owners: [],
    members: ['t1', 's1'],
    ops: [],
    warnings: ['owners-kept'],
  },
  {
    name: 'no matched owner in Elentra: the current owner is kept, other removals go on',
    current: ['owner:t1', 's1', 's2'],
    owners: [],
    members: ['s1'],
    ops: ['remove s2'],
    warnings: ['owners-kept'],
  },
  {
    name: 'no owner anywhere: reported',
    current: [],
    owners: [],
    members: ['s1'],
    ops: ['add member:s1'],
    warnings: ['no-matched-owner'],
  },
  // The mass-removal guard: the share counts members (non-owners) only; every owner removed is a rule of its own
  {
    name: 'guard: 3 of 10 (30 %) is not more than 30 %',
    current: ten,
    owners: ['t1'],
    members: learners.slice(3),
    ops: ['remove s0,s1,s2'],
  },
  {
    name: 'guard: 4 of 10 (40 %) held, additions still made',
    current: ten,
    owners: ['t1'],
    members: [...learners.slice(4), 'new'],
    ops: ['add member:new', 'hold share s0,s1,s2,s3'],
  },
  {
    name: 'guard: 2 of 4 (50 %) is under the minimum count of 3',
    current: ['owner:t1', 's1', 's2', 's3', 's4'],
    owners: ['t1'],
    members: ['s3', 's4'],
    ops: ['remove s1,s2'],
  },
  {
    name: 'guard: 2 of 4 held when the minimum count is 1',
    current: ['owner:t1', 's1', 's2', 's3', 's4'],
    owners: ['t1'],
    members: ['s3', 's4'],
    options: { massRemoval: { maxShare: 0.3, minimumCount: 1 } },
    ops: ['hold share s1,s2'],
  },
  {
    name: 'guard: owners are not in the share (4 of 10 members held, though only 4 of 15 people)',
    current: ['owner:t1', 'owner:t2', 'owner:t3', 'owner:t4', 'owner:t5', ...learners],
    owners: ['t1', 't2', 't3', 't4', 't5'],
    members: learners.slice(4),
    ops: ['hold share s0,s1,s2,s3'],
  },
  {
    name: 'guard: owners removed while another stays are not a mass removal (3 of 8 people)',
    current: ['owner:t1', 'owner:t2', 'owner:t3', 'owner:t4', 'owner:t5', 's1', 's2', 's3'],
    owners: ['t1', 't5'],
    members: ['s1', 's2', 's3'],
    ops: ['remove t2,t3,t4'],
  },
  {
    name: 'guard: every owner removed is held even when few',
    current: ['owner:t1', 'owner:t2', 's1', 's2', 's3', 's4', 's5', 's6'],
    owners: ['t3'],
    members: ['s1', 's2', 's3', 's4', 's5', 's6'],
    ops: ['add owner:t3', 'hold allOwners t1,t2'],
  },
  {
    name: 'guard: both rules trip: one hold each, members first',
    current: ['owner:t1', 'owner:t2', ...learners],
    owners: ['t3'],
    members: learners.slice(5),
    ops: ['add owner:t3', 'hold share s0,s1,s2,s3,s4', 'hold allOwners t1,t2'],
  },
  {
    name: 'guard: a share hold keeps members only; a lone owner removal goes on',
    current: ['owner:t1', 'owner:t2', ...learners],
    owners: ['t1'],
    members: learners.slice(4),
    ops: ['remove t2', 'hold share s0,s1,s2,s3'],
  },
  {
    name: 'guard: confirmed removals proceed',
    current: ten,
    owners: ['t1'],
    members: learners.slice(4),
    confirmed: ['s0', 's1', 's2', 's3'],
    ops: ['remove s0,s1,s2,s3'],
  },
  {
    name: 'guard: confirmed ones proceed, new unconfirmed ones over the share are held',
    current: ten,
    owners: ['t1'],
    members: learners.slice(5),
    confirmed: ['s0'],
    ops: ['remove s0', 'hold share s1,s2,s3,s4'],
  },
  {
    name: 'guard: confirmed owners proceed',
    current: ['owner:t1', 'owner:t2', 's1'],
    owners: ['t3'],
    members: ['s1'],
    confirmed: ['t1', 't2'],
    ops: ['add owner:t3', 'remove t1,t2'],
  },
  {
    name: 'guard: a hold sticks once the replacement owner is in (the owners are no longer "all")',
    current: ['owner:t1', 'owner:t2', 'owner:t3', 's1'],
    owners: ['t3'],
    members: ['s1'],
    stillHeld: ['t1', 't2'],
    ops: ['hold allOwners t1,t2'],
  },
  {
    name: 'guard: a share hold sticks although new members lowered the share (4 of 15)',
    current: [...ten, 'n1', 'n2', 'n3', 'n4', 'n5'],
    owners: ['t1'],
    members: [...learners.slice(4), 'n1', 'n2', 'n3', 'n4', 'n5'],
    stillHeld: ['s0', 's1', 's2', 's3'],
    ops: ['hold share s0,s1,s2,s3'],
  },
  {
    name: 'guard: only what was held sticks; a new small removal goes on (5 of 19)',
    current: [...ten, ...newcomers],
    owners: ['t1'],
    members: [...learners.slice(4), ...newcomers.slice(1)],
    stillHeld: ['s0', 's1', 's2', 's3'],
    ops: ['remove n1', 'hold share s0,s1,s2,s3'],
  },
  {
    name: 'guard: someone held who is back in Elentra is simply kept',
    current: ten,
    owners: ['t1'],
    members: learners,
    stillHeld: ['s0'],
    ops: [],
  },
  {
    name: 'guard: --force removes',
    current: ten,
    owners: ['t1'],
    members: [],
    options: { force: true },
    ops: [`remove ${learners.join(',')}`],
  },
  {
    name: 'guard: the authorizing account is not counted',
    current: [`owner:${AUTH}`, ...ten],
    owners: ['t1'],
    members: learners.slice(3),
    ops: ['remove s0,s1,s2'],
  },
  {
    name: 'guard: the authorizing account is not an owner to keep (its own removal is not "all owners")',
    current: [`owner:${AUTH}`, 'owner:t1', 's1'],
    owners: ['t1'],
    members: ['s1'],
    options: { keepAuthorizingAccountAsOwner: false },
    ops: [`remove ${AUTH} (authorizing)`],
  },
  // The authorizing account
  {
    name: 'authorizing account kept (default): never removed',
    current: [`owner:${AUTH}`, 'owner:t1', 's1'],
    owners: ['t1'],
    members: ['s1'],
    ops: [],
  },
  {
    name: 'authorizing account kept: not demoted although Elentra lists it as a learner',
    current: [`owner:${AUTH}`, 'owner:t1'],
    owners: ['t1'],
    members: [AUTH],
    ops: [],
  },
  {
    name: 'authorizing account removed: last, after the owners are added',
    current: [`owner:${AUTH}`],
    owners: ['t1'],
    members: ['s1'],
    options: { keepAuthorizingAccountAsOwner: false },
    ops: ['add owner:t1 member:s1', `remove ${AUTH} (authorizing)`],
  },
  {
    name: 'authorizing account removed only once another owner exists',
    current: [`owner:${AUTH}`],
    owners: [],
    members: ['s1'],
    options: { keepAuthorizingAccountAsOwner: false },
    ops: ['add member:s1'],
    warnings: ['no-matched-owner'],
  },
  {
    name: 'authorizing account listed by Elentra as an owner stays whatever the option',
    current: [`owner:${AUTH}`],
    owners: [AUTH, 't1'],
    members: [],
    options: { keepAuthorizingAccountAsOwner: false },
    ops: ['add owner:t1'],
  },
  // Unmatched people are never removed
  {
    name: 'an unmatched learner keeps their place (and is not re-added)',
    current: ['owner:t1', 's1', 's2'],
    owners: ['t1'],
    members: ['s1'],
    protected: ['s2'],
    ops: [],
  },
  {
    name: 'an unmatched teacher keeps their place and role',
    current: ['owner:t1', 'owner:t2'],
    owners: ['t1'],
    members: [],
    protected: ['t2'],
    ops: [],
  },
  {
    name: 'unmatched people do not count towards the guard',
    current: ten,
    owners: ['t1'],
    members: ['s6', 's7', 's8', 's9'],
    protected: ['s3', 's4', 's5'],
    ops: ['remove s0,s1,s2'],
  },
  // Limits
  {
    name: 'more than the owner cap: the rest become members',
    current: ['owner:t1', 's1'],
    owners: ['t1', 's1', 't2', 't3'],
    members: [],
    caps: { maxOwners: 3, maxMembers: 100 },
    ops: ['add owner:t2 member:t3', 'promote s1', 'limit owners t3'],
  },
  {
    name: 'more than the member cap: the rest are not added',
    current: ['owner:t1'],
    owners: ['t1'],
    members: ['s1', 's2', 's3'],
    caps: { maxOwners: 100, maxMembers: 3 },
    ops: ['add member:s1,s2', 'limit members s3'],
  },
  {
    name: 'removals make room under the member cap',
    current: ['owner:t1', 's1', 's2'],
    owners: ['t1'],
    members: ['s2', 's3'],
    caps: { maxOwners: 100, maxMembers: 3 },
    ops: ['remove s1', 'add member:s3'],
  },
];

const DEFAULT_OPTIONS: MembershipOptions = {
  authorizingUserId: AUTH,
  keepAuthorizingAccountAsOwner: true,
  massRemoval: DEFAULT_MASS_REMOVAL,
  force: false,
};

function plan(c: Case) {
  return planMembership({
    offeringKey: 'course:12:period:4',
    teamId: 'team-1',
    people: { owners: c.owners, members: c.members, protectedUserIds: new Set(c.protected ?? []) },
    current: currentMembers(observed(...c.current)),
    confirmedRemovals: new Set(c.confirmed ?? []),
    stillHeld: new Set(c.stillHeld ?? []),
    options: { ...DEFAULT_OPTIONS, ...c.options },
    ...(c.caps ? { caps: c.caps } : {}),
  });
}

describe('planMembership', () => {
  it.each(cases)('$name', (c) => {
    const result = plan(c);
    expect(result.operations.map(describeOp)).toEqual(c.ops);
    expect(result.warnings.map((w) => w.code)).toEqual(c.warnings ?? []);
    expect(result.held).toBe(c.ops.some((op) => op.startsWith('hold')));
  });

  it('batches 200 per add and 20 per remove', () => {
    const many = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);
    const result = plan({
      name: 'batches',
      current: ['owner:t1', ...many('old', 45)],
      owners: ['t1'],
      members: many('new', 450),
      options: { force: true },
      ops: [],
    });
    const sizes = result.operations.map((op) => `${op.kind}:${'members' in op ? op.members.length : 1}`);
    expect(sizes).toEqual([
      'removeMembers:20',
      'removeMembers:20',
      'removeMembers:5',
      'addMembers:200',
      'addMembers:200',
      'addMembers:50',
    ]);
  });

  it('role changes carry the membership id, null when only delta knew the member', () => {
    const result = planMembership({
      offeringKey: 'k',
      teamId: 'team-1',
      people: { owners: ['t1', 's1', 's2'], members: [], protectedUserIds: new Set() },
      current: currentMembers([
        { userId: 't1', roles: ['owner'], membershipId: 'm-t1' },
        { userId: 's1', roles: [], membershipId: 'm-s1' },
        { userId: 's2', roles: [], membershipId: null },
      ]),
      confirmedRemovals: new Set(),
      options: DEFAULT_OPTIONS,
    });
    expect(result.operations).toEqual([
      { kind: 'promoteToOwner', offeringKey: 'k', teamId: 'team-1', userId: 's1', membershipId: 'm-s1' },
      { kind: 'promoteToOwner', offeringKey: 'k', teamId: 'team-1', userId: 's2', membershipId: null },
    ]);
  });

  it('a hold says why, in words, with the numbers', () => {
    const result = plan({ name: 'hold', current: ten, owners: ['t1'], members: learners.slice(5), ops: [] });
    const hold = result.operations.find((op) => op.kind === 'holdRemovals');
    expect(hold).toMatchObject({
      memberCount: 10,
      message:
        "Elentra no longer lists 5 of this team's 10 members (50 %, more than 30 %): their removal is held until " +
        'confirmed (sync with --force, or confirm on the web page).',
    });
  });
});
