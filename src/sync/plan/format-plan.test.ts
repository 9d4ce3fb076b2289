// The dry run as a table and as JSON: one row per operation, the offering on its first row, warnings and unmatched
// people as rows, held removals listed in full, the counts on top.
import { describe, expect, it } from 'vitest';
import { buildOffering, buildPerson, members, NOW, observedPresent } from '../testing/builders.js';
import { formatPlanTable, planToJson } from './format-plan.js';
import { planCounts } from './plan-counts.js';
import { planOptions } from './plan-options.js';
import { planSync } from './plan-sync.js';

const options = planOptions({ siteId: '3f9a2c', authorizingUserId: 'auth' });
const resolution = {
  userIdByProxyId: new Map([
    [1, 't1'],
    [2, 's1'],
  ]),
  problems: new Map([[3, { proxyId: 3, status: 'ambiguous' as const, reason: 'Two users.', lastKnownUserId: null }]]),
  linksToSave: [],
};
const people = new Map([1, 2, 3].map((id) => [id, buildPerson(id)]));
const created = buildOffering({ owners: [{ proxyId: 1, contactTypes: ['director'] }], members: [2, 3] });
const held = buildOffering({ courseId: 13, courseCode: 'MED102' });
const heldKey = held.key;

const plan = planSync({
  offerings: [created, held],
  scope: { courseIds: null, organisationId: null },
  people,
  resolution,
  observed: new Map([
    [
      heldKey,
      observedPresent(
        {
          teamId: 'team-2',
          displayName: 'MED102: Anatomy (Fall 2026)',
          description: 'MED102: Anatomy (Fall 2026). Owners and members are kept in step with Elentra.',
          members: members('owner:t1', 'x1', 'x2', 'x3'),
        },
        { offeringKey: heldKey, courseId: 13 },
      ),
    ],
  ]),
  options: { ...options, massRemoval: { maxShare: 0.3, minimumCount: 1 } },
  now: NOW,
});

describe('formatPlanTable', () => {
  it('prints the summary and one row per operation, warning and unmatched person', () => {
    const labels: Record<string, string> = { t1: 'Ada Teacher', s1: 'Sam Student', x1: 'X One' };
    const text = formatPlanTable(plan, { labelOf: (id) => labels[id] ?? id });
    expect(text.split('\n')).toEqual([
      'Plan: 2 offering(s), 0 unchanged, 1 team(s) to create, +1 owner(s), +1 member(s), −0 removed, 0 role change(s), ' +
        '3 removal(s) HELD in 1 offering(s), 1 unmatched, 1 warning(s).',
      '',
      expect.stringMatching(/^Offering\s+Team\s+Operation\s+Detail$/),
      expect.stringMatching(/^-+ +-+ +-+ +-+$/),
      expect.stringMatching(
        /^course:12:period:4 +MED101: Anatomy \(Fall 2026\) +create team +elentra-3f9a2c-o1-c12-p4-med101, standard, private$/,
      ),
      expect.stringMatching(/^ +add +1 owner\(s\): Ada Teacher; 1 member\(s\): Sam Student$/),
      expect.stringMatching(/^ +ambiguous member +First3 Last3 \(#3\): Two users\.$/),
      expect.stringMatching(
        /^course:13:period:4 +MED102: Anatomy \(Fall 2026\) +HOLD removals +Elentra no longer lists 3 of this team's 3 members \(100 %, more than 30 %\): .* 3 member\(s\): X One, x2, x3$/,
      ),
      expect.stringMatching(
        /^ +warning +Elentra lists no owner that matches a Microsoft user, so the current owners were kept: Ada Teacher\.$/,
      ),
    ]);
  });
});

describe('planToJson', () => {
  it('is the plan as plain data with its counts, and survives JSON', () => {
    const json = planToJson(plan);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(json.counts).toEqual(planCounts(plan));
    expect(json.counts).toMatchObject({
      offerings: 2,
      teamsCreated: 1,
      ownersAdded: 1,
      membersAdded: 1,
      removalsHeld: 3,
      held: 1,
      unmatched: 1,
    });
  });
});
