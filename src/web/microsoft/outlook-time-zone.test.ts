import { describe, expect, it } from 'vitest';
import { preselectedZone, zoneMismatch } from './outlook-time-zone.js';

const JANUARY = Date.UTC(2026, 0, 15);

describe('the Outlook Time Zone choice', () => {
  it('preselects the stored zone, else the Windows zone of DEFAULT_TIMEZONE', () => {
    expect(preselectedZone('Pacific Standard Time', 'America/Toronto')).toBe('Pacific Standard Time');
    expect(preselectedZone(null, 'America/Toronto')).toBe('Eastern Standard Time');
    expect(preselectedZone(null, 'Europe/London')).toBe('GMT Standard Time');
  });

  it.each([
    ['Eastern Standard Time', 'America/Toronto', null],
    [null, 'America/Toronto', null],
    ['Pacific Standard Time', 'America/Toronto', /3 hours behind/],
    ['Atlantic Standard Time', 'America/Toronto', /1 hour ahead/],
    ['US Eastern Standard Time', 'America/Toronto', /clocks agree today/],
  ])('%s for a site in %s → %s', (chosen, site, expected) => {
    const warning = zoneMismatch(chosen, site, JANUARY);
    if (expected === null) expect(warning).toBeNull();
    else expect(warning).toMatch(expected);
  });
});
