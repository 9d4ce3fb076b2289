// KyselyEventStore and EventRunRecords on every engine (SQLite always; MariaDB and PostgreSQL when their URLs are
// set): the apply contract's row writes (pending before a create, written after, delete guarded by the graph id so
// a move's new meeting is never cleared, an unconfirmed create ended guarded by its transactionId, hash-only,
// error-only, gone with a deleted team), the team lookups (live and deleted in Microsoft), and the run history of
// kind events.
import { beforeAll, expect, it } from 'vitest';
import { EventRunRecords } from '../src/sync/events/io/event-run-records.js';
import { KyselyEventStore } from '../src/sync/events/io/kysely-event-store.js';
import { describeEachEngine, useMigratedDatabase } from './support/databases.js';

const AT = Date.parse('2026-09-01T10:00:00Z');
const OFFERING = 'course:12:period:4';
const pending = { eventId: 7, offeringKey: OFFERING, teamId: 'team-a', transactionId: 'et-abc-e7-g1', sentHash: 'h1' };

describeEachEngine('event sync store', (engine) => {
  const { database } = useMigratedDatabase(engine);
  let store: KyselyEventStore;

  beforeAll(() => {
    store = new KyselyEventStore(database());
  });

  it('follows a meeting through pending, written, error, hash, moved and deleted', async () => {
    await store.markPending(pending, AT);
    expect(await store.listRows([OFFERING])).toEqual([
      {
        event_id: 7,
        offering_key: OFFERING,
        team_id: 'team-a',
        graph_event_id: null,
        transaction_id: 'et-abc-e7-g1',
        join_url: null,
        sent_hash: 'h1',
        status: 'pending',
      },
    ]);
    await store.recordWritten({ ...pending, graphEventId: 'g-1', joinUrl: 'https://join/1', status: 'active' }, AT);
    await store.recordError(7, 'Microsoft refused the time zone.', AT + 1);
    await store.recordHash(7, 'h2', AT + 2);
    let row = await database().db.selectFrom('ms_events').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      graph_event_id: 'g-1',
      join_url: 'https://join/1',
      sent_hash: 'h2',
      status: 'error',
      last_error: 'Microsoft refused the time zone.',
      updated_at: AT + 2,
    });

    // A move: the create in the new team answered first; the old team's delete must not clear it.
    const moved = { ...pending, offeringKey: 'course:13:period:4', teamId: 'team-b', transactionId: 'et-abc-e7-g2' };
    await store.recordWritten({ ...moved, graphEventId: 'g-2', joinUrl: 'https://join/2', status: 'active' }, AT + 3);
    await store.recordDeleted(7, 'g-1', 'deleted', AT + 4);
    row = await database().db.selectFrom('ms_events').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ graph_event_id: 'g-2', status: 'active', last_error: null, team_id: 'team-b' });
    expect(await store.listRows([OFFERING])).toEqual([]);
    expect(await store.listRows(null)).toHaveLength(1);

    await store.recordDeleted(7, 'g-2', 'gone', AT + 5);
    row = await database().db.selectFrom('ms_events').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ graph_event_id: null, join_url: null, status: 'gone', transaction_id: 'et-abc-e7-g2' });
  });

  it('lists rows of many offerings in chunks', async () => {
    const keys = Array.from({ length: 1_200 }, (_, i) => `course:${i}:period:1`);
    for (const [i, key] of [keys[0], keys[700], keys[1_199]].entries()) {
      await store.markPending({ ...pending, eventId: 100 + i, offeringKey: key ?? '', transactionId: `t-${i}` }, AT);
    }
    expect((await store.listRows(keys)).map((row) => row.event_id)).toEqual([100, 101, 102]);
  });

  it('knows the teams that can hold meetings', async () => {
    const team = (key: string, teamId: string | null, status: string) => ({
      offering_key: key,
      course_id: 1,
      cperiod_id: 1,
      team_id: teamId,
      mail_nickname: `nick-${key}`,
      display_name: key,
      description: null,
      status,
      last_error: null,
      last_error_docs: null,
      last_synced_at: null,
      delta_link: null,
      created_at: AT,
    });
    await database()
      .db.insertInto('ms_teams')
      .values([
        team('a', 'team-a', 'current'),
        team('b', null, 'creating'),
        team('c', 'team-c', 'gone'),
        team('d', 'team-d', 'deleted'),
      ])
      .execute();
    expect([...(await store.teamIds())]).toEqual([['a', 'team-a']]);
    expect([...(await store.deletedTeamIds())]).toEqual([['d', 'team-d']]);
  });

  it('records a meeting gone with its deleted team, keeping its graph id, only while the row is in that team', async () => {
    const row = { ...pending, eventId: 8, transactionId: 'et-abc-e8-g1' };
    await store.recordWritten({ ...row, graphEventId: 'g-8', joinUrl: 'https://join/8', status: 'active' }, AT);
    await store.recordTeamDeleted(8, 'team-elsewhere', AT + 1);
    const read = () =>
      database().db.selectFrom('ms_events').selectAll().where('event_id', '=', 8).executeTakeFirstOrThrow();
    expect(await read()).toMatchObject({ status: 'active', join_url: 'https://join/8' });
    await store.recordTeamDeleted(8, 'team-a', AT + 2);
    expect(await read()).toMatchObject({
      status: 'team-deleted',
      join_url: null,
      graph_event_id: 'g-8',
      sent_hash: 'h1',
      updated_at: AT + 2,
    });
  });

  it('ends an unconfirmed create (no graph id to guard on) only while the row still holds its transactionId', async () => {
    const row = { ...pending, eventId: 9, transactionId: 'et-abc-e9-g1' };
    await store.markPending(row, AT);
    await store.recordError(9, 'Microsoft Graph could not be reached.', AT + 1);
    const read = () =>
      database().db.selectFrom('ms_events').selectAll().where('event_id', '=', 9).executeTakeFirstOrThrow();
    await store.recordUnconfirmedEnded(9, 'et-abc-e9-g2', AT + 2);
    expect(await read()).toMatchObject({ status: 'error', transaction_id: 'et-abc-e9-g1', updated_at: AT + 1 });
    await store.recordUnconfirmedEnded(9, 'et-abc-e9-g1', AT + 3);
    expect(await read()).toMatchObject({
      status: 'deleted',
      graph_event_id: null,
      join_url: null,
      last_error: null,
      transaction_id: 'et-abc-e9-g1',
      updated_at: AT + 3,
    });
  });

  it('records runs of kind events with their offerings', async () => {
    const records = new EventRunRecords(database());
    const runId = await records.start({ triggeredBy: 'cli', startedAtMs: AT, dryRun: false });
    await records.offering(runId, { offeringKey: 'a', status: 'warning', counts: { created: 1 }, message: 'first' });
    await records.offering(runId, { offeringKey: 'a', status: 'ok', counts: { created: 2 }, message: null });
    await records.finish(runId, {
      finishedAtMs: AT + 5,
      status: 'ok',
      counts: { created: 2 },
      requests: 2,
      error: null,
    });
    const run = await database()
      .db.selectFrom('sync_runs')
      .selectAll()
      .where('id', '=', runId)
      .executeTakeFirstOrThrow();
    expect(run).toMatchObject({ kind: 'events', status: 'ok', requests: 2, dry_run: 0, finished_at: AT + 5 });
    const results = await database().db.selectFrom('sync_offering_results').selectAll().execute();
    expect(results).toEqual([
      { run_id: runId, offering_key: 'a', status: 'ok', counts: '{"created":2}', message: null },
    ]);
  });
});
