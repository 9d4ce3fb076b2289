// The periodic full re-list: due once a team's own period boundary passed since its last listing, never more than
// `everyDays` after it, and spread over the days of the period across teams.
import { describe, expect, it } from 'vitest';
import { relistDue, relistPhaseMs } from './relist-due.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 3, 0, 0);

describe('relistDue', () => {
  it('is due when never listed, and off when everyDays is not positive', () => {
    expect(relistDue('course:1:period:1', { lastListedAtMs: null }, T0, 7)).toBe(true);
    expect(relistDue('course:1:period:1', { lastListedAtMs: null }, T0, 0)).toBe(false);
    expect(relistDue('course:1:period:1', { lastListedAtMs: T0 - 100 * DAY }, T0, Number.POSITIVE_INFINITY)).toBe(
      false,
    );
  });

  it('is not due right after a listing, and always due more than everyDays later', () => {
    for (let i = 0; i < 200; i += 1) {
      const key = `course:${i}:period:${i % 3}`;
      const last = T0 + i * 3_600_000;
      expect(relistDue(key, { lastListedAtMs: last }, last, 7)).toBe(false);
      expect(relistDue(key, { lastListedAtMs: last }, last + 7 * DAY + 1, 7)).toBe(true);
    }
  });

  it('is due exactly once per period for a team listed whenever due (daily runs)', () => {
    const key = 'course:12:period:4';
    let last = T0;
    const listedOn: number[] = [];
    for (let day = 1; day <= 28; day += 1) {
      const now = T0 + day * DAY;
      if (relistDue(key, { lastListedAtMs: last }, now, 7)) {
        listedOn.push(day);
        last = now;
      }
    }
    expect(listedOn).toHaveLength(4);
    for (let i = 1; i < listedOn.length; i += 1) expect((listedOn[i] ?? 0) - (listedOn[i - 1] ?? 0)).toBe(7);
  });

  it('spreads teams created together over the days of the period', () => {
    const firstDue = new Map<number, number>();
    for (let i = 0; i < 700; i += 1) {
      const key = `course:${i}:period:1`;
      const day = [1, 2, 3, 4, 5, 6, 7].find((d) => relistDue(key, { lastListedAtMs: T0 }, T0 + d * DAY, 7)) ?? 0;
      firstDue.set(day, (firstDue.get(day) ?? 0) + 1);
      expect(relistPhaseMs(key, 7)).toBeLessThan(7 * DAY);
    }
    expect(firstDue.get(0)).toBeUndefined();
    for (let day = 1; day <= 7; day += 1) expect(firstDue.get(day) ?? 0).toBeGreaterThan(50);
  });
});
