import { describe, expect, it } from 'vitest';
import { describeInstant, formatInstant, formatRelative } from './format.js';

describe('dates for administrators', () => {
  const at = Date.UTC(2026, 2, 4, 15, 15);

  it('shows an instant in the site’s zone with its name', () => {
    expect(formatInstant(at, 'America/Toronto')).toBe('Mar 4, 2026, 10:15 AM EST');
    expect(formatInstant(at, 'Europe/London')).toBe('Mar 4, 2026, 3:15 PM GMT');
  });

  it.each([
    [at + 52 * 60_000, 'in 52 minutes'],
    [at - 3 * 86_400_000, '3 days ago'],
    [at + 2 * 3_600_000, 'in 2 hours'],
    [at + 10_000, 'in less than a minute'],
  ])('%i is %s', (ms, expected) => {
    expect(formatRelative(ms, at)).toBe(expected);
  });

  it('describes null as null', () => {
    expect(describeInstant(null, 'UTC', at)).toBeNull();
    expect(describeInstant(at, 'UTC', at)).toBe('Mar 4, 2026, 3:15 PM UTC (in less than a minute)');
  });
});
