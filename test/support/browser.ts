// Headless Chromium for browser tests, driven by playwright-core (no bundled browser: Debian's /usr/bin/chromium).
// Without that binary the suite is declared as skipped, with the reason in its name, so a CI log shows what did not
// run. Every test gets a fresh context (its own cookies).
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
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
