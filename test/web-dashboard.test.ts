// The sync dashboard's routes against the Microsoft 365 emulator and the demo school (test/support's sync world):
// after a first sync the dashboard lists every offering with its team, people in Elentra vs in Teams, the people not
// matched with the reason, events and the run history; the team's link is the webUrl the sync stored (no Graph
// request, http(s) only); a mass removal is held, shown, confirmed (audited) and applied by the next run; Sync now
// runs the teams sync then the events sync in the background (each under its job's lease, both on the progress
// board; an events failure in words), after which the offering page lists the events with their join links; Sync
// events only runs the second alone; a second run while one runs is refused; staff and signed-out visitors are kept
// out; Elentra text is escaped.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRoster } from '../src/elentra/read-roster.js';
import { wireEventsSync } from '../src/sync/events/io/wire-events-sync.js';
import { wireTeamsSync } from '../src/sync/run/wire-sync.js';
import { Gate, startDashboardServer } from '../src/web/testing/dashboard-server.js';
import { WebClient } from '../src/web/testing/web-client.js';
import { ADMIN, STAFF } from '../src/web/testing/web-fixture.js';
import { ELECTIVE_COURSE_ID, ELECTIVE_GROUP_ID, leaveGroup } from './support/enrolment-changes.js';
import { openSyncWorld, type SyncWorld } from './support/sync-teams-harness.js';

let world: SyncWorld;
let app: FastifyInstance;
const gate = new Gate();
const eventsGate = new Gate();
let electiveKey = '';
const FAST_RETRY = { maxRetries: 5, maxTotalWaitMs: 10_000, baseDelayMs: 5, maxDelayMs: 50 };

/** As eta prints a value inside an attribute. */
function escaped(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

async function runningJobs(jobName: string): Promise<number> {
  const rows = await world.database.db
    .selectFrom('cron_runs')
    .select('id')
    .where('job_name', '=', jobName)
    .where('status', '=', 'running')
    .execute();
  return rows.length;
}

async function admin(): Promise<WebClient> {
  const client = new WebClient(app);
  await client.signIn(ADMIN.username, ADMIN.password);
  return client;
}

/** Until no job runs and the dashboard shows no run going (Sync now's gap between its teams and events parts too). */
async function waitForRunsToFinish(): Promise<void> {
  const client = await admin();
  await expect
    .poll(
      async () => {
        const running = await world.database.db
          .selectFrom('cron_runs')
          .select('status')
          .where('status', '=', 'running')
          .execute();
        const page = await client.get('/admin/dashboard');
        return running.length === 0 && !page.body.includes('http-equiv="refresh"');
      },
      { timeout: 20_000, interval: 100 },
    )
    .toBe(true);
}

beforeAll(async () => {
  world = await openSyncWorld();
  app = await startDashboardServer({
    config: world.config,
    database: world.database,
    elentra: world.elentra,
    gate,
    eventsGate,
    wire: () =>
      wireTeamsSync({
        config: world.config,
        database: world.database,
        elentra: world.elentra,
        triggeredBy: 'web',
        gateway: { replicationRetryDelaysMs: [50, 50, 50], poll: { pollIntervalMs: 10, timeoutMs: 5_000 } },
        retry: FAST_RETRY,
      }),
    wireEvents: () =>
      wireEventsSync({
        config: world.config,
        database: world.database,
        elentra: world.elentra,
        triggeredBy: 'web',
        retry: FAST_RETRY,
      }),
  });
  await world.sync();
  const roster = await readRoster(world.elentra, { now: new Date(), courseIds: [ELECTIVE_COURSE_ID] });
  electiveKey = roster.offerings[0]?.key ?? '';
});

afterAll(async () => {
  gate.open();
  eventsGate.open();
  await app?.close();
  await world?.close();
});

describe('the dashboard after a first sync', () => {
  it('lists each offering with its team, people in Elentra vs in Teams, not matched, and the run history', async () => {
    const client = await admin();
    const page = await client.get('/admin/dashboard');
    expect(page.status).toBe(200);
    const roster = await readRoster(world.elentra, { now: new Date() });
    for (const offering of roster.offerings) {
      expect(page.body).toContain(`href="/admin/dashboard/offering?key=${encodeURIComponent(offering.key)}"`);
    }
    expect(page.body).toContain('Connected');
    expect(page.body).toMatch(/\d+ teams created, \d+ owners added, \d+ members added/);
    expect(page.body).toContain('Needs attention');
    expect(page.body).toContain('Command line');
    expect(page.body).toContain('Sync now');
    expect(page.body).not.toContain('http-equiv="refresh"');
  });

  it('shows an offering in full: the people not matched with the reason, the team link, the events', async () => {
    const unmatched = await world.database.db
      .selectFrom('ms_user_links')
      .select(['proxy_id', 'reason'])
      .where('status', '!=', 'matched')
      .execute();
    expect(unmatched.length).toBeGreaterThan(0);
    const roster = await readRoster(world.elentra, { now: new Date() });
    const ids = new Set(unmatched.map((row) => row.proxy_id));
    const offering = roster.offerings.find((o) => o.members.some((id) => ids.has(id)));
    if (!offering) throw new Error('no offering with an unmatched learner');
    const team = await world.database.db
      .selectFrom('ms_teams')
      .select('team_id')
      .where('offering_key', '=', offering.key)
      .executeTakeFirstOrThrow();
    await world.database.db
      .insertInto('ms_events')
      .values([
        {
          event_id: offering.events[0]?.eventId ?? 1,
          offering_key: offering.key,
          team_id: team.team_id,
          graph_event_id: 'ev-1',
          transaction_id: 'tx-1',
          join_url: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0',
          sent_hash: null,
          status: 'synced',
          last_error: null,
          updated_at: Date.now(),
        },
        {
          event_id: 999_999,
          offering_key: offering.key,
          team_id: team.team_id,
          graph_event_id: 'ev-2',
          transaction_id: 'tx-2',
          join_url: 'javascript:alert(1)',
          sent_hash: null,
          status: 'synced',
          last_error: '<b>bad</b>',
          updated_at: Date.now(),
        },
      ])
      .execute();
    const client = await admin();
    const page = await client.get(`/admin/dashboard/offering?key=${encodeURIComponent(offering.key)}`);
    expect(page.status).toBe(200);
    const person = unmatched.find((row) => offering.members.includes(row.proxy_id));
    const reason = person?.reason ?? '';
    expect(reason).not.toBe('');
    expect(page.body).toContain(reason.replaceAll('"', '&quot;').replaceAll("'", '&#39;'));
    expect(page.body).toContain('Open in Microsoft Teams');
    expect(page.body).toContain('href="https://teams.microsoft.com/l/team/');
    expect(page.body).toContain('href="https://teams.microsoft.com/l/meetup-join/');
    expect(page.body).not.toContain('javascript:alert');
    expect(page.body).toContain('&lt;b&gt;bad&lt;/b&gt;');
    const dashboard = await client.get('/admin/dashboard');
    expect(dashboard.body).toContain('2 (1 with a join link)');
    await world.database.db.deleteFrom('ms_events').execute();
  });

  it('links the team by the webUrl the sync stored (ms_teams.web_url), asks Graph nothing, links only http(s)', async () => {
    const rows = await world.database.db
      .selectFrom('ms_teams')
      .select(['offering_key', 'team_id', 'web_url'])
      .orderBy('offering_key')
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.web_url).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/team\/.+groupId=/);
      expect(row.web_url).toContain(row.team_id ?? 'no team id');
    }
    const row = rows[0];
    if (!row?.web_url) throw new Error('no stored team link');
    const client = await admin();
    const url = `/admin/dashboard/offering?key=${encodeURIComponent(row.offering_key)}`;
    await client.get(url);
    const seq = await world.control.lastSeq();
    const page = await client.get(url);
    expect(page.body).toContain(
      `<a href="${escaped(row.web_url)}" rel="noopener noreferrer">Open in Microsoft Teams</a>`,
    );
    expect(await world.control.requestsSince(seq)).toEqual([]);

    const setUrl = (webUrl: string | null) =>
      world.database.db
        .updateTable('ms_teams')
        .set({ web_url: webUrl })
        .where('offering_key', '=', row.offering_key)
        .execute();
    try {
      await setUrl('javascript:alert(1)');
      const unsafe = await client.get(url);
      expect(unsafe.body).not.toContain('Open in Microsoft Teams');
      expect(unsafe.body).not.toContain('javascript:alert');
      await setUrl(null);
      const none = await client.get(url);
      expect(none.status).toBe(200);
      expect(none.body).not.toContain('Open in Microsoft Teams');
      expect(none.body).toContain(row.team_id ?? 'no team id');
    } finally {
      await setUrl(row.web_url);
    }
  });

  it('answers 404 for an offering it does not know, 400 for a malformed query', async () => {
    const client = await admin();
    expect((await client.get('/admin/dashboard/offering?key=course:0:period:0')).status).toBe(404);
    expect((await client.get('/admin/dashboard?done=<script>')).status).toBe(400);
  });
});

describe('held removals', () => {
  it('shows a held mass removal, confirms it (audited) and the next run applies it', async () => {
    const row = await world.database.db
      .selectFrom('ms_teams')
      .select('mail_nickname')
      .where('offering_key', '=', electiveKey)
      .executeTakeFirstOrThrow();
    const team = (await world.control.state()).teams.find((t) => t.mailNickname === row.mail_nickname);
    const inGroup = await world.elentra.db
      .selectFrom('group_members')
      .select('proxy_id')
      .where('group_id', '=', ELECTIVE_GROUP_ID)
      .where('member_active', '=', 1)
      .execute();
    const matched = await world.database.db
      .selectFrom('ms_user_links')
      .select('proxy_id')
      .where('status', '=', 'matched')
      .execute();
    const matchedIds = new Set(matched.map((row) => row.proxy_id));
    const leaving = inGroup
      .map((row) => row.proxy_id)
      .filter((id) => matchedIds.has(id))
      .slice(0, Math.ceil(((team?.members.length ?? 10) - 1) * 0.5));
    await leaveGroup(world.elentra, ELECTIVE_GROUP_ID, leaving);
    const held = await world.sync();
    expect(held.offerings.find((o) => o.offeringKey === electiveKey)?.status).toBe('held');

    const client = await admin();
    const dashboard = await client.get('/admin/dashboard');
    expect(dashboard.body).toContain('Removals held');
    expect(dashboard.body).toMatch(/\d+ to confirm/);
    const detailUrl = `/admin/dashboard/offering?key=${encodeURIComponent(electiveKey)}`;
    const detail = await client.get(detailUrl);
    expect(detail.body).toContain('Awaiting confirmation');
    expect(detail.body).toContain('Confirm removals');
    const asOf = /name="asOf" value="(\d+)"/.exec(detail.body)?.[1] ?? '';

    const answer = await client.post('/admin/dashboard/confirm-removals', { offering: electiveKey, asOf });
    expect(answer.status).toBe(303);
    expect(answer.location).toMatch(/done=confirmed&n=\d+$/);
    const rows = await world.database.db
      .selectFrom('held_removals')
      .selectAll()
      .where('offering_key', '=', electiveKey)
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.confirmed_by === `web:${ADMIN.username}` && row.confirmed_at !== null)).toBe(true);
    const audit = await world.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'sync.removals_confirmed')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.target).toBe(electiveKey);
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toMatchObject({ confirmed: rows.length });
    expect((await client.get(answer.location ?? '')).body).toContain(`${rows.length} removal(s) confirmed`);

    // Posting the same form again confirms nothing more.
    const again = await client.post('/admin/dashboard/confirm-removals', { offering: electiveKey, asOf });
    expect(again.location).toContain('done=nothing-to-confirm');

    const next = await world.sync();
    const outcome = next.offerings.find((o) => o.offeringKey === electiveKey);
    expect(outcome?.status).not.toBe('held');
    expect(outcome?.counts.removedMembers).toBe(rows.length);
    expect(await world.database.db.selectFrom('held_removals').selectAll().execute()).toHaveLength(0);
  });
});

describe('Sync now', () => {
  it('records an events failure in words: on the progress board, in the job’s run history and on the offering page', async () => {
    await world.control.fault({
      route: '/v1.0/groups/*/events',
      method: 'POST',
      kind: 'status',
      status: 403,
      code: 'ErrorAccessDenied',
      message: 'Access is denied. Check credentials and try again.',
      count: 10_000,
    });
    try {
      const client = await admin();
      await client.get('/admin/dashboard');
      const started = await client.post('/admin/dashboard/sync', {});
      expect(started.location).toBe('/admin/dashboard?done=started');
      await waitForRunsToFinish();
    } finally {
      await world.control.clearFaults();
    }
    const run = await world.database.db
      .selectFrom('cron_runs')
      .select(['status', 'error'])
      .where('job_name', '=', 'microsoft:sync-events')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(run.status).toBe('error');
    expect(run.error).toMatch(/^The events of .+ failed: /);
    const teamsRun = await world.database.db
      .selectFrom('cron_runs')
      .select('status')
      .where('job_name', '=', 'microsoft:sync-teams')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(teamsRun.status).not.toBe('error');
    const eventsRun = await world.database.db
      .selectFrom('sync_runs')
      .selectAll()
      .where('kind', '=', 'events')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(eventsRun).toMatchObject({ triggered_by: 'web', status: 'error' });

    const client = await admin();
    const page = await client.get('/admin/dashboard');
    expect(page.body).toContain('Last Sync now');
    expect(page.body).toContain(escaped(run.error ?? ''));
    const failed = await world.database.db
      .selectFrom('ms_events')
      .select(['offering_key', 'last_error'])
      .where('last_error', 'is not', null)
      .executeTakeFirstOrThrow();
    const detail = await client.get(`/admin/dashboard/offering?key=${encodeURIComponent(failed.offering_key)}`);
    expect(detail.body).toContain(escaped(failed.last_error ?? ''));
    expect(detail.body).toMatch(/Last events sync, run #\d+: error\./);
  });

  it('runs the teams sync, then the events sync under its own lease, on one progress board; the events get join links', async () => {
    const client = await admin();
    await client.get('/admin/dashboard');
    const auditsBefore = await world.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'sync.run_now')
      .execute();
    gate.close();
    eventsGate.close();
    const started = await client.post('/admin/dashboard/sync', {});
    expect(started.status).toBe(303);
    expect(started.location).toBe('/admin/dashboard?done=started');
    const running = await client.get('/admin/dashboard?done=started');
    expect(running.body).toContain('Sync in progress');
    expect(running.body).toContain('<meta http-equiv="refresh" content="2; url=/admin/dashboard">');
    expect(running.body).toContain('Waits for the teams sync to finish.');
    expect(await runningJobs('microsoft:sync-events')).toBe(0);

    const refused = await client.post('/admin/dashboard/sync', { course: String(ELECTIVE_COURSE_ID) });
    expect(refused.status).toBe(409);
    expect(refused.body).toContain('Nothing was started');
    const refusedEvents = await client.post('/admin/dashboard/sync', { only: 'events' });
    expect(refusedEvents.status).toBe(409);

    // The teams part ends; the events part claims its own job's lease and is held at its first Microsoft request.
    gate.open();
    await expect.poll(() => runningJobs('microsoft:sync-events'), { timeout: 20_000, interval: 50 }).toBe(1);
    expect(await runningJobs('microsoft:sync-teams')).toBe(0);
    const lease = await world.database.db
      .selectFrom('cron')
      .select('lease_owner')
      .where('name', '=', 'microsoft:sync-events')
      .executeTakeFirstOrThrow();
    expect(lease.lease_owner).not.toBeNull();
    const eventsPhase = await client.get('/admin/dashboard');
    expect(eventsPhase.body).toContain('http-equiv="refresh"');
    expect(eventsPhase.body).toMatch(/offering\(s\) applied\./);
    expect(eventsPhase.body).toMatch(/Events: (Starting|Planning)/);
    eventsGate.open();
    await waitForRunsToFinish();

    const after = await client.get('/admin/dashboard');
    expect(after.body).toContain('Last Sync now');
    expect(after.body).not.toContain('http-equiv="refresh"');
    expect(after.body).toMatch(/(\d+) of \1 offering\(s\) applied\./);
    expect(after.body).toMatch(/(\d+) of \1 event change\(s\) applied\./);
    expect(after.body).toMatch(/<td>\d+ meetings created<\/td>/);
    const runs = await world.database.db.selectFrom('sync_runs').selectAll().orderBy('id', 'desc').execute();
    expect(runs.slice(0, 2).map((run) => [run.kind, run.triggered_by])).toEqual([
      ['events', 'web'],
      ['teams', 'web'],
    ]);
    expect(runs[0]?.finished_at).not.toBeNull();
    expect(runs[0]?.status).not.toBe('error');
    const jobRuns = await world.database.db
      .selectFrom('cron_runs')
      .select(['job_name', 'status', 'summary'])
      .orderBy('id', 'desc')
      .limit(2)
      .execute();
    expect(jobRuns.map((run) => run.job_name)).toEqual(['microsoft:sync-events', 'microsoft:sync-teams']);
    expect(JSON.parse(jobRuns[0]?.summary ?? '{}')).toMatchObject({
      trigger: 'manual',
      requestedBy: `web:${ADMIN.username}`,
    });
    const audit = await world.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'sync.run_now')
      .orderBy('id', 'desc')
      .execute();
    expect(audit).toHaveLength(auditsBefore.length + 1);
    expect(audit[0]?.target).toBe('microsoft:sync-teams');
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toMatchObject({
      courseIds: 'all',
      jobs: ['microsoft:sync-teams', 'microsoft:sync-events'],
    });

    // The offering page lists the events with their status, no error, and their join links.
    const events = await world.database.db.selectFrom('ms_events').selectAll().execute();
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((row) => row.last_error === null && row.join_url !== null)).toBe(true);
    const first = events[0];
    if (!first?.join_url) throw new Error('no event with a join link');
    const detail = await client.get(`/admin/dashboard/offering?key=${encodeURIComponent(first.offering_key)}`);
    const mine = events.filter((row) => row.offering_key === first.offering_key);
    for (const row of mine) expect(detail.body).toContain(`href="${escaped(row.join_url ?? '')}"`);
    expect(detail.body.match(/>Join<span class="visually-hidden">/g)?.length).toBe(mine.length);
    expect(detail.body).toContain(`<td>${first.status}</td>`);
    expect(detail.body).toMatch(/Last events sync, run #\d+: (ok|warning)\./);
    const dashboard = await client.get('/admin/dashboard');
    expect(dashboard.body).toContain(`${mine.length} (${mine.length} with a join link)`);
  });

  it('runs the events sync alone with “Sync events only”, under its lease; refused while that lease is held', async () => {
    const client = await admin();
    await client.get('/admin/dashboard');
    const teamsRunsBefore = await world.database.db
      .selectFrom('sync_runs')
      .select('id')
      .where('kind', '=', 'teams')
      .execute();
    const now = Date.now();
    await world.database.db
      .updateTable('cron')
      .set({ lease_owner: 'elsewhere:1:abc', lease_expires_at: now + 60_000 })
      .where('name', '=', 'microsoft:sync-events')
      .execute();
    const leased = await client.post('/admin/dashboard/sync', { only: 'events' });
    expect(leased.status).toBe(409);
    expect(leased.body).toContain('microsoft:sync-events is running (its lease is held by another run).');
    await world.database.db.updateTable('cron').set({ lease_owner: null, lease_expires_at: null }).execute();

    const started = await client.post('/admin/dashboard/sync', { only: 'events', course: String(ELECTIVE_COURSE_ID) });
    expect(started.location).toBe('/admin/dashboard?done=events-started');
    expect((await client.get(started.location ?? '')).body).toContain('Events sync started');
    await waitForRunsToFinish();
    const latest = await world.database.db
      .selectFrom('sync_runs')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(latest).toMatchObject({ kind: 'events', triggered_by: 'web' });
    expect(latest.finished_at).not.toBeNull();
    const teamsRunsAfter = await world.database.db
      .selectFrom('sync_runs')
      .select('id')
      .where('kind', '=', 'teams')
      .execute();
    expect(teamsRunsAfter).toHaveLength(teamsRunsBefore.length);
    const audit = await world.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'sync.run_now')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.target).toBe('microsoft:sync-events');
    expect(JSON.parse(audit.detail ?? '{}')).toMatchObject({
      courseIds: [ELECTIVE_COURSE_ID],
      jobs: ['microsoft:sync-events'],
    });
    const page = await client.get('/admin/dashboard');
    expect(page.body).toContain('Last Sync now');
    expect(page.body).not.toMatch(/offering\(s\) applied/);
  });

  it('does not run the events part while the events job’s lease is held elsewhere, and says so', async () => {
    const client = await admin();
    await client.get('/admin/dashboard');
    await world.database.db
      .updateTable('cron')
      .set({ lease_owner: 'elsewhere:1:abc', lease_expires_at: Date.now() + 60_000 })
      .where('name', '=', 'microsoft:sync-events')
      .execute();
    try {
      const started = await client.post('/admin/dashboard/sync', { course: String(ELECTIVE_COURSE_ID) });
      expect(started.location).toBe('/admin/dashboard?done=started');
      await waitForRunsToFinish();
      const page = await client.get('/admin/dashboard');
      expect(page.body).toContain('Not run');
      expect(page.body).toContain(
        'Not run: microsoft:sync-events is running (its lease is held by another run). Use Sync events only once it has finished',
      );
    } finally {
      await world.database.db.updateTable('cron').set({ lease_owner: null, lease_expires_at: null }).execute();
    }
  });

  it('refuses while another process holds the sync job’s lease, and while a command-line run is unfinished', async () => {
    const client = await admin();
    await client.get('/admin/dashboard');
    const now = Date.now();
    await world.database.db
      .updateTable('cron')
      .set({ lease_owner: 'elsewhere:1:abc', lease_expires_at: now + 60_000 })
      .where('name', '=', 'microsoft:sync-teams')
      .execute();
    const leased = await client.post('/admin/dashboard/sync', {});
    expect(leased.status).toBe(409);
    expect(leased.body).toContain('lease');
    await world.database.db.updateTable('cron').set({ lease_owner: null, lease_expires_at: null }).execute();

    const id = await world.database.capabilities.insertReturningId(
      world.database.db
        .insertInto('sync_runs')
        .values({ kind: 'teams', triggered_by: 'cli', started_at: now, status: 'running' }),
    );
    const page = await client.get('/admin/dashboard');
    expect(page.body).toContain('running in another process');
    expect(page.body).toContain('http-equiv="refresh"');
    const busy = await client.post('/admin/dashboard/sync', {});
    expect(busy.status).toBe(409);
    expect(busy.body).toContain('started by cli');
    await world.database.db
      .updateTable('sync_runs')
      .set({ finished_at: now, status: 'error' })
      .where('id', '=', id)
      .execute();
  });

  it('starts a sync of one course after confirming, with “Confirm and sync now”', async () => {
    await world.database.db
      .insertInto('held_removals')
      .values({
        offering_key: electiveKey,
        ms_user_id: 'no-such-user',
        role: 'member',
        reason: 'test',
        created_at: 1,
        confirmed_at: null,
        confirmed_by: null,
      })
      .execute();
    const client = await admin();
    await client.get(`/admin/dashboard/offering?key=${encodeURIComponent(electiveKey)}`);
    const answer = await client.post('/admin/dashboard/confirm-removals', {
      offering: electiveKey,
      asOf: '1',
      after: 'sync',
    });
    expect(answer.location).toBe('/admin/dashboard?done=confirmed-started&n=1');
    await waitForRunsToFinish();
    const audit = await world.database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'sync.run_now')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail ?? '{}')).toMatchObject({ courseIds: [ELECTIVE_COURSE_ID] });
  });
});

describe('who may use the dashboard', () => {
  it('staff get 403 on the pages and the posts; signed-out visitors are sent to sign in', async () => {
    const staff = new WebClient(app);
    await staff.signIn(STAFF.username, STAFF.password);
    expect((await staff.get('/admin/dashboard')).status).toBe(403);
    await staff.get('/');
    expect((await staff.post('/admin/dashboard/sync', {})).status).toBe(403);
    const anonymous = new WebClient(app);
    const answer = await anonymous.get('/admin/dashboard');
    expect(answer.status).toBe(303);
    expect(answer.location).toBe('/sign-in?next=%2Fadmin%2Fdashboard');
  });
});
