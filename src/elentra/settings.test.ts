// Settings resolution (an organisation's row wins over the global one), writes, and the guide's two settings.
import { afterEach, describe, expect, it } from 'vitest';
import {
  enableMicrosoftTeams,
  isTeamsEnabledValue,
  microsoftMenuEntryPresent,
  readMicrosoftSettings,
  withMicrosoftMenuEntry,
} from './microsoft-settings.js';
import { type ElentraHandle, openElentra } from './open-elentra.js';
import { migrateElentraDemoSchema } from './schema/migrate-demo-schema.js';
import { getSetting, setSetting } from './settings.js';
import { ElentraFixture } from './testing/elentra-fixture.js';

let handle: ElentraHandle | undefined;
afterEach(async () => {
  await handle?.close();
  handle = undefined;
});

async function fixture(): Promise<ElentraFixture> {
  handle = await openElentra('sqlite::memory:');
  await migrateElentraDemoSchema(handle);
  return new ElentraFixture(handle, 1_770_000_000);
}

describe('getSetting', () => {
  it.each([
    { rows: [], organisation: 1, expected: null },
    { rows: [[null, 'global']], organisation: undefined, expected: 'global' },
    { rows: [[null, 'global']], organisation: 1, expected: 'global' },
    {
      rows: [
        [null, 'global'],
        [1, 'own'],
      ],
      organisation: 1,
      expected: 'own',
    },
    {
      rows: [
        [1, 'own'],
        [null, 'global'],
      ],
      organisation: 1,
      expected: 'own',
    },
    {
      rows: [
        [null, 'global'],
        [2, 'other'],
      ],
      organisation: 1,
      expected: 'global',
    },
    { rows: [[1, 'own']], organisation: undefined, expected: null },
    { rows: [[1, 'own']], organisation: 2, expected: null },
    {
      rows: [
        [null, 'first'],
        [null, 'second'],
      ],
      organisation: undefined,
      expected: 'first',
    },
  ] as Array<{ rows: Array<[number | null, string]>; organisation: number | undefined; expected: string | null }>)(
    'rows $rows, organisation $organisation → $expected',
    async ({ rows, organisation, expected }) => {
      const f = await fixture();
      for (const [org, value] of rows) await f.setting('user_menu_ordering', value, org);
      await f.setting('something_else', 'x', null);
      expect(await getSetting(f.handle, 'user_menu_ordering', organisation)).toBe(expected);
    },
  );
});

describe('setSetting', () => {
  it('inserts, updates, and leaves an equal value alone, touching only its own organisation row', async () => {
    const f = await fixture();
    expect(await setSetting(f.handle, 'microsoft_teams_enabled', '0')).toEqual({ action: 'inserted', previous: null });
    expect(await setSetting(f.handle, 'microsoft_teams_enabled', '1')).toEqual({ action: 'updated', previous: '0' });
    expect(await setSetting(f.handle, 'microsoft_teams_enabled', '1')).toEqual({ action: 'unchanged', previous: '1' });
    expect(await setSetting(f.handle, 'microsoft_teams_enabled', '0', 3)).toEqual({
      action: 'inserted',
      previous: null,
    });
    expect(await getSetting(f.handle, 'microsoft_teams_enabled')).toBe('1');
    expect(await getSetting(f.handle, 'microsoft_teams_enabled', 3)).toBe('0');
    const rows = await f.handle.db.selectFrom('settings').selectAll().execute();
    expect(rows).toHaveLength(2);
  });
});

describe('the guide settings', () => {
  it.each([
    [null, false],
    ['1', true],
    [' 1 ', true],
    ['0', false],
    ['', false],
    ['true', false],
  ] as Array<[string | null, boolean]>)('microsoft_teams_enabled %j is on: %s', (value, expected) => {
    expect(isTeamsEnabledValue(value)).toBe(expected);
  });

  it.each([
    [null, 'microsoft', false],
    ['', 'microsoft', false],
    ['profile,privacy,notifications', 'profile,privacy,notifications,microsoft', false],
    ['profile, privacy ,notifications,', 'profile,privacy,notifications,microsoft', false],
    ['profile,microsoft,privacy', 'profile,microsoft,privacy', true],
    ['profile,microsoftx', 'profile,microsoftx,microsoft', false],
  ] as Array<[string | null, string, boolean]>)('menu %j → %j (present before: %s)', (value, expected, present) => {
    expect(microsoftMenuEntryPresent(value)).toBe(present);
    expect(withMicrosoftMenuEntry(value)).toBe(expected);
  });

  it('enableMicrosoftTeams applies both guide steps, once', async () => {
    const f = await fixture();
    await f.setting('user_menu_ordering', 'profile,gradingtasks,annualreport,privacy,notifications');
    const first = await enableMicrosoftTeams(f.handle);
    expect(first.enabled.action).toBe('inserted');
    expect(first.menu.action).toBe('updated');
    expect(await readMicrosoftSettings(f.handle)).toEqual({
      teamsEnabled: true,
      menuOrdering: 'profile,gradingtasks,annualreport,privacy,notifications,microsoft',
      menuEntryPresent: true,
    });
    const second = await enableMicrosoftTeams(f.handle);
    expect([second.enabled.action, second.menu.action]).toEqual(['unchanged', 'unchanged']);
  });
});
