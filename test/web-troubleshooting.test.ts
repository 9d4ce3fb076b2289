// The Troubleshooting page (GET /admin/troubleshooting) against the Microsoft 365 emulator: an administrator sees
// every doctor check with its badge, the fix in words, the guide's section and its Fix quoted; before authorization
// the authorization check fails with "Authorize Account", after the real sign-in it passes and Graph answers; Elentra
// text in a check's detail is escaped; staff get 403 and the profile menu links the page for administrators only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../emulator/src/server.js';
import { driveSignIn } from '../emulator/src/testing/oauth.js';
import { CHECK_SPECS } from '../src/doctor/index.js';
import { setSetting } from '../src/elentra/index.js';
import type { WebClient } from '../src/web/testing/web-client.js';
import { ADMIN, STAFF, startWebFixture, type WebFixture } from '../src/web/testing/web-fixture.js';
import { emulatorWebEnv } from './support/web-emulator.js';

const PAGE = '/admin/troubleshooting';
const ALEX = 'alex.admin@elentra-demo.onmicrosoft.com';

let emu: RunningEmulator;
let web: WebFixture;

async function admin(): Promise<WebClient> {
  const client = web.client();
  await client.signIn(ADMIN.username, ADMIN.password);
  return client;
}

/** The card of one check, from its opening tag to the next card. */
function card(body: string, id: string): string {
  const start = body.indexOf(`id="check-${id}"`);
  expect(start).toBeGreaterThan(-1);
  const end = body.indexOf('<section', start + 1);
  return body.slice(start, end === -1 ? undefined : end);
}

beforeAll(async () => {
  emu = await startEmulator({});
  web = await startWebFixture({ env: emulatorWebEnv(emu, 'http://localhost:8080') });
});

afterAll(async () => {
  await web?.close();
  await emu?.stop();
});

describe('the Troubleshooting page', () => {
  it('shows every check to an administrator; not authorized yet → the fix and the guide’s section', async () => {
    const client = await admin();
    const page = await client.get(PAGE);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1>Troubleshooting</h1>');
    for (const spec of CHECK_SPECS) expect(page.body).toContain(`id="check-${spec.id}"`);
    const token = card(page.body, 'token');
    expect(token).toContain('<span class="badge badge-error">Failed</span>');
    expect(token).toContain('No Microsoft account is authorized.');
    expect(token).toContain('<strong>Fix:</strong>');
    expect(token).toContain('<code>docs/troubleshooting.md#microsoft-not-authorized</code>');
    // The guide's own Fix, quoted, with its code spans.
    expect(token).toMatch(/<blockquote class="hint">[\s\S]*Authorize Account[\s\S]*<code>MS_SERVICE_TOKEN_ID<\/code>/);
    expect(card(page.body, 'graph')).toContain('badge-muted">Skipped');
    expect(card(page.body, 'configuration')).toContain('badge-ok">Pass');
    // The emulator offers no client-credentials grant: without an authorization the secret is not verified.
    expect(card(page.body, 'client-secret')).toContain('badge-warning">Warning');
    expect(card(page.body, 'time-zone')).toContain('The Outlook Time Zone is not set');
  });

  it('after the real sign-in the authorization, the secret and Graph pass', async () => {
    const client = await admin();
    await client.get('/admin/microsoft-account');
    const start = await client.post('/admin/microsoft-account/authorize', {});
    const back = await driveSignIn(emu, start.location ?? '', { username: ALEX });
    expect((await client.get(`${back.pathname}${back.search}`)).status).toBe(303);
    const page = await client.get(PAGE);
    expect(card(page.body, 'token')).toContain('badge-ok">Pass');
    expect(card(page.body, 'token')).toContain(`Authorized as ${ALEX}`);
    expect(card(page.body, 'client-secret')).toContain('badge-ok">Pass');
    expect(card(page.body, 'graph')).toContain('badge-ok">Pass');
    expect(card(page.body, 'graph')).not.toContain('docs/troubleshooting.md#');
  });

  it('escapes Elentra text shown in a check', async () => {
    await setSetting(web.elentra, 'user_menu_ordering', 'profile,<script>alert(1)</script>', null);
    try {
      const page = await (await admin()).get(PAGE);
      const flag = card(page.body, 'feature-flag');
      expect(flag).toContain('badge-error">Failed');
      expect(flag).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(page.body).not.toContain('<script>alert(1)</script>');
    } finally {
      await setSetting(web.elentra, 'user_menu_ordering', 'profile,privacy,notifications,microsoft', null);
    }
  });

  it('is linked from the profile menu for administrators only; staff get 403', async () => {
    const home = await (await admin()).get('/');
    expect(home.body).toContain(`href="${PAGE}"`);
    const staff = web.client();
    await staff.signIn(STAFF.username, STAFF.password);
    expect((await staff.get('/')).body).not.toContain(`href="${PAGE}"`);
    const refused = await staff.get(PAGE);
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('Administrators only');
  });
});
