// The roster's settings (ROSTER_*, ELENTRA_APP_ID) and MATCH_USERNAME_DOMAIN as loadConfig reads them: defaults,
// accepted spellings, and the words of a refusal (name, what is wrong, the fix, where the value came from).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeConfig } from '../describe-config.js';
import { loadConfig } from '../load-config.js';
import { settingsTables } from '../testing/settings-tables.js';

const { cwd, load, itAccepts, itRefuses } = settingsTables('elentra-teams-roster-config-');

describe('ROSTER_*, ELENTRA_APP_ID and MATCH_USERNAME_DOMAIN settings', () => {
  it('default to the read model of issue 2: five owner types, 120 days ahead, 14 back, every organisation', () => {
    const config = load({});
    expect(config).toMatchObject({
      ROSTER_OWNER_CONTACT_TYPES: ['director', 'ccoordinator', 'faculty', 'pcoordinator', 'ta'],
      ROSTER_HORIZON_DAYS: 120,
      ROSTER_GRACE_DAYS: 14,
      ROSTER_ORGANISATION_ID: null,
      ELENTRA_APP_ID: 1,
      MATCH_USERNAME_DOMAIN: null,
    });
    expect(config.sources.ROSTER_HORIZON_DAYS).toEqual({ kind: 'default' });
  });

  itAccepts([
    ['ROSTER_OWNER_CONTACT_TYPES', 'director', ['director']],
    ['ROSTER_OWNER_CONTACT_TYPES', ' Director , faculty,,TA,faculty ', ['director', 'faculty', 'ta']],
    [
      'ROSTER_OWNER_CONTACT_TYPES',
      'ccmember,evaluationrep,studentrep,pcoordinator',
      ['ccmember', 'evaluationrep', 'studentrep', 'pcoordinator'],
    ],
    ['ROSTER_HORIZON_DAYS', '0', 0],
    ['ROSTER_HORIZON_DAYS', '365', 365],
    ['ROSTER_GRACE_DAYS', '0', 0],
    ['ROSTER_GRACE_DAYS', '60', 60],
    ['ROSTER_ORGANISATION_ID', '2', 2],
    ['ELENTRA_APP_ID', '7', 7],
    ['MATCH_USERNAME_DOMAIN', 'school.edu', 'school.edu'],
    ['MATCH_USERNAME_DOMAIN', '@Med.School.EDU', 'med.school.edu'],
    ['MATCH_USERNAME_DOMAIN', 'contoso.onmicrosoft.com', 'contoso.onmicrosoft.com'],
  ]);

  itRefuses([
    [
      'ROSTER_OWNER_CONTACT_TYPES',
      'director,teacher',
      /ROSTER_OWNER_CONTACT_TYPES: "teacher" is not an Elentra contact type.*Fix: list Elentra contact types, comma-separated, from: director, ccoordinator, faculty, pcoordinator, ccmember, evaluationrep, studentrep, ta/s,
    ],
    ['ROSTER_OWNER_CONTACT_TYPES', 'lecturer, tutor', /"lecturer", "tutor" are not Elentra contact types/],
    [
      'ROSTER_OWNER_CONTACT_TYPES',
      ',',
      /ROSTER_OWNER_CONTACT_TYPES: names no contact type, so no team would have an owner/,
    ],
    ['ROSTER_HORIZON_DAYS', '1000', /ROSTER_HORIZON_DAYS: "1000" is not a number of days from 0 to 730.*e\.g\. 120/s],
    ['ROSTER_HORIZON_DAYS', '4 months', /"4 months" is not a number of days/],
    ['ROSTER_GRACE_DAYS', '-14', /ROSTER_GRACE_DAYS: "-14" is not a number of days from 0 to 365.*e\.g\. 14/s],
    [
      'ROSTER_ORGANISATION_ID',
      '0',
      /ROSTER_ORGANISATION_ID: "0" is not an organisation id.*Fix: use the organisation_id/s,
    ],
    ['ROSTER_ORGANISATION_ID', 'Northfield', /"Northfield" is not an organisation id.*remove it to read every/s],
    ['ELENTRA_APP_ID', 'elentra', /ELENTRA_APP_ID: "elentra" is not an application id.*AUTH_APP_ID/s],
    [
      'MATCH_USERNAME_DOMAIN',
      'jdoe@school.edu',
      /MATCH_USERNAME_DOMAIN: "jdoe@school\.edu" is not a domain name.*Fix: give only the part after the @.*e\.g\. school\.edu/s,
    ],
    ['MATCH_USERNAME_DOMAIN', 'https://school.edu', /"https:\/\/school\.edu" is not a domain name/],
    ['MATCH_USERNAME_DOMAIN', 'school', /"school" is not a domain name/],
    ['MATCH_USERNAME_DOMAIN', 'school .edu', /"school \.edu" is not a domain name/],
    ['MATCH_USERNAME_DOMAIN', '-school.edu', /"-school\.edu" is not a domain name/],
  ]);

  it('are read from a settings file too, and listed by config:check with their sources', () => {
    const file = join(cwd, 'roster.env');
    writeFileSync(file, 'ROSTER_OWNER_CONTACT_TYPES=director,faculty\nROSTER_GRACE_DAYS=30\n');
    const config = loadConfig({ cwd, env: { SETTINGS_FILE: file, MATCH_USERNAME_DOMAIN: 'school.edu' } });
    const byName = new Map(describeConfig(config).map((row) => [row.name, row]));
    expect(byName.get('ROSTER_OWNER_CONTACT_TYPES')).toEqual({
      name: 'ROSTER_OWNER_CONTACT_TYPES',
      value: 'director,faculty',
      source: expect.stringMatching(/roster\.env$/),
    });
    expect(byName.get('ROSTER_GRACE_DAYS')?.value).toBe('30');
    expect(byName.get('MATCH_USERNAME_DOMAIN')).toEqual({
      name: 'MATCH_USERNAME_DOMAIN',
      value: 'school.edu',
      source: 'environment',
    });
    expect(byName.get('ROSTER_ORGANISATION_ID')?.value).toBe('not set');
  });
});
