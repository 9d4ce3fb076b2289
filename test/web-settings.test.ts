// The profile menu and the admin Settings page over Elentra's `settings` rows: the Microsoft Account entry follows
// `user_menu_ordering` and `microsoft_teams_enabled` (the organisation's row over the global row), and the Settings
// page switches both, writing the row that decides each value and auditing every change.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getSetting, setSetting } from '../src/elentra/index.js';
import { ADMIN, startWebFixture, type WebFixture } from '../src/web/testing/web-fixture.js';

let web: WebFixture;
const MENU_LINK = '<li><a href="/admin/microsoft-account">Microsoft Account</a></li>';

async function home(): Promise<string> {
  const client = web.client();
  await client.signIn(ADMIN.username, ADMIN.password);
  return (await client.get('/')).body;
}

async function resetSettings(): Promise<void> {
  await web.elentra.db.deleteFrom('settings').execute();
  await setSetting(web.elentra, 'microsoft_teams_enabled', '1', null);
  await setSetting(web.elentra, 'user_menu_ordering', 'profile,gradingtasks,privacy,notifications,microsoft', null);
}

beforeAll(async () => {
  web = await startWebFixture();
});

beforeEach(resetSettings);

afterAll(async () => {
  await web?.close();
});

describe('the profile menu', () => {
  it('shows Microsoft Account when enabled and listed, and skips entries it has no page for', async () => {
    const body = await home();
    expect(body).toContain('<nav class="profile" aria-label="Profile menu">');
    expect(body).toContain(MENU_LINK);
    expect(body).not.toMatch(/gradingtasks|privacy|notifications/);
  });

  it('hides it when the feature is disabled, or the entry is not in user_menu_ordering', async () => {
    await setSetting(web.elentra, 'microsoft_teams_enabled', '0', null);
    expect(await home()).not.toContain(MENU_LINK);
    await setSetting(web.elentra, 'microsoft_teams_enabled', '1', null);
    await setSetting(web.elentra, 'user_menu_ordering', 'profile,privacy', null);
    expect(await home()).not.toContain(MENU_LINK);
  });

  it("uses organisation 1's row over the global row", async () => {
    await setSetting(web.elentra, 'microsoft_teams_enabled', '0', 1);
    expect(await home()).not.toContain(MENU_LINK);
    await setSetting(web.elentra, 'microsoft_teams_enabled', '0', null);
    await setSetting(web.elentra, 'microsoft_teams_enabled', '1', 1);
    expect(await home()).toContain(MENU_LINK);
  });
});

describe('the Settings page', () => {
  it('switches both settings off and on, keeping the other menu entries, and audits each change', async () => {
    const client = web.client();
    await client.signIn(ADMIN.username, ADMIN.password);
    const page = await client.get('/admin/settings');
    expect(page.body).toContain('<label for="teams-enabled">Enable the Microsoft Teams integration</label>');
    expect(page.body).toMatch(/id="teams-enabled"[^>]* checked>/);

    const off = await client.post('/admin/settings', {});
    expect(off.location).toBe('/admin/settings?saved=changed');
    expect(await getSetting(web.elentra, 'microsoft_teams_enabled', 1)).toBe('0');
    expect(await getSetting(web.elentra, 'user_menu_ordering', 1)).toBe('profile,gradingtasks,privacy,notifications');
    const saved = await client.get(off.location ?? '');
    expect(saved.body).toContain('The settings were saved.');
    expect(saved.body).not.toContain(MENU_LINK);

    await client.post('/admin/settings', { teamsEnabled: '1', menuEntry: '1' });
    expect(await getSetting(web.elentra, 'microsoft_teams_enabled', 1)).toBe('1');
    expect(await getSetting(web.elentra, 'user_menu_ordering', 1)).toBe(
      'profile,gradingtasks,privacy,notifications,microsoft',
    );
    const unchanged = await client.post('/admin/settings', { teamsEnabled: '1', menuEntry: '1' });
    expect(unchanged.location).toBe('/admin/settings?saved=unchanged');

    const audits = await web.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'settings.set')
      .orderBy('id')
      .execute();
    expect(audits.map((row) => [row.actor, row.target, JSON.parse(row.detail ?? '{}')])).toEqual([
      [`web:${ADMIN.username}`, 'microsoft_teams_enabled@global', { previous: '1', value: '0' }],
      [
        `web:${ADMIN.username}`,
        'user_menu_ordering@global',
        {
          previous: 'profile,gradingtasks,privacy,notifications,microsoft',
          value: 'profile,gradingtasks,privacy,notifications',
        },
      ],
      [`web:${ADMIN.username}`, 'microsoft_teams_enabled@global', { previous: '0', value: '1' }],
      [
        `web:${ADMIN.username}`,
        'user_menu_ordering@global',
        {
          previous: 'profile,gradingtasks,privacy,notifications',
          value: 'profile,gradingtasks,privacy,notifications,microsoft',
        },
      ],
    ]);
    expect(audits.every((row) => row.ip === '127.0.0.1')).toBe(true);
  });

  it("writes the organisation's row when it has one, so the change takes effect", async () => {
    await setSetting(web.elentra, 'microsoft_teams_enabled', '0', 1);
    const client = web.client();
    await client.signIn(ADMIN.username, ADMIN.password);
    const page = await client.get('/admin/settings');
    expect(page.body).toContain('in the organisation 1 row');
    await client.post('/admin/settings', { teamsEnabled: '1', menuEntry: '1' });
    const rows = await web.elentra.db
      .selectFrom('settings')
      .select(['organisation_id', 'value'])
      .where('shortname', '=', 'microsoft_teams_enabled')
      .orderBy('setting_id')
      .execute();
    expect(rows).toEqual([
      { organisation_id: null, value: '1' },
      { organisation_id: 1, value: '1' },
    ]);
  });

  it('adds the entry to an absent user_menu_ordering', async () => {
    await web.elentra.db.deleteFrom('settings').where('shortname', '=', 'user_menu_ordering').execute();
    const client = web.client();
    await client.signIn(ADMIN.username, ADMIN.password);
    expect((await client.get('/admin/settings')).body).toContain('<code class="wrap">(not set)</code>');
    await client.post('/admin/settings', { teamsEnabled: '1', menuEntry: '1' });
    expect(await getSetting(web.elentra, 'user_menu_ordering', 1)).toBe('microsoft');
  });
});
