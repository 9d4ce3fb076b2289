// The chaos checks must fail when the tenant is wrong: each case breaks one invariant on a small synthetic tenant
// and expects exactly the violation that names it. (test/chaos.test.ts runs them on real seeds.)
import { describe, expect, it } from 'vitest';
import type { RequestLogEntry } from '../../emulator/src/behaviour/request-log.js';
import { nicknameIdentity } from '../../src/sync/naming/mail-nickname.js';
import { checkRemovals, checkTenant, groupOfferings, type TenantState, wordsProblem } from './checks.js';
import type { DesiredState } from './oracle.js';

const KEY = 'course:1:period:1';
const NICK = `${nicknameIdentity({ siteId: 'abc123', organisationId: 1, courseId: 1, periodId: 1 })}-med101`;
const START = Date.parse('2030-01-07T14:00:00Z');

function desired(): DesiredState {
  return {
    teams: new Map([
      [
        KEY,
        { offeringKey: KEY, displayName: 'MED 101', owners: new Set(['admin', 't1']), members: new Set(['s1', 's2']) },
      ],
    ]),
    meetings: new Map([
      [7, { eventId: 7, offeringKey: KEY, title: 'Lecture', startMs: START, endMs: START + 3_600_000 }],
    ]),
    undecided: new Set(),
  };
}

function team(overrides: Partial<TenantState['teams'][number]> = {}): TenantState['teams'][number] {
  const member = (userId: string, roles: string[] = []) => ({ userId, displayName: null, email: null, roles });
  return {
    id: 'g1',
    displayName: 'MED 101',
    description: null,
    mailNickname: NICK,
    mail: null,
    visibility: 'Private',
    archived: false,
    createdAt: '',
    members: [member('admin', ['owner']), member('t1', ['owner']), member('s1'), member('s2')],
    events: [
      {
        id: 'e1',
        subject: 'Lecture',
        start: new Date(START).toISOString(),
        end: new Date(START + 3_600_000).toISOString(),
        originalStartTimeZone: 'Eastern Standard Time',
        isOnlineMeeting: true,
        onlineMeetingProvider: 'teamsForBusiness',
        onlineMeeting: { joinUrl: 'https://teams.example/join' },
        transactionId: 'et-0a1b2c3d4e5f-e7-g1',
      },
    ],
    ...overrides,
  };
}

function tenant(teams: TenantState['teams'], groups: TenantState['groups'] = []): TenantState {
  return { teams, groups, users: [] };
}

describe('checkTenant', () => {
  it('passes the tenant that equals the desired state', () => {
    expect(checkTenant(tenant([team()]), desired())).toEqual([]);
  });

  it.each([
    [
      'a missing member',
      () => [team({ members: team().members.filter((m) => m.userId !== 's2') })],
      /members missing s2/,
    ],
    [
      'an extra owner',
      () => [team({ members: team().members.map((m) => (m.userId === 's1' ? { ...m, roles: ['owner'] } : m)) })],
      /owners extra s1/,
    ],
    ['a duplicate team', () => [team(), team({ id: 'g2' })], /duplicate: 2 groups with mailNickname/],
    ['a team archived', () => [team({ archived: true })], /team archived/],
    ['a stale name', () => [team({ displayName: 'MED 101 old' })], /team named "MED 101 old"/],
    [
      'a duplicate meeting',
      () => [
        team({
          events: [
            ...team().events,
            { ...(team().events[0] as TenantState['teams'][number]['events'][number]), id: 'e2' },
          ],
        }),
      ],
      /duplicate: event 7 has 2 meetings/,
    ],
    [
      'a meeting at the wrong time',
      () => [
        team({
          events: [
            {
              ...(team().events[0] as TenantState['teams'][number]['events'][number]),
              start: new Date(START + 60_000).toISOString(),
            },
          ],
        }),
      ],
      /event 7: meeting at/,
    ],
    ['no meeting', () => [team({ events: [] })], /event 7 \(course:1:period:1\) has no meeting/],
    [
      'a meeting nobody wants',
      () => [
        team({
          events: [
            ...team().events,
            {
              ...(team().events[0] as TenantState['teams'][number]['events'][number]),
              id: 'e9',
              subject: 'Other',
              transactionId: 'et-0a1b2c3d4e5f-e9-g1',
            },
          ],
        }),
      ],
      /event 9: 1 meeting\(s\), none wanted/,
    ],
  ])('fails on %s', (_name, teams, expected) => {
    const violations = checkTenant(tenant(teams()), desired());
    expect(
      violations.some((v) => expected.test(v)),
      violations.join('\n'),
    ).toBe(true);
  });

  it('fails on a group left without its team', () => {
    const group = {
      id: 'g3',
      displayName: 'x',
      description: null,
      mailNickname: 'other',
      createdAt: '',
      team: null,
      members: [],
      events: [],
    };
    expect(checkTenant(tenant([team()], [group]), desired())).toContain('group other has no team (team: none)');
  });
});

describe('checkRemovals', () => {
  const entry = (seq: number, userIds: string[]): RequestLogEntry => ({
    seq,
    at: '',
    method: 'POST',
    path: '/v1.0/teams/g1/members/remove',
    route: '/v1.0/teams/{teamId}/members/remove',
    status: 204,
    throttled: false,
    durationMs: 1,
    removed: { groupId: 'g1', userIds },
  });
  const phases = [{ label: 'step 0', fromSeq: 0, toSeq: 10, desired: desired() }];
  const offerings = groupOfferings(tenant([team()]));

  it('accepts removing someone the desired state does not want', () => {
    expect(checkRemovals([entry(3, ['gone'])], phases, offerings)).toEqual([]);
  });

  it('fails on removing someone who should stay, even for a moment', () => {
    expect(checkRemovals([entry(3, ['s1'])], phases, offerings)).toEqual([
      'course:1:period:1: removed s1, who should stay — POST /v1.0/teams/{teamId}/members/remove (seq 3, step 0)',
    ]);
  });
});

describe('wordsProblem', () => {
  it.each([
    ['Microsoft is throttling requests; it will be tried again in 2 seconds.', null],
    ['', 'no message'],
    ['TypeError: x is undefined\n    at apply (/app/src/sync/run/apply.ts:12:5)', 'a stack trace'],
    ['[object Object]', 'not words'],
  ])('%j → %j', (message, problem) => {
    const found = wordsProblem(message);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });
});
