// The cost model by table: requests per operation, the minimum for whole plans (and observation), and the throttle
// floor from the documented limits — which limit binds for a first sync of 200 teams, a huge course, a quiet day.
import { describe, expect, it } from 'vitest';
import type { OfferingPlan, Plan, PlanOperation } from '../plan/plan-types.js';
import {
  minimumRequests,
  planRequests,
  throttleFloor,
  throttleFloorSeconds,
  windowFloorSeconds,
} from './cost-model.js';
import { DOCUMENTED_LIMITS } from './graph-limits.js';
import { NO_OBSERVATION, operationRequests } from './operation-requests.js';

const key = 'course:1:period:1';
const create = (template: 'standard' | 'educationClass', existingGroupId: string | null = null): PlanOperation => ({
  kind: 'createTeam',
  offeringKey: key,
  displayName: 'A',
  description: '',
  mailNickname: 'elentra-x',
  template,
  visibility: 'private',
  existingGroupId,
});
const on = { offeringKey: key, teamId: 'team-1' };

describe('operationRequests', () => {
  const cases: Array<[string, PlanOperation, string[]]> = [
    ['create (standard): group, then its team', create('standard'), ['POST? /groups', '/groups/{id}/team']],
    ['create on an existing group', create('standard', 'g-1'), ['/groups/{id}/team']],
    [
      'create (educationClass): group, POST /teams, one poll',
      create('educationClass'),
      ['POST? /groups', '/teams', '/teams/{id}/operations/{id}'],
    ],
    ['add up to 200', { kind: 'addMembers', ...on, members: [] }, ['/teams/{id}/members/add']],
    [
      'remove up to 20',
      { kind: 'removeMembers', ...on, members: [], reason: 'notInElentra' },
      ['/teams/{id}/members/remove'],
    ],
    ['promote', { kind: 'promoteToOwner', ...on, userId: 'u', membershipId: 'm' }, ['/teams/{id}/members/{id}']],
    [
      'demote, membership id unknown: one lookup more',
      { kind: 'demoteToMember', ...on, userId: 'u', membershipId: null },
      ['/teams/{id}/members', '/teams/{id}/members/{id}'],
    ],
    [
      'rename',
      {
        kind: 'renameTeam',
        offeringKey: key,
        teamId: 't',
        from: { displayName: 'a', description: '' },
        to: { displayName: 'b', description: '' },
      },
      ['/teams/{id}'],
    ],
    ['archive', { kind: 'archiveTeam', offeringKey: key, teamId: 't', reason: 'gone' }, ['/teams/{id}/archive']],
    ['unarchive', { kind: 'unarchiveTeam', offeringKey: key, teamId: 't' }, ['/teams/{id}/unarchive']],
    ['adopt: free', { kind: 'adoptTeam', offeringKey: key, teamId: 't', mailNickname: 'n' }, []],
    ['hold: free', { kind: 'holdRemovals', ...on, members: [], rule: 'share', memberCount: 1, message: '' }, []],
    ['no change: free', { kind: 'noChange', ...on }, []],
  ];
  it.each(cases)('%s', (_name, operation, routes) => {
    const requests = operationRequests(operation);
    expect(requests.map((r) => (r.limitClass === 'directory.write' ? `POST? ${r.route}` : r.route))).toEqual(routes);
  });
});

function offering(operations: PlanOperation[], offeringKey = key): OfferingPlan {
  return {
    offeringKey,
    lifecycle: 'current',
    teamId: null,
    mailNickname: 'n',
    displayName: 'd',
    operations: operations.map((op) => ({ ...op, offeringKey })),
    unmatched: [],
    warnings: [],
    expectedStatus: 'ok',
  };
}
const plan = (...offerings: OfferingPlan[]): Plan => ({ generatedAt: '', offerings });
const adds = (n: number): PlanOperation[] =>
  Array.from({ length: Math.ceil(n / 200) }, () => ({
    kind: 'addMembers',
    offeringKey: key,
    teamId: null,
    members: [],
  }));

describe('minimumRequests', () => {
  it('a first sync: 2 to create each team, 1 per 200 people', () => {
    const teams = Array.from({ length: 3 }, (_, i) =>
      offering([create('standard'), ...adds(251)], `course:${i}:period:1`),
    );
    expect(minimumRequests(plan(...teams))).toEqual({
      total: 12,
      writes: 12,
      reads: 0,
      byRoute: { '/groups': 3, '/groups/{id}/team': 3, '/teams/{id}/members/add': 6 },
      byLimitClass: { 'directory.write': 3, 'teams.teamify': 3, 'teams.otherWrite': 6 },
    });
  });

  it('nothing changed: no writes, reads ⌈teams / 50⌉ for the delta', () => {
    const quiet = plan(...Array.from({ length: 200 }, (_, i) => offering([{ kind: 'noChange', ...on }], `k${i}`)));
    const cost = minimumRequests(quiet, { ...NO_OBSERVATION, deltaTeams: 200 });
    expect(cost).toMatchObject({ total: 4, writes: 0, reads: 4, byRoute: { '/groups/delta': 4 } });
  });

  it('observation: 15 addresses per `in` on mail and UPN, 15 nicknames per `in`, member pages', () => {
    const cost = minimumRequests(plan(), {
      userLookupValues: 3000,
      nicknameLookups: 200,
      deltaTeams: 0,
      memberListPages: [1, 2],
    });
    expect(cost.byRoute).toEqual({ '/users': 400, '/groups': 14, '/teams/{id}/members': 3 });
  });
});

describe('windowFloorSeconds: n units under L per W, from an empty window', () => {
  const cases: Array<[number, number, number, number]> = [
    [0, 10, 1, 0],
    [10, 10, 1, 0],
    [11, 10, 1, 1],
    [200, 6, 1, 33],
    [3000, 3000, 150, 0],
    [3001, 3000, 150, 150],
    [8001, 8000, 10, 10],
  ];
  it.each(cases)('%i under %i per %i s → %i s', (units, limit, windowSeconds, expected) => {
    expect(windowFloorSeconds(units, { limit, windowSeconds })).toBe(expected);
  });
});

describe('throttleFloor', () => {
  it('200 new teams: bound by PUT /groups/{id}/team at 6 per second', () => {
    const teams = Array.from({ length: 200 }, (_, i) =>
      offering([create('standard'), ...adds(60)], `course:${i}:period:1`),
    );
    const floor = throttleFloor(planRequests(plan(...teams)));
    expect(floor).toMatchObject({ seconds: 33, binding: 'teams.teamify' });
    expect(floor.byLimit['teams.otherWrite']).toBe(6); // 200 adds at 30/s
  });

  it('one course of 2,000: bound by 4 per second on that team', () => {
    const floor = throttleFloor(planRequests(plan(offering([create('standard'), ...adds(2000)]))));
    expect(floor).toMatchObject({ seconds: 2, binding: `perTeam ${key}` }); // 11 requests on the team
  });

  it('an empty plan costs no time', () => {
    expect(throttleFloorSeconds(plan())).toBe(0);
  });

  it('uses the limits it is given (e.g. a small tenant’s directory quota)', () => {
    const lookups = { ...NO_OBSERVATION, userLookupValues: 60_000 }; // 8,000 requests, 1 unit each
    expect(throttleFloorSeconds(plan(), lookups)).toBe(0);
    const small = { ...DOCUMENTED_LIMITS, directoryResourceUnits: { limit: 3_500, windowSeconds: 10 } };
    expect(throttleFloorSeconds(plan(), lookups, small)).toBe(20);
  });
});
