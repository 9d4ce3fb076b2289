// Stored XSS through Elentra's course and event names: after a real sync of hostile names, every page that shows
// them — the sync dashboard, the offering page, the emulator's tenant viewer — shows them escaped, never as markup.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wireTeamsSync } from '../src/sync/run/wire-sync.js';
import { startDashboardServer } from '../src/web/testing/dashboard-server.js';
import { WebClient } from '../src/web/testing/web-client.js';
import { ADMIN } from '../src/web/testing/web-fixture.js';
import { openSyncWorld, type SyncWorld } from './support/sync-teams-harness.js';

const COURSE = '<script>alert("course")</script>Anatomy';
const PERIOD = '"><img src=x onerror=alert(3)>';
const EVENT = '<img src=x onerror=alert("event")>Lecture';

let world: SyncWorld;
let app: FastifyInstance;
let key = '';

beforeAll(async () => {
  world = await openSyncWorld();
  await world.elentra.db.updateTable('courses').set({ course_name: COURSE }).where('course_id', '=', 2).execute();
  await world.elentra.db
    .updateTable('curriculum_periods')
    .set({ curriculum_period_title: PERIOD })
    .where('cperiod_id', '=', 1)
    .execute();
  await world.elentra.db.updateTable('events').set({ event_title: EVENT }).where('course_id', '=', 2).execute();
  key = 'course:2:period:1';
  await world.sync();
  app = await startDashboardServer({
    config: world.config,
    database: world.database,
    elentra: world.elentra,
    wire: () =>
      wireTeamsSync({ config: world.config, database: world.database, elentra: world.elentra, triggeredBy: 'web' }),
  });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await world?.close();
});

function expectEscaped(body: string): void {
  expect(body).not.toContain('<script>alert');
  expect(body).not.toContain('<img src=x');
  expect(body).not.toMatch(/<[a-z]+[^>]*\bonerror=/i);
}

describe('hostile course, period and event names', () => {
  it('the dashboard and the offering page show them escaped', async () => {
    const client = new WebClient(app);
    await client.signIn(ADMIN.username, ADMIN.password);
    const dashboard = await client.get('/admin/dashboard');
    expect(dashboard.status).toBe(200);
    expect(dashboard.body).toContain('&lt;script&gt;alert(');
    expectEscaped(dashboard.body);
    const page = await client.get(`/admin/dashboard/offering?key=${encodeURIComponent(key)}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('&lt;script&gt;alert(');
    expectEscaped(page.body);
  });

  it('the emulator tenant viewer shows them escaped', async () => {
    const viewer = await (await fetch(world.emu.viewerUrl)).text();
    expect(viewer).toContain('&lt;script&gt;alert(');
    expectEscaped(viewer);
  });
});
