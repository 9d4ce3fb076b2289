// The teams sync's settings reach the sync as the CLI, the cron job and the dashboard wire it (wireTeamsSync from a
// loaded configuration), against the emulator and the demo school: TEAMS_* change the dry run's plan, ROSTER_*
// change the roster both syncs read (the same for teams and events), MATCH_USERNAME_DOMAIN finds a person with no
// e-mail; what a caller passes to wireTeamsSync still wins.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Config, loadConfig } from '../src/config/index.js';
import { DEMO_DOMAIN } from '../src/elentra/index.js';
import { readRoster } from '../src/elentra/read-roster.js';
import { wireEventsSync } from '../src/sync/events/io/wire-events-sync.js';
import { wireTeamsSync } from '../src/sync/run/wire-sync.js';
import { tally } from './support/sync-requests.js';
import { openSyncWorld, type SyncWorld } from './support/sync-teams-harness.js';

const MED_101 = 1;
/** MED 101's director: a teacher whose Elentra username is the local part of their Microsoft address. */
const DIRECTOR = 2;
/** MED 101's student representative: a course contact, not an owner by default. */
const STUDENT_REP = 177;

let world: SyncWorld;
let cwd: string;

beforeAll(async () => {
  world = await openSyncWorld();
  cwd = mkdtempSync(join(tmpdir(), 'et-sync-settings-'));
});

afterAll(async () => {
  await world?.close();
  if (cwd) rmSync(cwd, { recursive: true, force: true });
});

/** The configuration the CLI would load with these settings added to the world's. */
function configWith(settings: Record<string, string>): Config {
  return loadConfig({ cwd, env: { ...world.env, ...settings } });
}

describe('teams sync settings', () => {
  it('TEAMS_DISPLAY_NAME_TEMPLATE, TEAMS_DESCRIPTION_TEMPLATE and TEAMS_TEMPLATE shape the dry run, which writes nothing', async () => {
    const roster = await readRoster(world.elentra, { now: new Date() });
    const seq = await world.control.lastSeq();
    const config = configWith({
      TEAMS_DISPLAY_NAME_TEMPLATE: '{course_code} · {period}',
      TEAMS_DESCRIPTION_TEMPLATE: 'Elentra course {course_id}',
      TEAMS_TEMPLATE: 'educationClass',
    });
    const report = await world.sync({ dryRun: true }, { config });
    expect(tally(await world.control.requestsSince(seq)).writes).toBe(0);
    const names = new Map(report.plan.offerings.map((offering) => [offering.offeringKey, offering.displayName]));
    expect(names.size).toBe(roster.offerings.length);
    for (const offering of roster.offerings) {
      expect(names.get(offering.key)).toBe(`${offering.courseCode} · ${offering.period.title}`);
    }
    const creates = report.plan.offerings.flatMap((o) => o.operations).filter((op) => op.kind === 'createTeam');
    expect(creates.length).toBeGreaterThan(0);
    for (const create of creates) {
      expect(create.template).toBe('educationClass');
      expect(create.description).toMatch(/^Elentra course \d+$/);
    }
  });

  it('what the caller passes to wireTeamsSync wins over the settings', async () => {
    const config = configWith({ TEAMS_DISPLAY_NAME_TEMPLATE: '{course_code} · {period}', TEAMS_RELIST_DAYS: '30' });
    const report = await world.sync({ dryRun: true }, { config, plan: { displayNameTemplate: '{course_name}' } });
    const roster = await readRoster(world.elentra, { now: new Date() });
    const courseNames = new Set(roster.offerings.map((offering) => offering.courseName));
    for (const offering of report.plan.offerings) expect(courseNames.has(offering.displayName)).toBe(true);
    const deps = await wireTeamsSync({ ...wiring(config), relistEveryDays: 2 });
    expect(deps.relistEveryDays).toBe(2);
  });

  it('TEAMS_RELIST_DAYS, the mass-removal guard and the lifecycle switches reach the run', async () => {
    const deps = await wireTeamsSync(
      wiring(
        configWith({
          TEAMS_RELIST_DAYS: '0',
          TEAMS_MASS_REMOVAL_SHARE: '0.5',
          TEAMS_MASS_REMOVAL_MINIMUM: '8',
          TEAMS_ARCHIVE_ENDED: '0',
          TEAMS_RECREATE_DELETED: '1',
          TEAMS_KEEP_AUTHORIZING_OWNER: '0',
        }),
      ),
    );
    expect(deps.relistEveryDays).toBe(0);
    expect(deps.planOptions).toMatchObject({
      massRemoval: { maxShare: 0.5, minimumCount: 8 },
      archiveEndedTeams: false,
      recreateDeletedTeams: true,
      keepAuthorizingAccountAsOwner: false,
    });
  });
});

describe('roster settings', () => {
  it('ROSTER_HORIZON_DAYS and ROSTER_OWNER_CONTACT_TYPES decide the offerings and owners both syncs read', async () => {
    const config = configWith({ ROSTER_HORIZON_DAYS: '0', ROSTER_OWNER_CONTACT_TYPES: 'director,studentrep' });
    const now = new Date();
    const teams = await (await wireTeamsSync(wiring(config))).readRoster({ now, courseIds: null });
    const events = await (await wireEventsSync(wiring(config))).readRoster({ now, courseIds: null });
    const byDefault = await readRoster(world.elentra, { now });
    expect(events.offerings.map((o) => o.key)).toEqual(teams.offerings.map((o) => o.key));
    // The demo's next term starts within 120 days but not today: a horizon of 0 leaves it out.
    expect(byDefault.offerings.some((o) => o.status === 'upcoming')).toBe(true);
    expect(teams.offerings.some((o) => o.status === 'upcoming')).toBe(false);
    expect(teams.offerings.length).toBeGreaterThan(0);
    expect(teams.offerings.length).toBeLessThan(byDefault.offerings.length);
    const med101 = teams.offerings.find((o) => o.courseId === MED_101);
    expect(med101?.owners.map((owner) => owner.proxyId)).toEqual([DIRECTOR, STUDENT_REP]);

    const report = await world.sync({ dryRun: true }, { config });
    expect(report.plan.offerings.map((o) => o.offeringKey).sort()).toEqual(teams.offerings.map((o) => o.key).sort());
  });
});

describe('MATCH_USERNAME_DOMAIN', () => {
  it('finds a person with no e-mail in Elentra by username@domain', async () => {
    await world.elentra.db.updateTable('user_data').set({ email: '' }).where('id', '=', DIRECTOR).execute();
    const unmatchedDirector = (report: Awaited<ReturnType<SyncWorld['sync']>>) =>
      report.offerings.flatMap((o) => o.unmatched).find((person) => person.proxyId === DIRECTOR);
    const without = await world.sync({ dryRun: true, courseIds: [MED_101] });
    expect(unmatchedDirector(without)?.reason).toMatch(/No e-mail address/);
    const config = configWith({ MATCH_USERNAME_DOMAIN: DEMO_DOMAIN });
    const withDomain = await world.sync({ dryRun: true, courseIds: [MED_101] }, { config });
    expect(unmatchedDirector(withDomain)).toBeUndefined();
  });
});

function wiring(config: Config) {
  return { config, database: world.database, elentra: world.elentra, triggeredBy: 'cli' as const };
}
