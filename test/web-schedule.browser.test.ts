import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createJobRegistry } from '../src/scheduler/index.js';
import { freePort } from '../src/web/testing/free-port.js';
import { ADMIN, startWebFixture, type WebFixture } from '../src/web/testing/web-fixture.js';
import { describeWithBrowser, launchChromium, openProfileMenu, signInInBrowser, snap } from './support/browser.js';

let web: WebFixture;
let browser: Browser;
let baseUrl: string;

describeWithBrowser('the Scheduled jobs page in a browser', () => {
  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const jobRegistry = createJobRegistry({ 'microsoft:sync-teams': async () => ({ summary: { teamsCreated: 2 } }) });
    web = await startWebFixture({ env: { ENTRADA_URL: baseUrl }, jobRegistry });
    await web.app.listen({ port, host: '127.0.0.1' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('edits with a preview, saves, switches on and runs a job', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 860 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await signInInBrowser(page, baseUrl, ADMIN);

    const menu = await openProfileMenu(page);
    await menu.getByRole('link', { name: 'Scheduled jobs' }).click();
    await page.waitForURL(`${baseUrl}/admin/scheduled-jobs`);
    await snap(page, 'jobs-1-list');

    await page.getByRole('link', { name: 'Edit schedule of microsoft:sync-teams' }).click();
    await page.getByLabel('Cron expression').fill('30 2 * * 1-5');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.waitForURL(`${baseUrl}/admin/scheduled-jobs/preview`);
    expect(await page.getByRole('status').locator('li').count()).toBe(5);
    await snap(page, 'jobs-2-preview');

    await page.getByLabel('Cron expression').fill('30 2 * * 8');
    await page.getByRole('button', { name: 'Save schedule' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('day-of-week field "8" is not valid');
    await snap(page, 'jobs-3-invalid');

    await page.getByLabel('Cron expression').fill('30 2 * * 1-5');
    await page.getByRole('button', { name: 'Save schedule' }).click();
    await page.waitForURL(/\/admin\/scheduled-jobs\?done=saved/);
    await page.getByRole('button', { name: 'Switch on microsoft:sync-teams' }).click();
    await page.waitForURL(/done=switched-on/);
    await page.getByRole('button', { name: 'Run now microsoft:sync-teams' }).click();
    await page.waitForURL(/done=started/);
    await expect
      .poll(async () => {
        await page.reload();
        return page.locator('table.runs tbody tr').first().textContent();
      })
      .toContain('OK');
    await snap(page, 'jobs-4-ran');
    await context.close();
  });
});
