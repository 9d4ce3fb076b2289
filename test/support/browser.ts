// Headless Chromium for browser tests, driven by playwright-core (no bundled browser: Debian's /usr/bin/chromium).
// Without that binary the suite is declared as skipped, with the reason in its name, so a CI log shows what did not
// run. Every test gets a fresh context (its own cookies). Also the steps the browser tests share: a screenshot into
// $WEB_SCREENSHOTS, signing in with the web app's form, and opening the profile menu.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { describe } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumMissingReason(): string | undefined {
  return existsSync(CHROMIUM_PATH) ? undefined : `no Chromium at ${CHROMIUM_PATH}`;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** `describe` when Chromium is installed, else a visibly skipped suite naming why. */
export function describeWithBrowser(title: string, body: () => void): void {
  const reason = chromiumMissingReason();
  if (reason === undefined) describe(title, body);
  else describe.skip(`${title} (skipped: ${reason})`, body);
}

const SCREENSHOTS = process.env.WEB_SCREENSHOTS;

/** A full-page screenshot `<name>.png` in $WEB_SCREENSHOTS; nothing when it is not set. */
export async function snap(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** On the sign-in page: fills in `account`, submits, and waits for the home page at `baseUrl`. */
export async function signInInBrowser(
  page: Page,
  baseUrl: string,
  account: { username: string; password: string },
): Promise<void> {
  await page.getByLabel('Username').fill(account.username);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${baseUrl}/`);
}

/** The profile menu, opened. */
export async function openProfileMenu(page: Page): Promise<Locator> {
  const menu = page.getByRole('navigation', { name: 'Profile menu' });
  await menu.locator('summary').click();
  return menu;
}
