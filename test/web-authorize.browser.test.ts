// The guide's walk in a real browser (Debian's headless Chromium via playwright-core) against the Microsoft 365
// emulator: sign in → profile menu → Microsoft Account → Authorize Account → the emulator's sign-in page (pick the
// admin) and consent (Accept) → back, connected as that user → Outlook Time Zone saved. And: Cancel at consent, a
// tampered state and a replayed answer, a staff account, the switched-off feature. The web app listens on a real port
// (ENTRADA_URL) registered as the emulator app's redirect URI; our CSP must let the Authorize post redirect to
// MS_LOGIN_URL. Screenshots go to $WEB_SCREENSHOTS when it is set.
import { existsSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../emulator/src/server.js';
import { DEFAULT_SEED_PATH, loadSeedFile } from '../emulator/src/tenant/load-seed.js';
import { firstApp } from '../emulator/src/testing/oauth.js';
import { setSetting } from '../src/elentra/index.js';
import { createIdentity } from '../src/microsoft/identity/index.js';
import { freePort } from '../src/web/testing/free-port.js';
import { ADMIN, STAFF, startWebFixture, type WebFixture } from '../src/web/testing/web-fixture.js';
import { describeWithBrowser, launchChromium, openProfileMenu, signInInBrowser, snap } from './support/browser.js';
import { emulatorWebEnv, textLog } from './support/web-emulator.js';

const ALEX = 'alex.admin@elentra-demo.onmicrosoft.com';

let emu: RunningEmulator;
let web: WebFixture;
let browser: Browser;
let baseUrl: string;
const log = textLog();
const pagesSeen: string[] = [];
const contexts: BrowserContext[] = [];

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 860 } });
  contexts.push(context);
  const page = await context.newPage();
  page.on('load', () => {
    page.content().then(
      (html) => pagesSeen.push(html),
      () => undefined,
    );
  });
  return page;
}

async function signIn(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await expect.poll(() => page.url()).toContain('/sign-in');
  await snap(page, '0-sign-in');
  await signInInBrowser(page, baseUrl, user);
}

async function openMicrosoftAccount(page: Page): Promise<void> {
  const menu = await openProfileMenu(page);
  await snap(page, '1-profile-menu');
  await menu.getByRole('link', { name: 'Microsoft Account' }).click();
  await page.waitForURL(`${baseUrl}/admin/microsoft-account`);
}

/** From the Microsoft Account page to the emulator's consent page, as the admin user. */
async function authorizeUpToConsent(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(Authorize Account|Re-authorize)$/ }).click();
  await page.waitForURL((url) => url.origin === new URL(emu.loginUrl).origin);
  await page.getByRole('button', { name: new RegExp(ALEX.replaceAll('.', '\\.')) }).click();
  await page.getByRole('heading', { name: 'Permissions requested' }).waitFor();
}

describeWithBrowser('authorizing the Microsoft account in a browser', () => {
  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const seed = loadSeedFile(DEFAULT_SEED_PATH);
    const [app] = seed.apps;
    if (!app) throw new Error('the default seed has no app');
    app.redirectUris = [`${baseUrl}/api/ms-graph-oauth.php`];
    emu = await startEmulator({ seed });
    web = await startWebFixture({ log: log.stream, env: emulatorWebEnv(emu, baseUrl) });
    await web.app.listen({ port, host: '127.0.0.1' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await web?.close();
    await emu?.stop();
  });

  it('walks sign in → profile menu → Microsoft Account → Authorize → Accept → connected, time zone saved', async () => {
    const page = await newPage();
    await signIn(page, ADMIN);
    await snap(page, '1-overview');
    await openMicrosoftAccount(page);
    await expect.poll(() => page.getByRole('heading', { name: 'OAuth Token' }).isVisible()).toBe(true);
    await expect.poll(() => page.locator('.badge').first().textContent()).toBe('Not authorized');
    await snap(page, '2-not-authorized');

    await authorizeUpToConsent(page);
    await snap(page, '3-consent');
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.waitForURL(`${baseUrl}/admin/microsoft-account?connected=1`);
    expect(await page.getByRole('status').first().textContent()).toBe(`Connected as ${ALEX}.`);
    expect(await page.getByRole('button', { name: 'Re-authorize' }).isVisible()).toBe(true);

    await page.getByLabel('Outlook Time Zone').selectOption('Central Standard Time');
    await page.getByRole('button', { name: 'Save time zone' }).click();
    await page.waitForURL(`${baseUrl}/admin/microsoft-account?saved=time-zone`);
    expect(await page.locator('#time-zone-warning').textContent()).toContain('1 hour behind');
    await snap(page, '4-connected-warning');
    await page.getByLabel('Outlook Time Zone').selectOption('Eastern Standard Time');
    await page.getByRole('button', { name: 'Save time zone' }).click();
    await page.waitForURL(`${baseUrl}/admin/microsoft-account?saved=time-zone`);
    expect(await page.getByText('Outlook Time Zone saved: Eastern Standard Time.').isVisible()).toBe(true);
    expect(await page.locator('#time-zone-warning').count()).toBe(0);
    await snap(page, '5-connected');

    const summary = await createIdentity({ config: web.config, database: web.database }).store.summary();
    expect(summary).toMatchObject({
      status: 'connected',
      authorizedBy: ADMIN.username,
      outlookTimeZone: 'Eastern Standard Time',
    });
    expect(summary.account?.username).toBe(ALEX);
  });

  it('Cancel at consent → a clear message', async () => {
    const page = await newPage();
    await signIn(page, ADMIN);
    await openMicrosoftAccount(page);
    await authorizeUpToConsent(page);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('heading', { name: 'Authorization cancelled' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('The permissions were declined');
    await snap(page, '6-cancelled');
    await page.getByRole('link', { name: 'Back to Microsoft Account' }).click();
    await page.waitForURL(`${baseUrl}/admin/microsoft-account`);
  });

  it('refuses a tampered state and a replayed answer', async () => {
    const page = await newPage();
    await signIn(page, ADMIN);
    await openMicrosoftAccount(page);
    await authorizeUpToConsent(page);
    // Hold Microsoft's redirect back, as an attacker in the middle would (Playwright does not route redirects, so the
    // consent post is sent by the test and its Location kept), and present an altered state instead.
    let answer = '';
    await page.route('**/common/Consent/Set', async (route) => {
      const response = await route.fetch({ maxRedirects: 0 });
      answer = response.headers().location ?? '';
      await route.abort();
    });
    await page.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => answer).toContain('/api/ms-graph-oauth.php?code=');
    await page.unroute('**/common/Consent/Set');
    const tampered = new URL(answer);
    tampered.searchParams.set('state', `${tampered.searchParams.get('state')?.slice(0, -4)}AAAA`);
    expect((await page.goto(tampered.toString()))?.status()).toBe(400);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'This answer from Microsoft was not recognised',
    );
    await snap(page, '7-tampered');
    await page.goto(answer);
    await page.waitForURL(`${baseUrl}/admin/microsoft-account?connected=1`);
    expect((await page.goto(answer))?.status()).toBe(400);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('This sign-in was already completed');
  });

  it('gives a staff account 403 and no Microsoft Account entry', async () => {
    const page = await newPage();
    await signIn(page, STAFF);
    expect(await (await openProfileMenu(page)).getByRole('link', { name: 'Microsoft Account' }).count()).toBe(0);
    expect((await page.goto(`${baseUrl}/admin/microsoft-account`))?.status()).toBe(403);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Administrators only');
    await snap(page, '8-staff-403');
  });

  it('shows no menu entry when the feature is disabled, and explains how to enable it', async () => {
    await setSetting(web.elentra, 'microsoft_teams_enabled', '0', null);
    try {
      const page = await newPage();
      await signIn(page, ADMIN);
      const menu = await openProfileMenu(page);
      expect(await menu.getByRole('link', { name: 'Microsoft Account' }).count()).toBe(0);
      expect(await menu.getByRole('link', { name: 'Settings' }).count()).toBe(1);
      await page.goto(`${baseUrl}/admin/microsoft-account`);
      expect(await page.getByText('The Microsoft Teams integration is switched off').isVisible()).toBe(true);
      await snap(page, '9-disabled');
    } finally {
      await setSetting(web.elentra, 'microsoft_teams_enabled', '1', null);
    }
  });

  it('never showed or logged a token, the client secret, or a code', async () => {
    const record = await createIdentity({ config: web.config, database: web.database }).store.read();
    const secrets = [record?.accessToken, record?.refreshToken, firstApp(emu).secret].filter(
      (value): value is string => typeof value === 'string',
    );
    expect(secrets).toHaveLength(3);
    expect(pagesSeen.length).toBeGreaterThan(5);
    for (const secret of secrets) {
      expect(log.text()).not.toContain(secret);
      for (const html of pagesSeen) expect(html).not.toContain(secret);
    }
    expect(log.text()).not.toMatch(/[?&](code|state)=/);
    const files = [web.databaseFile, `${web.databaseFile}-wal`].filter((path) => existsSync(path));
    const bytes = files.map((path) => readFileSync(path).toString('latin1')).join('');
    for (const secret of secrets) expect(bytes).not.toContain(secret);
  });
});
