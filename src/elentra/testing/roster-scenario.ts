// The readRoster tests' starting point (read-roster*.test.ts): at NOW, an embedded Elentra (SQLite in memory) with
// course 1 ('ANAT 110') and period 1 (30 days ago to 60 days ahead) in organisation 1, closed after each test, and
// readRoster at NOW.
import { afterEach } from 'vitest';
import { type ReadRosterOptions, readRoster } from '../read-roster.js';
import type { Roster } from '../roster/roster-types.js';
import type { ElentraFixture } from './elentra-fixture.js';
import { sqliteElentraFixture } from './sqlite-elentra.js';

export const NOW = new Date('2026-03-02T15:00:00Z');
export const NOW_S = NOW.getTime() / 1000;
export const DAY = 86_400;
/** The offering key of course 1 in period 1. */
export const KEY = 'course:1:period:1';

/** Call at the top of a test file: registers the afterEach that closes every scenario the test made. */
export function useRosterScenarios() {
  const fixtures: ElentraFixture[] = [];
  afterEach(async () => {
    for (const f of fixtures.splice(0)) await f.handle.close();
  });

  /** Course 1 ('ANAT 110') and period 1 (30 days ago to 60 days ahead) in organisation 1. */
  async function scenario(): Promise<ElentraFixture> {
    const f = await sqliteElentraFixture(NOW_S);
    fixtures.push(f);
    await f.organisation();
    await f.course({ id: 1, code: 'ANAT 110' });
    await f.period({ id: 1 });
    return f;
  }

  /** readRoster at NOW. */
  async function roster(f: ElentraFixture, options: Partial<ReadRosterOptions> = {}): Promise<Roster> {
    return readRoster(f.handle, { now: NOW, ...options });
  }

  return { scenario, roster };
}
