import { describe, expect, it } from 'vitest';
import { compilePattern, FaultInjector } from './faults.js';

describe('route patterns', () => {
  it.each([
    ['/v1.0/teams/*/members', '/v1.0/teams/abc/members', true],
    ['/v1.0/teams/*/members', '/v1.0/teams/abc/members/add', false],
    ['/v1.0/teams/**', '/v1.0/teams/abc/members/add', true],
    ['/v1.0/teams/{teamId}/members/add', '/v1.0/teams/{teamId}/members/add', true],
    ['^/v1\\.0/groups/[^/]+/events$', '/v1.0/groups/g1/events', true],
    ['re:/events$', '/v1.0/groups/g1/calendar/events', true],
    ['/*/oauth2/v2.0/token', '/common/oauth2/v2.0/token', true],
  ])('%s on %s → %s', (pattern, path, expected) => {
    expect(compilePattern(pattern)(path)).toBe(expected);
  });
});

describe('firing', () => {
  const probe = { method: 'POST', path: '/v1.0/teams' };

  it('fires on the nth match only', () => {
    const f = new FaultInjector(1);
    f.add({ route: '/v1.0/teams', kind: 'status', status: 503, nth: 3 });
    expect([1, 2, 3, 4, 5].map(() => f.pick(probe) !== null)).toEqual([false, false, true, false, false]);
  });

  it('respects method and count', () => {
    const f = new FaultInjector(1);
    f.add({ route: '/v1.0/teams', method: 'get', kind: 'reset' });
    expect(f.pick(probe)).toBeNull();
    f.add({ route: '/v1.0/teams', kind: 'reset', count: 2 });
    expect([1, 2, 3].map(() => f.pick(probe)?.kind ?? null)).toEqual(['reset', 'reset', null]);
  });

  it('fires at a seeded rate, the same way every run', () => {
    const run = () => {
      const f = new FaultInjector(42);
      f.add({ route: '/v1.0/**', kind: 'status', status: 500, rate: 0.5 });
      return Array.from({ length: 40 }, () => f.pick(probe) !== null);
    };
    const first = run();
    expect(run()).toEqual(first);
    const fired = first.filter(Boolean).length;
    expect(fired).toBeGreaterThan(8);
    expect(fired).toBeLessThan(32);
  });
});
