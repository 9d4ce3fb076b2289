// teamsOptionsOf / rosterOptionsOf: the configuration's defaults are exactly what the planner, the runner, the people
// matching and the roster reader use when given nothing (so an unconfigured site behaves as before), and each setting
// lands on its option.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/load-config.js';
import { rosterRule } from '../../elentra/read-roster.js';
import { rosterOptionsOf } from '../../elentra/roster-options.js';
import { DEFAULT_MATCHING } from '../people/candidate-keys.js';
import { DEFAULT_PLAN_OPTIONS } from '../plan/plan-options.js';
import { DEFAULT_RELIST_DAYS } from './relist-due.js';
import { teamsOptionsOf } from './teams-options.js';

const cwd = mkdtempSync(join(tmpdir(), 'elentra-teams-options-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));
const load = (env: Record<string, string>) => loadConfig({ cwd, env });
const NOW = new Date('2026-03-02T12:00:00Z');

describe('teamsOptionsOf', () => {
  it("gives the planner's, the runner's and the matching's own defaults when nothing is set", () => {
    const { plan, relistEveryDays, matching } = teamsOptionsOf(load({}));
    const { force: _force, ...planDefaults } = DEFAULT_PLAN_OPTIONS;
    expect(plan).toEqual(planDefaults);
    expect(relistEveryDays).toBe(DEFAULT_RELIST_DAYS);
    expect(matching).toEqual(DEFAULT_MATCHING);
  });

  it('puts each setting on its option', () => {
    const settings = teamsOptionsOf(
      load({
        TEAMS_DISPLAY_NAME_TEMPLATE: '{course_name}',
        TEAMS_DESCRIPTION_TEMPLATE: '{course_description}',
        TEAMS_TEMPLATE: 'educationClass',
        TEAMS_ARCHIVE_ENDED: '0',
        TEAMS_RECREATE_DELETED: '1',
        TEAMS_KEEP_AUTHORIZING_OWNER: '0',
        TEAMS_MASS_REMOVAL_SHARE: '0.5',
        TEAMS_MASS_REMOVAL_MINIMUM: '10',
        TEAMS_RELIST_DAYS: '0',
        MATCH_USERNAME_DOMAIN: 'School.edu',
      }),
    );
    expect(settings).toEqual({
      plan: {
        displayNameTemplate: '{course_name}',
        descriptionTemplate: '{course_description}',
        template: 'educationClass',
        archiveEndedTeams: false,
        recreateDeletedTeams: true,
        keepAuthorizingAccountAsOwner: false,
        massRemoval: { maxShare: 0.5, minimumCount: 10 },
      },
      relistEveryDays: 0,
      matching: { usernameDomain: 'school.edu' },
    });
  });
});

describe('rosterOptionsOf', () => {
  it("gives the roster reader's own rule when nothing is set", () => {
    expect(rosterRule({ ...rosterOptionsOf(load({})), now: NOW })).toEqual(rosterRule({ now: NOW }));
  });

  it('puts each setting on its option', () => {
    const options = rosterOptionsOf(
      load({
        ROSTER_OWNER_CONTACT_TYPES: 'director,ta',
        ROSTER_HORIZON_DAYS: '30',
        ROSTER_GRACE_DAYS: '0',
        ROSTER_ORGANISATION_ID: '2',
        ELENTRA_APP_ID: '3',
      }),
    );
    expect(options).toEqual({
      ownerContactTypes: ['director', 'ta'],
      horizonDays: 30,
      graceDays: 0,
      organisationId: 2,
      appId: 3,
    });
  });
});
