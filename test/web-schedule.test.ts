// The "Scheduled jobs" page: the jobs of the cron table with next runs in the site's zone, switching a job on and off
// (audited, nothing changed for an unknown job), "Run now" started in the background under the job's lease (started /
// already running / the outcome in the run history), escaping of hand-edited rows, and administrators only.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createJobRegistry, type JobResult } from '../src/scheduler/index.js';
import type { WebClient } from '../src/web/testing/web-client.js';
import { ADMIN, STAFF, startWebFixture, type WebFixture } from '../src/web/testing/web-fixture.js';

const PAGE = '/admin/scheduled-jobs';
const TEAMS = 'microsoft:sync-teams';
const TOKEN = 'microsoft:refresh-token';
// Friday 9 January 2026, 10:00 in Toronto: the next midnight there is 05:00 UTC on the 10th.
const NOW = Date.parse('2026-01-09T15:00:00Z');

let web: WebFixture;
let release: (result: JobResult) => void = () => {};
let handlerCalls = 0;

/** Intl may put a narrow no-break space before AM/PM. */
const text = (body: string) => body.replace(/\u202f/g, ' ');

async function admin(): Promise<WebClient> {
  const client = web.client();
  await client.signIn(ADMIN.username, ADMIN.password);
  await client.get(PAGE);
  return client;
}

async function audits(action: string) {
  return web.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();
}

async function runsOf(job: string) {
  return web.database.db.selectFrom('cron_runs').selectAll().where('job_name', '=', job).orderBy('id').execute();
}

beforeAll(async () => {
  const jobRegistry = createJobRegistry({
    [TEAMS]: () => {
      handlerCalls += 1;
      return new Promise<JobResult>((resolve) => {
        release = resolve;
      });
    },
  });
  web = await startWebFixture({ now: () => NOW, jobRegistry });
});

beforeEach(async () => {
  for (const table of ['cron_runs', 'cron', 'audit_log'] as const) await web.database.db.deleteFrom(table).execute();
  handlerCalls = 0;
});

afterAll(async () => {
  await web?.close();
});

describe('the list', () => {
  it('lists every job, switched off, with its schedule and the site zone, linked from the profile menu', async () => {
    const client = await admin();
    const page = await client.get(PAGE);
    expect(page.status).toBe(200);
    for (const job of [TEAMS, 'microsoft:sync-events', TOKEN]) expect(page.body).toContain(`<code>${job}</code>`);
    expect(page.body).toContain('<code>0 3 * * 0</code>');
    expect(page.body).toContain('<strong>America/Toronto</strong>');
    expect(page.body.match(/Off: it runs only when started with Run now\./g)?.length).toBe(3);
    expect(page.body).toContain('No job has run yet.');
    expect(page.body).toContain(`<a href="${PAGE}" aria-current="page">Scheduled jobs</a>`);
    expect(page.body).toContain('Switch on<span class="visually-hidden"> microsoft:sync-teams</span>');
  });

  it('escapes a description edited by hand', async () => {
    const client = await admin();
    await web.database.db
      .updateTable('cron')
      .set({ description: '<script>alert(1)</script>' })
      .where('name', '=', TEAMS)
      .execute();
    const page = await client.get(PAGE);
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('switching a job on and off', () => {
  it('switches it on (next run at the next local midnight), audits it, and says so', async () => {
    const client = await admin();
    const answer = await client.post(`${PAGE}/active`, { job: TEAMS, active: '1' });
    expect(answer.status).toBe(303);
    expect(answer.location).toBe(`${PAGE}?done=switched-on&job=microsoft%3Async-teams`);
    const row = await web.database.db
      .selectFrom('cron')
      .selectAll()
      .where('name', '=', TEAMS)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ active: 1, next_due_at: Date.parse('2026-01-10T05:00:00Z') });
    const [audit, ...more] = await audits('schedule.set');
    expect(more).toEqual([]);
    expect(audit).toMatchObject({ actor: `web:${ADMIN.username}`, target: TEAMS, ip: '127.0.0.1' });
    expect(JSON.parse(audit?.detail ?? '{}')).toMatchObject({ before: { active: false }, after: { active: true } });

    const page = text((await client.get(answer.location ?? '')).body);
    expect(page).toContain('microsoft:sync-teams is switched on: it runs at its next due time (not at once).');
    expect(page).toContain('Jan 10, 2026, 12:00 AM EST (in 14 hours)');
    expect(page).toContain('Switch off<span class="visually-hidden"> microsoft:sync-teams</span>');

    const again = await client.post(`${PAGE}/active`, { job: TEAMS, active: '1' });
    expect(again.location).toBe(`${PAGE}?done=unchanged&job=microsoft%3Async-teams`);
    expect(await audits('schedule.set')).toHaveLength(1);

    const off = await client.post(`${PAGE}/active`, { job: TEAMS, active: '0' });
    expect(off.location).toBe(`${PAGE}?done=switched-off&job=microsoft%3Async-teams`);
    expect(await audits('schedule.set')).toHaveLength(2);
  });

  it('refuses an unknown job with a message and changes nothing', async () => {
    const client = await admin();
    const before = await web.database.db.selectFrom('cron').selectAll().orderBy('name').execute();
    const answer = await client.post(`${PAGE}/active`, { job: 'microsoft:nope', active: '1' });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('There is no job named &quot;microsoft:nope&quot;. Jobs: microsoft:sync-teams');
    expect(await web.database.db.selectFrom('cron').selectAll().orderBy('name').execute()).toEqual(before);
    expect(await audits('schedule.set')).toEqual([]);
  });

  it('shows no notice for a job name that is not a job', async () => {
    const client = await admin();
    const page = await client.get(`${PAGE}?done=saved&job=${encodeURIComponent('<b>pwned</b>')}`);
    expect(page.status).toBe(200);
    expect(page.body).not.toContain('pwned');
  });
});

describe('Run now', () => {
  it('starts the job in the background, refuses a second run while it runs, and shows the outcome', async () => {
    const client = await admin();
    // The handler does not finish until released: the answer comes back while the job still runs.
    const answer = await client.post(`${PAGE}/run`, { job: TEAMS });
    expect(answer.status).toBe(303);
    expect(answer.location).toBe(`${PAGE}?done=started&job=microsoft%3Async-teams`);
    await vi.waitFor(() => expect(handlerCalls).toBe(1));
    const [audit] = await audits('schedule.run_now');
    expect(audit).toMatchObject({ actor: `web:${ADMIN.username}`, target: TEAMS, ip: '127.0.0.1' });
    const running = await client.get(answer.location ?? '');
    expect(running.body).toContain('microsoft:sync-teams was started. It runs in the background');
    expect(running.body).toContain('<span class="badge badge-running">Running</span>');

    const busy = await client.post(`${PAGE}/run`, { job: TEAMS });
    expect(busy.location).toBe(`${PAGE}?done=busy&job=microsoft%3Async-teams`);
    const busyPage = await client.get(busy.location ?? '');
    expect(busyPage.body).toContain('microsoft:sync-teams is already running, so it was not started again.');
    expect(handlerCalls).toBe(1);
    expect(await audits('schedule.run_now')).toHaveLength(1);

    release({ summary: { teamsCreated: 2 } });
    await vi.waitFor(async () => expect((await runsOf(TEAMS))[0]?.status).toBe('ok'));
    const done = await client.get(PAGE);
    expect(done.body).toContain('<span class="badge badge-ok">OK</span>');
    expect(done.body).toContain(`Run now (web:${ADMIN.username})`);
    const row = await web.database.db
      .selectFrom('cron')
      .selectAll()
      .where('name', '=', TEAMS)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ lease_owner: null, last_status: 'ok', active: 0 });
  });

  it('records a job without a handler as an error, in words, in the history', async () => {
    const client = await admin();
    const answer = await client.post(`${PAGE}/run`, { job: TOKEN });
    expect(answer.location).toBe(`${PAGE}?done=started&job=microsoft%3Arefresh-token`);
    await vi.waitFor(async () => expect((await runsOf(TOKEN))[0]?.status).toBe('error'));
    const page = await client.get(PAGE);
    expect(page.body).toContain('<span class="badge badge-error">Error</span>');
    expect(page.body).toContain('The job microsoft:refresh-token is not implemented yet');
  });

  it('refuses an unknown job with a message and runs nothing', async () => {
    const client = await admin();
    const answer = await client.post(`${PAGE}/run`, { job: 'microsoft:nope' });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('There is no job named &quot;microsoft:nope&quot;.');
    expect(await web.database.db.selectFrom('cron_runs').selectAll().execute()).toEqual([]);
    expect(await audits('schedule.run_now')).toEqual([]);
  });
});

describe('administrators only', () => {
  it.each([PAGE, `${PAGE}/edit?job=microsoft%3Async-teams`])('staff get 403 on %s and no menu link', async (url) => {
    const client = web.client();
    await client.signIn(STAFF.username, STAFF.password);
    const answer = await client.get(url);
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('Administrators only');
    expect((await client.get('/')).body).not.toContain(`href="${PAGE}"`);
  });

  it('staff cannot switch or run a job', async () => {
    const client = web.client();
    await client.signIn(STAFF.username, STAFF.password);
    await client.get('/');
    expect((await client.post(`${PAGE}/active`, { job: TEAMS, active: '1' })).status).toBe(403);
    expect((await client.post(`${PAGE}/run`, { job: TEAMS })).status).toBe(403);
    expect(await web.database.db.selectFrom('cron_runs').selectAll().execute()).toEqual([]);
    expect(
      await web.database.db.selectFrom('audit_log').selectAll().where('action', 'like', 'schedule.%').execute(),
    ).toEqual([]);
  });
});
