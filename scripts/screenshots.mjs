// `npm run screenshots`: the README's and docs' pictures, taken from the real program so they never go stale. Builds,
// starts `elentra-teams start` (the embedded demo: SQLite, the Microsoft 365 emulator, the demo school) in a fresh
// temporary folder, drives Debian's Chromium (playwright-core; CHROMIUM_PATH to use another) through it — sign in
// with the printed one-time password, authorize the Microsoft account through the emulator's pages, set the Outlook
// Time Zone, run Sync now and wait for it — and writes 1280×800 PNGs to docs/screenshots/. Stops the program and
// removes the folder afterwards, also on failure.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = join(ROOT, 'docs/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const VIEWPORT = { width: 1280, height: 800 };

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Starts the built program; resolves once it printed the one-time password and the emulator's viewer address. */
function startDemo(folder, port) {
  const child = spawn(process.execPath, [join(ROOT, 'bin/elentra-teams.js'), 'start'], {
    cwd: folder,
    env: { PATH: process.env.PATH, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the demo did not start in time:\n${output}`)), 60_000);
    const onData = (chunk) => {
      output += chunk;
      const password = /one-time password (\S+)/.exec(output)?.[1];
      const viewer = /Microsoft 365 emulator \(the demo's tenant\): (\S+)/.exec(output)?.[1];
      if (password && viewer && output.includes('Press Ctrl+C')) {
        clearTimeout(timer);
        resolve({ password, viewer });
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    child.once('exit', (code) => reject(new Error(`the demo exited (${code}):\n${output}`)));
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { ready, stop };
}

async function shot(page, name) {
  await page.screenshot({ path: join(OUT, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
}

async function main() {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  mkdirSync(OUT, { recursive: true });
  const folder = mkdtempSync(join(tmpdir(), 'et-screenshots-'));
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const demo = startDemo(folder, port);
  let browser;
  try {
    const { password, viewer } = await demo.ready;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();

    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Username').fill('admin');
    await shot(page, 'sign-in');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/`);

    // Authorize through the emulator's sign-in and consent pages, as an administrator would at Microsoft.
    await page.goto(`${base}/admin/microsoft-account`);
    await page.getByRole('button', { name: 'Authorize Account' }).click();
    await page.waitForURL((url) => url.port !== String(port));
    await page.getByRole('button', { name: /it\.admin@/ }).click();
    const accept = page.getByRole('button', { name: 'Accept' });
    if (await accept.isVisible().catch(() => false)) await accept.click();
    await page.waitForURL(`${base}/admin/microsoft-account?connected=1`);
    await page.getByLabel('Outlook Time Zone').selectOption('Eastern Standard Time');
    await page.getByRole('button', { name: 'Save time zone' }).click();
    await page.waitForURL(/saved=time-zone/);
    await page.goto(`${base}/admin/microsoft-account`);
    await shot(page, 'microsoft-account');

    // Sync now, then wait for the dashboard to say the run is over (it refreshes itself meanwhile).
    await page.goto(`${base}/admin/dashboard`);
    await page.getByRole('button', { name: 'Sync now', exact: true }).click();
    await page.waitForURL(/done=started/);
    const deadline = Date.now() + 120_000;
    while (!(await page.content().catch(() => '')).includes('Last Sync now')) {
      if (Date.now() > deadline) throw new Error('Sync now did not finish in two minutes');
      await page.waitForTimeout(500);
    }
    // From the integration's state down into the offerings (the line about the last Sync now stays above).
    await page.goto(`${base}/admin/dashboard`);
    const cards = await page.locator('.grid-4').boundingBox();
    await page.mouse.wheel(0, Math.max(0, (cards?.y ?? 0) - 24));
    await page.waitForTimeout(300);
    await shot(page, 'dashboard');
    const attention = page.locator('table.offerings tbody tr', { hasText: 'Needs attention' }).first();
    await attention.locator('a').first().click();
    await page.waitForURL(/\/admin\/dashboard\/offering\?key=/);
    await shot(page, 'offering-detail');

    await page.goto(`${base}/admin/scheduled-jobs`);
    await shot(page, 'scheduled-jobs');
    await page.goto(viewer);
    await shot(page, 'emulator-tenant');
    await context.close();
  } finally {
    await browser?.close();
    await demo.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
