// Editing a job's schedule on the "Scheduled jobs" page: the accessible form, a valid expression saved and audited,
// an invalid one refused with the validator's message and nothing saved, and Preview (the next five runs in the
// site's zone, or the message) which never saves.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WebClient } from '../src/web/testing/web-client.js';
import { ADMIN, startWebFixture, type WebFixture } from '../src/web/testing/web-fixture.js';

const PAGE = '/admin/scheduled-jobs';
const EDIT = `${PAGE}/edit`;
const TEAMS = 'microsoft:sync-teams';
// Friday 9 January 2026, 10:00 in Toronto.
const NOW = Date.parse('2026-01-09T15:00:00Z');

let web: WebFixture;

const text = (body: string) => body.replace(/\u202f/g, ' ');

async function editForm(): Promise<WebClient> {
  const client = web.client();
  await client.signIn(ADMIN.username, ADMIN.password);
  const form = await client.get(`${EDIT}?job=${encodeURIComponent(TEAMS)}`);
  expect(form.status).toBe(200);
  return client;
}

async function teamsRow() {
  return web.database.db.selectFrom('cron').selectAll().where('name', '=', TEAMS).executeTakeFirstOrThrow();
}

async function scheduleAudits() {
  return web.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'schedule.set').execute();
}

beforeAll(async () => {
  web = await startWebFixture({ now: () => NOW });
});

beforeEach(async () => {
  for (const table of ['cron', 'audit_log'] as const) await web.database.db.deleteFrom(table).execute();
});

afterAll(async () => {
  await web?.close();
});

describe('the edit form', () => {
  it('has a labelled field in a fieldset with the current expression, Save and Preview', async () => {
    const client = await editForm();
    const body = client.lastBody;
    expect(body).toContain('<legend>New schedule</legend>');
    expect(body).toContain('<label for="schedule">Cron expression</label>');
    expect(body).toMatch(
      /<input id="schedule" name="schedule" type="text" value="0 0 \* \* \*"[^>]*aria-describedby="schedule-hint"/,
    );
    expect(body).toContain(`<input type="hidden" name="job" value="${TEAMS}">`);
    expect(body).toContain(`formaction="${PAGE}/preview">Preview</button>`);
    expect(body).toContain('read in America/Toronto');
  });

  it('refuses an unknown job', async () => {
    const client = await editForm();
    const answer = await client.get(`${EDIT}?job=nope`);
    expect(answer.status).toBe(404);
    expect(answer.body).toContain('There is no job named &quot;nope&quot;.');
    const posted = await client.post(EDIT, { job: 'nope', schedule: '0 1 * * *' });
    expect(posted.status).toBe(400);
    expect(await scheduleAudits()).toEqual([]);
  });
});

describe('saving', () => {
  it('saves a valid expression with its audit entry and returns to the list', async () => {
    const client = await editForm();
    const answer = await client.post(EDIT, { job: TEAMS, schedule: ' 30 2 * * 1-5 ' });
    expect(answer.status).toBe(303);
    expect(answer.location).toBe(`${PAGE}?done=saved&job=microsoft%3Async-teams`);
    expect(await teamsRow()).toMatchObject({ schedule: '30 2 * * 1-5', active: 0 });
    const [audit] = await scheduleAudits();
    expect(audit).toMatchObject({ actor: `web:${ADMIN.username}`, target: TEAMS, ip: '127.0.0.1' });
    expect(JSON.parse(audit?.detail ?? '{}')).toMatchObject({
      before: { schedule: '0 0 * * *' },
      after: { schedule: '30 2 * * 1-5' },
    });
    const list = await client.get(answer.location ?? '');
    expect(list.body).toContain('The schedule of microsoft:sync-teams was saved.');
    expect(list.body).toContain('<code>30 2 * * 1-5</code>');

    const same = await client.post(EDIT, { job: TEAMS, schedule: '30 2 * * 1-5' });
    expect(same.location).toBe(`${PAGE}?done=unchanged&job=microsoft%3Async-teams`);
    expect(await scheduleAudits()).toHaveLength(1);
  });

  it.each([
    ['0 25 * * *', 'its hour field &quot;25&quot; is not valid (use 0-23)'],
    ['0 0 * *', 'it has 4 fields; five are needed'],
    ['', 'it is empty'],
    ['0 0 31 2 *', 'it never matches a real date'],
  ])('refuses %j with the message, keeps what was typed, and saves nothing', async (schedule, message) => {
    const client = await editForm();
    const before = await teamsRow();
    const answer = await client.post(EDIT, { job: TEAMS, schedule });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain(message);
    expect(answer.body).toContain('Nothing was saved.');
    expect(answer.body).toContain(`value="${schedule}"`);
    expect(answer.body).toContain('aria-describedby="schedule-hint schedule-error" aria-invalid="true"');
    expect(await teamsRow()).toEqual(before);
    expect(await scheduleAudits()).toEqual([]);
  });

  it('escapes what was typed', async () => {
    const client = await editForm();
    const answer = await client.post(EDIT, { job: TEAMS, schedule: '"><script>alert(1)</script>' });
    expect(answer.status).toBe(400);
    expect(answer.body).not.toContain('<script>alert(1)');
    expect(answer.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('Preview', () => {
  it('shows the next five runs in the site zone and saves nothing', async () => {
    const client = await editForm();
    const before = await teamsRow();
    const answer = await client.post(`${PAGE}/preview`, { job: TEAMS, schedule: '30 2 * * 1-5' });
    expect(answer.status).toBe(200);
    const body = text(answer.body);
    const times = [...body.matchAll(/<li>([^<]+)<\/li>/g)].map((match) => match[1]);
    expect(times).toEqual([
      'Jan 12, 2026, 2:30 AM EST (in 3 days)',
      'Jan 13, 2026, 2:30 AM EST (in 4 days)',
      'Jan 14, 2026, 2:30 AM EST (in 5 days)',
      'Jan 15, 2026, 2:30 AM EST (in 6 days)',
      'Jan 16, 2026, 2:30 AM EST (in 7 days)',
    ]);
    expect(body).toContain('Times in America/Toronto. Not saved yet; the job is switched off');
    expect(body).toContain('value="30 2 * * 1-5"');
    expect(await teamsRow()).toEqual(before);
    expect(await scheduleAudits()).toEqual([]);
  });

  it('shows the message for an invalid expression', async () => {
    const client = await editForm();
    const answer = await client.post(`${PAGE}/preview`, { job: TEAMS, schedule: '61 * * * *' });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('its minute field &quot;61&quot; is not valid (use 0-59)');
    expect(answer.body).not.toContain('Next five runs');
  });
});
