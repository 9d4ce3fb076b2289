// Event sync end to end when a course team's Microsoft 365 group is deleted (DELETE /groups/{id} in the emulator),
// with the teams sync and event sync as the CLI runs them. A create whose answer was lost, retried after the group
// went, is answered 404 once and recorded `team-deleted` (not an error, not retried in that team forever); once the
// teams sync flags the team deleted, the offering's events are deferred and its rows recorded as gone with the team —
// no request at all, run after run. Recreated by the teams sync (recreateDeletedTeams), the team gets every meeting
// again, a new generation, and nothing is sent to the deleted group.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentity, type Identity } from '../src/microsoft/identity/index.js';
import { type EventsRunReport, runEventsSync, wireEventsSync } from '../src/sync/events/io/index.js';
import { eventWritesSince, meetingsInTenant } from '../src/sync/events/io/testing/events-world.js';
import { openSyncWorld, type SyncWorld } from './support/sync-teams-harness.js';

let world: SyncWorld;
let identity: Identity;
let offeringKey = '';
let deletedTeam = '';
let lostCreate = 0;

async function eventsRun(): Promise<EventsRunReport> {
  const deps = await wireEventsSync({
    config: world.config,
    database: world.database,
    elentra: world.elentra,
    identity,
    triggeredBy: 'cli',
    retry: { maxRetries: 5, maxTotalWaitMs: 10_000, baseDelayMs: 5, maxDelayMs: 50 },
  });
  return runEventsSync(deps, { dryRun: false });
}

function rowsOf(key: string) {
  return world.database.db
    .selectFrom('ms_events')
    .selectAll()
    .where('offering_key', '=', key)
    .orderBy('event_id')
    .execute();
}

function teamRow(key: string) {
  return world.database.db.selectFrom('ms_teams').selectAll().where('offering_key', '=', key).executeTakeFirstOrThrow();
}

beforeAll(async () => {
  world = await openSyncWorld();
  identity = createIdentity({ config: world.config, database: world.database });
  await identity.store.setOutlookTimeZone('Eastern Standard Time');
  expect((await world.sync()).status).not.toBe('error');
  expect((await eventsRun()).status).toBe('ok');
  // The offering with the most meetings loses its group.
  const rows = await world.database.db.selectFrom('ms_events').select(['offering_key']).execute();
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.offering_key, (counts.get(row.offering_key) ?? 0) + 1);
  offeringKey = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  deletedTeam = (await teamRow(offeringKey)).team_id ?? '';
  expect(counts.get(offeringKey)).toBeGreaterThan(1);
});

afterAll(async () => {
  await world?.close();
});

describe("a course team's group deleted in Microsoft", () => {
  it('a lost create retried after the deletion is answered 404 once and recorded, not failed', async () => {
    const [row] = await rowsOf(offeringKey);
    lostCreate = row?.event_id ?? 0;
    // The create's answer was lost: the row is pending, as apply leaves it before the POST.
    await world.database.db
      .updateTable('ms_events')
      .set({ status: 'pending', graph_event_id: null, join_url: null })
      .where('event_id', '=', lostCreate)
      .execute();
    const token = await identity.getAccessToken();
    const deleted = await fetch(`${world.emu.graphUrl}/v1.0/groups/${deletedTeam}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(deleted.status).toBe(204);

    const seq = await world.control.lastSeq();
    const report = await eventsRun();
    const writes = await eventWritesSince(world.control, seq);
    expect(writes.map((w) => `${w.method} ${w.path} ${w.status}`)).toEqual([
      `POST /v1.0/groups/${deletedTeam}/events 404`,
    ]);
    expect(report.status).toBe('warning');
    const offering = report.offerings.find((o) => o.offeringKey === offeringKey);
    expect(offering?.status).toBe('warning');
    expect(offering?.counts.teamDeleted).toBe(1);
    const event = offering?.events.find((e) => e.eventId === lostCreate);
    expect(event).toMatchObject({ action: 'createEvent', reason: 'retry', outcome: 'team-deleted' });
    expect(event?.message).toMatch(/team no longer exists in Microsoft.*microsoft:sync-teams/);
    expect((await rowsOf(offeringKey)).find((r) => r.event_id === lostCreate)).toMatchObject({
      status: 'team-deleted',
      team_id: deletedTeam,
      last_error: null,
    });
  });

  it('once the teams sync flags it, its events wait and its meetings are recorded gone, without a request', async () => {
    await world.sync();
    expect(await teamRow(offeringKey)).toMatchObject({ status: 'deleted', team_id: deletedTeam });

    const seq = await world.control.lastSeq();
    const report = await eventsRun();
    expect(await world.control.requestsSince(seq)).toEqual([]);
    expect(report.requests).toBe(0);
    const offering = report.offerings.find((o) => o.offeringKey === offeringKey);
    expect(offering?.status).toBe('warning');
    expect(offering?.message).toMatch(/The team was deleted in Microsoft: \d+ event\(s\) have no meeting until it is/);
    expect(offering?.message).toMatch(/troubleshooting\.md#team-deleted/);
    const waiting = offering?.events.filter((e) => e.action === 'deferred') ?? [];
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.every((e) => e.reason === 'team-deleted')).toBe(true);
    const rows = await rowsOf(offeringKey);
    expect(rows.every((r) => r.status === 'team-deleted' && r.join_url === null)).toBe(true);
    // Kept: a group restored within 30 days brings its calendar back, and these ids with it.
    expect(rows.filter((r) => r.graph_event_id !== null)).toHaveLength(rows.length - 1);
    const marked = offering?.events.filter((e) => e.outcome === 'team-deleted') ?? [];
    expect(marked).toHaveLength(rows.length - 1);
  });

  it('run after run: nothing retried, nothing written', async () => {
    const before = await rowsOf(offeringKey);
    const seq = await world.control.lastSeq();
    const report = await eventsRun();
    expect(await world.control.requestsSince(seq)).toEqual([]);
    expect(report.offerings.find((o) => o.offeringKey === offeringKey)?.counts.teamDeleted).toBeUndefined();
    expect(await rowsOf(offeringKey)).toEqual(before);
  });

  it('recreated by the teams sync: every meeting made again in the new team, none sent to the deleted group', async () => {
    const rowsBefore = await rowsOf(offeringKey);
    await world.sync({}, { plan: { recreateDeletedTeams: true } });
    const newTeam = (await teamRow(offeringKey)).team_id ?? '';
    expect(newTeam).not.toBe('');
    expect(newTeam).not.toBe(deletedTeam);

    const seq = await world.control.lastSeq();
    const report = await eventsRun();
    expect(report.status).toBe('ok');
    const writes = await eventWritesSince(world.control, seq);
    expect(writes).toHaveLength(rowsBefore.length);
    expect(writes.every((w) => w.method === 'POST' && w.status === 201)).toBe(true);
    expect(writes.every((w) => w.path === `/v1.0/groups/${newTeam}/events`)).toBe(true);

    const rows = await rowsOf(offeringKey);
    expect(rows.map((r) => r.event_id)).toEqual(rowsBefore.map((r) => r.event_id));
    expect(rows.every((r) => r.status === 'active' && r.team_id === newTeam && r.join_url !== null)).toBe(true);
    expect(rows.every((r) => r.transaction_id.endsWith('-g2'))).toBe(true);
    const meetings = (await meetingsInTenant(world.control)).filter((m) => m.teamId === newTeam);
    expect(meetings.map((m) => m.id).sort()).toEqual(rows.map((r) => r.graph_event_id).sort());

    const again = await world.control.lastSeq();
    await eventsRun();
    expect(await eventWritesSince(world.control, again)).toEqual([]);
  });
});
