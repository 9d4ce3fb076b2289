// `elentra:roster` reads Elentra with the sync's ROSTER_* settings, so it shows the offerings the sync works on: run
// in-process on the demo school, with the settings in the environment.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RosterSummary } from '../../elentra/index.js';
import { memoryIo } from '../io.js';
import { main } from '../main.js';

let folder: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'et-roster-cli-'));
  expect((await run(['migrate'])).code).toBe(0);
  expect((await run(['demo:seed'])).code).toBe(0);
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const io = memoryIo({ cwd: folder, env: { DATABASE_URL: `sqlite:${join(folder, 'db.sqlite')}`, ...env } });
  const code = await main(['node', 'elentra-teams', ...args], io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

async function summary(env: NodeJS.ProcessEnv = {}): Promise<RosterSummary> {
  const result = await run(['elentra:roster', '--json'], env);
  expect(result.code, result.err).toBe(0);
  return (JSON.parse(result.out) as { summary: RosterSummary }).summary;
}

describe('elentra:roster with the roster settings', () => {
  it('honours ROSTER_HORIZON_DAYS: 0 leaves out the term that has not started', async () => {
    const byDefault = await summary();
    const upcoming = byDefault.offerings.filter((offering) => offering.status === 'upcoming');
    expect(upcoming.length).toBeGreaterThan(0);
    const now = await summary({ ROSTER_HORIZON_DAYS: '0' });
    expect(now.offerings.map((offering) => offering.key)).toEqual(
      byDefault.offerings.filter((offering) => offering.status !== 'upcoming').map((offering) => offering.key),
    );
  });

  it('honours ROSTER_OWNER_CONTACT_TYPES', async () => {
    const byDefault = await summary();
    const directorsOnly = await summary({ ROSTER_OWNER_CONTACT_TYPES: 'director' });
    expect(directorsOnly.totals.owners).toBeLessThan(byDefault.totals.owners);
    expect(directorsOnly.totals.offerings).toBe(byDefault.totals.offerings);
  });

  it('refuses a bad setting with exit code 2, naming it', async () => {
    const result = await run(['elentra:roster'], { ROSTER_HORIZON_DAYS: 'soon' });
    expect(result.code).toBe(2);
    expect(result.err).toContain('ROSTER_HORIZON_DAYS');
    expect(result.err).toMatch(/fix/i);
  });

  it('takes --course ids like the sync commands, and refuses one that is not a course id in words', async () => {
    const all = await summary();
    const courseId = Number(/^course:(\d+):/.exec(all.offerings[0]?.key ?? '')?.[1]);
    const one = await run(['elentra:roster', '--json', '--course', String(courseId)]);
    expect(one.code, one.err).toBe(0);
    const keys = (JSON.parse(one.out) as { summary: RosterSummary }).summary.offerings.map((o) => o.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((key) => key.startsWith(`course:${courseId}:`))).toBe(true);
    const bad = await run(['elentra:roster', '--course', 'MED101']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--course takes course ids');
  });
});
