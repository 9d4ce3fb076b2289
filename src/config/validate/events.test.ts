// The event sync's settings (EVENTS_*) as loadConfig reads them: defaults, accepted spellings, and the words of a
// refusal (name, what is wrong, the fix, where the value came from).
import { describe, expect, it } from 'vitest';
import { describeConfig } from '../describe-config.js';
import { settingsTables } from '../testing/settings-tables.js';

const { load, itAccepts, itRefuses } = settingsTables('elentra-teams-events-config-');

describe('EVENTS_* settings', () => {
  it('default to the window of issue 6 (1 day back, 120 ahead), Teams meetings on, every audience', () => {
    const config = load({});
    expect(config).toMatchObject({
      EVENTS_WINDOW_PAST_DAYS: 1,
      EVENTS_WINDOW_FUTURE_DAYS: 120,
      EVENTS_ONLINE_MEETINGS: true,
      EVENTS_ONLY_OFFERING_AUDIENCE: false,
    });
    expect(config.sources.EVENTS_WINDOW_FUTURE_DAYS).toEqual({ kind: 'default' });
  });

  itAccepts([
    ['EVENTS_WINDOW_PAST_DAYS', '0', 0],
    ['EVENTS_WINDOW_PAST_DAYS', '365', 365],
    ['EVENTS_WINDOW_FUTURE_DAYS', '1', 1],
    ['EVENTS_WINDOW_FUTURE_DAYS', '730', 730],
    ['EVENTS_ONLINE_MEETINGS', '0', false],
    ['EVENTS_ONLINE_MEETINGS', 'no', false],
    ['EVENTS_ONLY_OFFERING_AUDIENCE', '1', true],
    ['EVENTS_ONLY_OFFERING_AUDIENCE', 'TRUE', true],
  ]);

  itRefuses([
    ['EVENTS_WINDOW_PAST_DAYS', '-1', /EVENTS_WINDOW_PAST_DAYS: "-1" is not a number of days from 0 to 365.*Fix: use/s],
    ['EVENTS_WINDOW_PAST_DAYS', '1.5', /"1\.5" is not a number of days from 0 to 365/],
    ['EVENTS_WINDOW_FUTURE_DAYS', '0', /EVENTS_WINDOW_FUTURE_DAYS: "0" is not a number of days from 1 to 730/],
    ['EVENTS_WINDOW_FUTURE_DAYS', '10000', /from 1 to 730.*e\.g\. 120/s],
    ['EVENTS_WINDOW_FUTURE_DAYS', '120 days', /"120 days" is not a number of days/],
    ['EVENTS_ONLINE_MEETINGS', 'teams', /EVENTS_ONLINE_MEETINGS: "teams" is not 1 or 0/],
    ['EVENTS_ONLY_OFFERING_AUDIENCE', 'cohort', /EVENTS_ONLY_OFFERING_AUDIENCE: "cohort" is not 1 or 0/],
  ]);

  it('are listed by config:check with their sources', () => {
    const rows = describeConfig(load({ EVENTS_ONLINE_MEETINGS: '0' }));
    const byName = new Map(rows.map((row) => [row.name, row]));
    expect(byName.get('EVENTS_ONLINE_MEETINGS')).toEqual({
      name: 'EVENTS_ONLINE_MEETINGS',
      value: '0',
      source: 'environment',
    });
    expect(byName.get('EVENTS_WINDOW_FUTURE_DAYS')).toEqual({
      name: 'EVENTS_WINDOW_FUTURE_DAYS',
      value: '120',
      source: 'default',
    });
  });
});
