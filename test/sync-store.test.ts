// KyselySyncStore on every engine (SQLite always; MariaDB and PostgreSQL when their URLs are set): teams upserted
// with created_at kept, extras, member snapshots replaced and updated in a few statements and atomically, links,
// held removals that keep their confirmation, and run records.
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import type { StoredMember, StoredTeam } from '../src/sync/io/sync-store.js';
import type { UserLink } from '../src/sync/people/link-types.js';
import { KyselySyncStore } from '../src/sync/store/index.js';
import { describeEachEngine, useMigratedDatabase } from './support/databases.js';

const NOW = Date.parse('2026-03-02T10:00:00Z');
const NICK = 'elentra-3f9a2c-o7-c12-p4-med-101';

/** Counts the statements a store sends (transaction control is not a query node, so it is not counted). */
class StatementCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count += 1;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

function team(overrides: Partial<StoredTeam> = {}): StoredTeam {
  return {
    offeringKey: 'course:12:period:4',
    courseId: 12,
    periodId: 4,
    organisationId: 7,
    teamId: null,
    mailNickname: NICK,
    displayName: 'MED 101: Anatomy (2026)',
    description: 'Anatomy',
    status: 'creating',
    archivedBySync: false,
    lastSyncedAtMs: null,
    periodFinishAtMs: null,
    ...overrides,
  };
}

const NO_EXTRAS = { lastError: null, lastErrorDocs: null, deltaLink: null, lastListedAtMs: null, webUrl: null };

function members(count: number, prefix = 'u'): StoredMember[] {
  return Array.from({ length: count }, (_, i) => ({
    userId: `${prefix}-${String(i).padStart(4, '0')}`,
    role: i < 3 ? 'owner' : 'member',
    membershipId: `m-${prefix}-${i}`,
  }));
}

function link(proxyId: number, overrides: Partial<UserLink> = {}): UserLink {
  return {
    proxyId,
    userId: `user-${proxyId}`,
    matchedBy: 'email',
    matchedValue: `p${proxyId}@school.edu`,
    status: 'matched',
    reason: null,
    checkedAtMs: NOW,
    ...overrides,
  };
}

describeEachEngine('sync store', (engine) => {
  const { database } = useMigratedDatabase(engine);
  let clockMs = NOW;
  let counter: StatementCounter;
  let store: KyselySyncStore;
  beforeEach(async () => {
    for (const table of [
      'sync_offering_results',
      'sync_runs',
      'held_removals',
      'ms_user_links',
      'ms_team_members',
      'ms_teams',
    ] as const) {
      await database().db.deleteFrom(table).execute();
    }
    clockMs = NOW;
    counter = new StatementCounter();
    store = new KyselySyncStore(
      { db: database().db.withPlugin(counter), capabilities: database().capabilities },
      { now: () => clockMs },
    );
  });

  it('writes the team row before the create, then upserts it by offering key keeping created_at', async () => {
    await store.saveTeam(team(), NO_EXTRAS);
    expect(await store.readTeams()).toEqual([team()]);

    clockMs = NOW + 60_000;
    const created = team({ teamId: 'team-1', status: 'current', archivedBySync: true, lastSyncedAtMs: NOW + 1 });
    const extras = {
      lastError: 'Throttled',
      lastErrorDocs: 'graph-throttled',
      deltaLink: `https://x/delta?$deltatoken=${'d'.repeat(5000)}`,
      lastListedAtMs: NOW + 2,
      webUrl: `https://teams.microsoft.com/l/team/19%3a${'t'.repeat(300)}%40thread.tacv2/conversations?groupId=team-1`,
    };
    await store.saveTeam(created, extras);
    expect(await store.readTeams()).toEqual([created]);
    expect(await store.readTeamExtras(['course:12:period:4', 'course:99:period:1'])).toEqual(
      new Map([['course:12:period:4', extras]]),
    );
    const row = await database().db.selectFrom('ms_teams').select('created_at').executeTakeFirstOrThrow();
    expect(row.created_at).toBe(NOW);

    // The team's web address is kept with the row (ms_teams.web_url), and cleared when the extras say null.
    const stored = await database().db.selectFrom('ms_teams').select('web_url').executeTakeFirstOrThrow();
    expect(stored.web_url).toBe(extras.webUrl);
    await store.saveTeam(created, { ...extras, webUrl: null });
    expect((await store.readTeamExtras(['course:12:period:4'])).get('course:12:period:4')?.webUrl).toBeNull();
  });

  it('reads the organisation from our own nickname, and null from a foreign one', async () => {
    await store.saveTeam(team({ offeringKey: 'course:1:period:1', mailNickname: 'someone-elses-team' }), NO_EXTRAS);
    expect((await store.readTeams())[0]?.organisationId).toBeNull();
  });

  it('replaces a 500-member snapshot in a delete and three inserts, and reads it back', async () => {
    const big = members(500);
    counter.count = 0;
    await store.replaceMembers('course:12:period:4', big);
    expect(counter.count).toBe(4);
    await store.replaceMembers('course:13:period:4', members(2, 'v'));
    const read = await store.readMembers(['course:12:period:4', 'course:13:period:4', 'course:14:period:4']);
    expect(read.get('course:12:period:4')).toEqual(big);
    expect(read.get('course:13:period:4')).toHaveLength(2);
    expect(read.has('course:14:period:4')).toBe(false);

    await store.replaceMembers('course:12:period:4', members(10));
    expect((await store.readMembers(['course:12:period:4'])).get('course:12:period:4')).toHaveLength(10);
  });

  it('leaves the old snapshot whole when a replace fails half-way (one transaction)', async () => {
    await store.replaceMembers('course:12:period:4', members(5));
    const broken = members(400);
    // A row the database refuses (NOT NULL), in the second INSERT: the first one must be rolled back too.
    broken[300] = { ...broken[300], userId: null } as unknown as StoredMember;
    await expect(store.replaceMembers('course:12:period:4', broken)).rejects.toThrow();
    expect((await store.readMembers(['course:12:period:4'])).get('course:12:period:4')).toEqual(members(5));
  });

  it('updates a snapshot: upserts and removals, keeping a known membership id when the update has none', async () => {
    await store.replaceMembers('course:12:period:4', members(5));
    await store.updateMembers('course:12:period:4', {
      upsert: [
        { userId: 'u-0003', role: 'owner', membershipId: null },
        { userId: 'new-1', role: 'member', membershipId: null },
      ],
      remove: ['u-0000', 'not-there'],
    });
    const read = (await store.readMembers(['course:12:period:4'])).get('course:12:period:4') ?? [];
    expect(read.map((m) => [m.userId, m.role, m.membershipId])).toEqual([
      ['new-1', 'member', null],
      ['u-0001', 'owner', 'm-u-1'],
      ['u-0002', 'owner', 'm-u-2'],
      ['u-0003', 'owner', 'm-u-3'],
      ['u-0004', 'member', 'm-u-4'],
    ]);
    counter.count = 0;
    await store.updateMembers('course:12:period:4', { upsert: [], remove: [] });
    expect(counter.count).toBe(0);
  });

  it('saves links as upserts by proxy id, over the parameter limit in chunks', async () => {
    const links = Array.from({ length: 1200 }, (_, i) => link(i + 1));
    await store.saveLinks(links);
    await store.saveLinks([
      link(5, { status: 'ambiguous', userId: null, matchedBy: null, reason: 'Two users share p5@school.edu' }),
    ]);
    const read = await store.readLinks([...links.map((l) => l.proxyId), 99_999]);
    expect(read.size).toBe(1200);
    expect(read.get(5)).toEqual(
      link(5, { status: 'ambiguous', userId: null, matchedBy: null, reason: 'Two users share p5@school.edu' }),
    );
    expect(read.get(1200)).toEqual(link(1200));
  });

  it('keeps held removals that stay with their created_at and confirmation, adds new ones, drops the rest', async () => {
    const key = 'course:12:period:4';
    await store.saveHeldRemovals(key, [
      { userId: 'a', role: 'member', reason: '40 % of members' },
      { userId: 'b', role: 'owner', reason: 'all owners' },
    ]);
    await database()
      .db.updateTable('held_removals')
      .set({ confirmed_at: NOW + 5, confirmed_by: 'web:admin' })
      .where('ms_user_id', '=', 'a')
      .execute();
    clockMs = NOW + 10_000;
    await store.saveHeldRemovals(key, [
      { userId: 'a', role: 'member', reason: '45 % of members' },
      { userId: 'c', role: 'member', reason: '45 % of members' },
    ]);
    await store.saveHeldRemovals('course:13:period:4', [{ userId: 'z', role: 'member', reason: 'r' }]);
    const held = (await store.readHeldRemovals()).filter((h) => h.offeringKey === key);
    expect(held).toEqual([
      {
        offeringKey: key,
        userId: 'a',
        role: 'member',
        reason: '45 % of members',
        createdAtMs: NOW,
        confirmedAtMs: NOW + 5,
        confirmedBy: 'web:admin',
      },
      {
        offeringKey: key,
        userId: 'c',
        role: 'member',
        reason: '45 % of members',
        createdAtMs: NOW + 10_000,
        confirmedAtMs: null,
        confirmedBy: null,
      },
    ]);
    await store.saveHeldRemovals(key, []);
    expect((await store.readHeldRemovals()).map((h) => h.userId)).toEqual(['z']);
  });

  it('records a run, its offerings (the last result wins) and its end', async () => {
    const runId = await store.startRun({ triggeredBy: 'cli', startedAtMs: NOW, dryRun: false });
    const second = await store.startRun({ triggeredBy: 'schedule', startedAtMs: NOW + 1, dryRun: true });
    expect(second).toBeGreaterThan(runId);
    await store.recordOfferingResult(runId, { offeringKey: 'k', status: 'error', counts: {}, message: 'Throttled' });
    await store.recordOfferingResult(runId, { offeringKey: 'k', status: 'ok', counts: { added: 3 }, message: null });
    await store.finishRun(runId, {
      finishedAtMs: NOW + 9,
      status: 'ok',
      counts: { added: 3 },
      requests: 12,
      error: null,
    });

    const run = await database()
      .db.selectFrom('sync_runs')
      .selectAll()
      .where('id', '=', runId)
      .executeTakeFirstOrThrow();
    expect(run).toMatchObject({
      kind: 'teams',
      triggered_by: 'cli',
      status: 'ok',
      dry_run: 0,
      requests: 12,
      finished_at: NOW + 9,
    });
    expect(JSON.parse(run.counts ?? 'null')).toEqual({ added: 3 });
    const results = await database().db.selectFrom('sync_offering_results').selectAll().execute();
    expect(results).toEqual([{ run_id: runId, offering_key: 'k', status: 'ok', counts: '{"added":3}', message: null }]);
  });
});
