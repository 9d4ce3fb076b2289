// The teams sync's settings (TEAMS_*) as loadConfig reads them: defaults, accepted spellings, and the words of a
// refusal (name, what is wrong, the fix, where the value came from).
import { describe, expect, it } from 'vitest';
import { DEFAULT_DESCRIPTION_TEMPLATE } from '../../sync/naming/template.js';
import { describeConfig } from '../describe-config.js';
import { settingsTables } from '../testing/settings-tables.js';

const { load, itAccepts, itRefuses } = settingsTables('elentra-teams-teams-config-');

describe('TEAMS_* settings', () => {
  it("default to the planner's defaults: the guide's name, standard teams, archive on, guard at 30 % and 3", () => {
    const config = load({});
    expect(config).toMatchObject({
      TEAMS_DISPLAY_NAME_TEMPLATE: '{course_code}: {course_name} ({period})',
      TEAMS_DESCRIPTION_TEMPLATE: DEFAULT_DESCRIPTION_TEMPLATE,
      TEAMS_TEMPLATE: 'standard',
      TEAMS_ARCHIVE_ENDED: true,
      TEAMS_RECREATE_DELETED: false,
      TEAMS_KEEP_AUTHORIZING_OWNER: true,
      TEAMS_MASS_REMOVAL_SHARE: 0.3,
      TEAMS_MASS_REMOVAL_MINIMUM: 3,
      TEAMS_RELIST_DAYS: 7,
    });
    expect(config.sources.TEAMS_TEMPLATE).toEqual({ kind: 'default' });
  });

  itAccepts([
    ['TEAMS_DISPLAY_NAME_TEMPLATE', '{course_name} – {organisation}', '{course_name} – {organisation}'],
    ['TEAMS_DISPLAY_NAME_TEMPLATE', 'MD {course_code} {period_id}', 'MD {course_code} {period_id}'],
    ['TEAMS_DESCRIPTION_TEMPLATE', '{course_description}', '{course_description}'],
    ['TEAMS_DESCRIPTION_TEMPLATE', 'Managed by Elentra.', 'Managed by Elentra.'],
    ['TEAMS_TEMPLATE', 'educationClass', 'educationClass'],
    ['TEAMS_TEMPLATE', 'EducationClass', 'educationClass'],
    ['TEAMS_TEMPLATE', 'Standard', 'standard'],
    ['TEAMS_ARCHIVE_ENDED', '0', false],
    ['TEAMS_RECREATE_DELETED', 'yes', true],
    ['TEAMS_KEEP_AUTHORIZING_OWNER', 'false', false],
    ['TEAMS_MASS_REMOVAL_SHARE', '0.5', 0.5],
    ['TEAMS_MASS_REMOVAL_SHARE', '.25', 0.25],
    ['TEAMS_MASS_REMOVAL_SHARE', '0', 0],
    ['TEAMS_MASS_REMOVAL_SHARE', '1', 1],
    ['TEAMS_MASS_REMOVAL_MINIMUM', '1', 1],
    ['TEAMS_MASS_REMOVAL_MINIMUM', '25000', 25_000],
    ['TEAMS_RELIST_DAYS', '0', 0],
    ['TEAMS_RELIST_DAYS', '30', 30],
  ]);

  itRefuses([
    [
      'TEAMS_DISPLAY_NAME_TEMPLATE',
      '{course_code}: {course_title}',
      /TEAMS_DISPLAY_NAME_TEMPLATE: \{course_title\} is not a placeholder of the team name.*Fix: use only \{course_code\}, \{course_name\}, \{period\}/s,
    ],
    [
      'TEAMS_DISPLAY_NAME_TEMPLATE',
      '{Course_Code} {course name} {course_code}',
      /\{Course_Code\}, \{course name\} are not placeholders/,
    ],
    [
      'TEAMS_DISPLAY_NAME_TEMPLATE',
      'Medicine',
      /"Medicine" has no placeholder, so every team would have the same name/,
    ],
    ['TEAMS_DESCRIPTION_TEMPLATE', 'Term {term}', /TEAMS_DESCRIPTION_TEMPLATE: \{term\} is not a placeholder.*Fix:/s],
    ['TEAMS_TEMPLATE', 'class', /TEAMS_TEMPLATE: "class" is not one of standard, educationClass/],
    ['TEAMS_ARCHIVE_ENDED', 'always', /TEAMS_ARCHIVE_ENDED: "always" is not 1 or 0/],
    ['TEAMS_RECREATE_DELETED', 'maybe', /TEAMS_RECREATE_DELETED: "maybe" is not 1 or 0/],
    ['TEAMS_KEEP_AUTHORIZING_OWNER', 'admin', /TEAMS_KEEP_AUTHORIZING_OWNER: "admin" is not 1 or 0/],
    [
      'TEAMS_MASS_REMOVAL_SHARE',
      '30%',
      /TEAMS_MASS_REMOVAL_SHARE: "30%" is not a fraction from 0 to 1.*Fix: write the share as a fraction, e\.g\. 0\.3 for 30 %/s,
    ],
    ['TEAMS_MASS_REMOVAL_SHARE', '25', /"25" is not a fraction from 0 to 1.*e\.g\. 0\.25 for 25 %/s],
    ['TEAMS_MASS_REMOVAL_SHARE', '1.5', /"1\.5" is not a fraction from 0 to 1/],
    ['TEAMS_MASS_REMOVAL_SHARE', '-0.1', /"-0\.1" is not a fraction from 0 to 1.*e\.g\. 0\.3/s],
    ['TEAMS_MASS_REMOVAL_MINIMUM', '0', /TEAMS_MASS_REMOVAL_MINIMUM: "0" is not a number of people from 1 to 25000/],
    ['TEAMS_MASS_REMOVAL_MINIMUM', '2.5', /"2\.5" is not a number of people.*e\.g\. 3/s],
    ['TEAMS_RELIST_DAYS', '-1', /TEAMS_RELIST_DAYS: "-1" is not a number of days from 0 to 365.*or 0 to turn/s],
    ['TEAMS_RELIST_DAYS', 'weekly', /"weekly" is not a number of days/],
  ]);

  it('are listed by config:check with their sources', () => {
    const rows = describeConfig(load({ TEAMS_MASS_REMOVAL_SHARE: '0.5' }));
    const byName = new Map(rows.map((row) => [row.name, row]));
    expect(byName.get('TEAMS_MASS_REMOVAL_SHARE')).toEqual({
      name: 'TEAMS_MASS_REMOVAL_SHARE',
      value: '0.5',
      source: 'environment',
    });
    expect(byName.get('TEAMS_DISPLAY_NAME_TEMPLATE')).toEqual({
      name: 'TEAMS_DISPLAY_NAME_TEMPLATE',
      value: '{course_code}: {course_name} ({period})',
      source: 'default',
    });
  });
});
