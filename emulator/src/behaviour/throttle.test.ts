import { describe, expect, it } from 'vitest';
import { applyLimits, documentedLimits } from './defaults.js';
import { type Admission, resourceUnitsForTenantSize, Throttler } from './throttle.js';

const caller = { appId: 'app', tenantId: 'tenant', tenantUsers: 10 };

function denied(a: Admission): Extract<Admission, { ok: false }> {
  if (a.ok) throw new Error('expected a 429');
  return a;
}

describe('Teams limits (per app per tenant, and 4 rps per team)', () => {
  it.each([
    ['createTeam', 10],
    ['teamify', 6],
    ['getTeam', 30],
    ['getMembers', 60],
    ['otherGet', 30],
    ['otherWrite', 30],
  ] as const)('%s: %i per second, then 429 with Retry-After 1', (requestClass, limit) => {
    const t = new Throttler(documentedLimits());
    for (let i = 0; i < limit; i += 1)
      expect(t.admit({ service: 'teams', requestClass, teamId: null }, caller, 1000).ok).toBe(true);
    const no = denied(t.admit({ service: 'teams', requestClass, teamId: null }, caller, 1000));
    expect(no.retryAfterSeconds).toBe(1);
    expect(no.code).toBe('TooManyRequests');
    expect(t.admit({ service: 'teams', requestClass, teamId: null }, caller, 2000).ok).toBe(true);
  });

  it('allows 4 requests per second on one team whatever the class', () => {
    const t = new Throttler(documentedLimits());
    for (let i = 0; i < 4; i += 1)
      expect(t.admit({ service: 'teams', requestClass: 'getTeam', teamId: 'A' }, caller, 0).ok).toBe(true);
    expect(t.admit({ service: 'teams', requestClass: 'otherWrite', teamId: 'A' }, caller, 0).ok).toBe(false);
    expect(t.admit({ service: 'teams', requestClass: 'getTeam', teamId: 'B' }, caller, 0).ok).toBe(true);
    // Another app has its own budget.
    expect(
      t.admit({ service: 'teams', requestClass: 'getTeam', teamId: 'A' }, { ...caller, appId: 'other' }, 0).ok,
    ).toBe(true);
  });
});

describe('identity and access resource units', () => {
  it.each([
    [10, 3500],
    [49, 3500],
    [50, 5000],
    [500, 5000],
    [501, 8000],
  ])('%i users → %i units per 10 s', (users, units) => {
    expect(resourceUnitsForTenantSize(users)).toBe(units);
  });

  it('spends units, reports them, warns above 80 % and throttles with scope and reason', () => {
    const t = new Throttler(applyLimits(documentedLimits(), { directory: { resourceUnits: 10 } }));
    const first = t.admit({ service: 'directory', resourceUnits: 2, write: false }, caller, 0);
    expect(first.ok && first.headers['x-ms-resource-unit']).toBe('2');
    for (let i = 0; i < 3; i += 1) t.admit({ service: 'directory', resourceUnits: 2, write: false }, caller, 0);
    const warned = t.admit({ service: 'directory', resourceUnits: 1, write: false }, caller, 0);
    expect(warned.ok && warned.headers['x-ms-throttle-limit-percentage']).toBe('0.9');
    const no = denied(t.admit({ service: 'directory', resourceUnits: 2, write: false }, caller, 0));
    expect(no.headers['x-ms-throttle-scope']).toBe('Tenant_Application/ReadWrite/app/tenant');
    expect(no.headers['x-ms-throttle-information']).toBe('ResourceUnitLimitExceeded');
    expect(no.retryAfterSeconds).toBe(10);
  });

  it('counts writes against 3,000 per 150 s', () => {
    const t = new Throttler(applyLimits(documentedLimits(), { directory: { writes: 2 } }));
    expect(t.admit({ service: 'directory', resourceUnits: 1, write: true }, caller, 0).ok).toBe(true);
    expect(t.admit({ service: 'directory', resourceUnits: 1, write: true }, caller, 0).ok).toBe(true);
    const no = denied(t.admit({ service: 'directory', resourceUnits: 1, write: true }, caller, 0));
    expect(no.headers['x-ms-throttle-information']).toBe('WriteLimitExceeded');
    expect(no.retryAfterSeconds).toBe(150);
    expect(t.admit({ service: 'directory', resourceUnits: 1, write: false }, caller, 0).ok).toBe(true);
  });
});

describe('Outlook mailbox limits', () => {
  it('allows 4 concurrent requests per mailbox; a slot frees on release', () => {
    const t = new Throttler(documentedLimits());
    const held = [1, 2, 3, 4].map(() => t.admit({ service: 'outlook', mailboxId: 'g' }, caller, 0));
    expect(held.every((a) => a.ok)).toBe(true);
    const fifth = denied(t.admit({ service: 'outlook', mailboxId: 'g' }, caller, 0));
    expect(fifth.code).toBe('ApplicationThrottled');
    expect(fifth.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(t.admit({ service: 'outlook', mailboxId: 'other' }, caller, 0).ok).toBe(true);
    const first = held[0];
    if (first?.ok) first.release();
    expect(t.admit({ service: 'outlook', mailboxId: 'g' }, caller, 0).ok).toBe(true);
  });

  it('allows 10,000 requests per 10 minutes (scaled down here)', () => {
    const t = new Throttler(applyLimits(documentedLimits(), { outlook: { requests: 3 } }));
    for (let i = 0; i < 3; i += 1) {
      const a = t.admit({ service: 'outlook', mailboxId: 'g' }, caller, i);
      if (a.ok) a.release();
    }
    expect(denied(t.admit({ service: 'outlook', mailboxId: 'g' }, caller, 10)).retryAfterSeconds).toBe(600);
  });
});

it('turns off, and scales', () => {
  const off = new Throttler(applyLimits(documentedLimits(), 'off'));
  for (let i = 0; i < 50; i += 1)
    expect(off.admit({ service: 'teams', requestClass: 'createTeam', teamId: null }, caller, 0).ok).toBe(true);
  const tenth = new Throttler(applyLimits(documentedLimits(), { scale: 0.1 }));
  expect(tenth.admit({ service: 'teams', requestClass: 'createTeam', teamId: null }, caller, 0).ok).toBe(true);
  expect(tenth.admit({ service: 'teams', requestClass: 'createTeam', teamId: null }, caller, 0).ok).toBe(false);
});
