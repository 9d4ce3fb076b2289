import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getSetting, setSetting } from '../src/elentra/index.js';
import { wireTeamsSync } from '../src/sync/run/wire-sync.js';
import { Gate, startDashboardServer } from '../src/web/testing/dashboard-server.js';
import { freePort } from '../src/web/testing/free-port.js';
import { ADMIN } from '../src/web/testing/web-fixture.js';
import { describeWithBrowser, launchChromium, openProfileMenu, signInInBrowser, snap } from './support/browser.js';
import { ELECTIVE_GROUP_ID, leaveGroup } from './support/enrolment-changes.js';
import { openSyncWorld, type SyncWorld } from './support/sync-teams-harness.js';

let world: SyncWorld;
let browser: Browser;
let baseUrl: string;
let close: () => Promise<void> = async () => undefined;
const gate = new Gate();

/** The text of the progress section, tolerating the moments when the page is reloading itself. */
async function progressText(page: Page): Promise<string> {
  try {
    return (await page.locator('section.sync-progress').textContent({ timeout: 500 })) ?? '';
  } catch {
    return '';
  }
}

describeWithBrowser('the sync dashboard in a browser', () => {
  beforeAll(async () => {
    world = await openSyncWorld();
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const app = await startDashboardServer({
      config: world.config,
      database: world.database,
      elentra: world.elentra,
      gate,
      wire: () =>
        wireTeamsSync({
          config: world.config,
          database: world.database,
          elentra: world.elentra,
          triggeredBy: 'web',
          gateway: { replicationRetryDelaysMs: [50, 50, 50], poll: { pollIntervalMs: 10, timeoutMs: 5_000 } },
          retry: { maxRetries: 5, maxTotalWaitMs: 10_000, baseDelayMs: 5, maxDelayMs: 50 },
        }),
    });
    await app.listen({ port, host: '127.0.0.1' });
    close = () => app.close();
    browser = await launchChromium();
  });

  afterAll(async () => {
    gate.open();
    await browser?.close();
    await close();
    await world?.close();
  });

  it('opens the dashboard, runs Sync now with live progress, and confirms held removals', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await signInInBrowser(page, baseUrl, ADMIN);
    const menu = await openProfileMenu(page);
    await menu.getByRole('link', { name: 'Sync dashboard' }).click();
    await page.waitForURL(`${baseUrl}/admin/dashboard`);
    expect(await page.getByRole('heading', { name: 'Course offerings' }).isVisible()).toBe(true);
    expect(await page.locator('table.offerings tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByText('Not in Teams yet').count()).toBeGreaterThan(0);

    // Sync now: held at its first Microsoft request, so the progress is there to see; then slowed a little.
    gate.close();
    await page.getByRole('button', { name: 'Sync now', exact: true }).click();
    await page.waitForURL(`${baseUrl}/admin/dashboard?done=started`);
    expect(await page.getByRole('heading', { name: /Sync in progress/ }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Sync now', exact: true }).isDisabled()).toBe(true);
    await snap(page, 'dashboard-1-progress');
    gate.delayMs = 25;
    gate.open();
    await expect.poll(() => progressText(page), { timeout: 30_000, interval: 250 }).toContain('Last Sync now');
    expect(await progressText(page)).toMatch(/(\d+) of \1 offering\(s\) applied/);
    expect(page.url()).toBe(`${baseUrl}/admin/dashboard`);
    expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(0);
    expect(await page.getByText('Not in Teams yet').count()).toBe(0);
    await snap(page, 'dashboard-2-finished');
    gate.delayMs = 0;

    // A mass removal in Elentra: the next run holds it; the dashboard leads to it; Confirm removals.
    const matched = await world.database.db
      .selectFrom('ms_user_links')
      .select('proxy_id')
      .where('status', '=', 'matched')
      .execute();
    const ids = new Set(matched.map((row) => row.proxy_id));
    const inGroup = await world.elentra.db
      .selectFrom('group_members')
      .select('proxy_id')
      .where('group_id', '=', ELECTIVE_GROUP_ID)
      .where('member_active', '=', 1)
      .execute();
    const learners = inGroup.map((row) => row.proxy_id).filter((id) => ids.has(id));
    await leaveGroup(world.elentra, ELECTIVE_GROUP_ID, learners.slice(0, Math.ceil(learners.length * 0.6)));
    await world.sync();
    await page.reload();
    await page.getByRole('link', { name: /\d+ to confirm/ }).click();
    await page.waitForURL(/\/admin\/dashboard\/offering\?key=/);
    const pending = await page.getByText('Awaiting confirmation').count();
    expect(pending).toBeGreaterThan(0);
    await snap(page, 'dashboard-3-held');
    await page.getByRole('button', { name: 'Confirm removals' }).click();
    await page.waitForURL(/done=confirmed/);
    expect(await page.getByRole('status').first().textContent()).toContain(`${pending} removal(s) confirmed`);
    expect(await page.getByRole('button', { name: 'Confirm removals' }).count()).toBe(0);
    const report = await world.sync();
    expect(report.offerings.some((o) => (o.counts.removedMembers ?? 0) === pending)).toBe(true);
    await page.reload();
    expect(await page.getByText('None: the mass-removal guard is holding nothing for this team.').isVisible()).toBe(
      true,
    );
    await context.close();
  });

  it('shows the Troubleshooting page, and a switched-off integration as a failed check with its fix', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await signInInBrowser(page, baseUrl, ADMIN);
    const menu = await openProfileMenu(page);
    await menu.getByRole('link', { name: 'Troubleshooting' }).click();
    await page.waitForURL(`${baseUrl}/admin/troubleshooting`);
    expect(await page.getByRole('heading', { name: 'Troubleshooting', level: 1 }).isVisible()).toBe(true);
    expect(await page.locator('section[id^="check-"]').count()).toBeGreaterThanOrEqual(8);
    expect(await page.locator('#check-feature-flag .badge').textContent()).toBe('Pass');
    await snap(page, 'troubleshooting-1-pass');

    // Someone switches the integration off in Elentra's settings table: the check fails and says how to fix it.
    const previous = await getSetting(world.elentra, 'microsoft_teams_enabled', null);
    await setSetting(world.elentra, 'microsoft_teams_enabled', '0', null);
    const organisationRow = await getSetting(world.elentra, 'microsoft_teams_enabled', 1);
    if (organisationRow !== '0') await setSetting(world.elentra, 'microsoft_teams_enabled', '0', 1);
    try {
      await page.reload();
      const check = page.locator('#check-feature-flag');
      expect(await check.locator('.badge').textContent()).toBe('Failed');
      expect(await check.textContent()).toContain('Fix:');
      expect(await check.textContent()).toContain('docs/troubleshooting.md#integration-disabled');
      expect(await page.getByRole('alert').first().textContent()).toContain('fix the first failed check first');
      await snap(page, 'troubleshooting-2-fail');
    } finally {
      await setSetting(world.elentra, 'microsoft_teams_enabled', previous ?? '1', null);
      if (organisationRow !== null) await setSetting(world.elentra, 'microsoft_teams_enabled', organisationRow, 1);
    }
    await context.close();
  });
});
