// Every integration table takes a row and gives it back with the same JS types on every engine: instants and
// bigints as numbers, flags as 0/1 numbers, defaults filled, long text beyond MySQL's 64 KB TEXT, emoji intact.
// On MariaDB the database is created latin1, as on older Elentra servers: our tables must bring utf8mb4 themselves.
import type { Insertable, Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../test/support/databases.js';
import { type IntegrationDatabase, migrateToLatest, openIntegrationDatabase } from './index.js';
import type { IntegrationTables } from './tables.js';

/** 2026-01-01T00:00:00.123Z: milliseconds matter, and the value is far beyond 32 bits. */
const NOW = 1_767_225_600_123;
const LATER = NOW + 3_600_000;
/** ~180 KB of UTF-8 (4-byte emoji, 2-byte é): more than MySQL TEXT holds. */
const LONG = `${'🎓é'.repeat(30_000)}end`;
const UNICODE = 'Médecine interne 内科 🎓🩺';
/** 191 characters, some of them 4-byte: the longest value an indexed key column takes. */
const LONGEST_KEY = `${'h'.repeat(180)}${'🩺'.repeat(11)}`;

interface Sample<T extends keyof IntegrationTables> {
  table: T;
  row: Insertable<IntegrationTables[T]>;
  /** Values the database fills in: defaults and ids. */
  filled?: Record<string, unknown>;
}

function sample<T extends keyof IntegrationTables>(
  table: T,
  row: Insertable<IntegrationTables[T]>,
  filled?: Record<string, unknown>,
): Sample<T> {
  return filled === undefined ? { table, row } : { table, row, filled };
}

const ANY_ID = { id: expect.any(Number) };

const SAMPLES = [
  sample(
    'cron',
    {
      name: 'microsoft:sync-teams',
      schedule: '0 0 * * *',
      timezone: 'America/St_Johns',
      description: UNICODE,
      last_started_at: NOW,
      last_finished_at: LATER,
      last_status: 'error',
      last_error: LONG,
      last_duration_ms: LATER - NOW,
      next_due_at: LATER,
      lease_owner: 'host-a:4242:1f2e',
      lease_expires_at: LATER,
      updated_at: NOW,
    },
    { active: 0 },
  ),
  sample(
    'cron_runs',
    {
      job_name: 'microsoft:sync-teams',
      due_at: NOW,
      started_at: NOW,
      finished_at: null,
      status: 'running',
      error: null,
      host: 'host-a',
      pid: 4242,
      summary: JSON.stringify({ note: LONG }),
    },
    ANY_ID,
  ),
  sample('scheduler_heartbeats', { host: LONGEST_KEY, last_beat_at: NOW, pid: 2_147_483_647 }),
  sample(
    'service_tokens',
    {
      token_id: 'microsoft_graph',
      key_id: 'k1',
      refresh_token_ciphertext: LONG,
      access_token_ciphertext: LONG,
      msal_cache_ciphertext: LONG,
      account_username: 'zoë.admin@school.example',
      account_id: '00000000-0000-0000-0000-000000000001.tenant',
      tenant_id: '11111111-2222-3333-4444-555555555555',
      granted_scopes: 'offline_access User.ReadBasic.All Group.ReadWrite.All',
      access_expires_at: LATER,
      authorized_by: 'admin',
      authorized_at: NOW,
      last_refreshed_at: NOW,
      status: 'connected',
      status_reason: null,
      outlook_time_zone: 'Eastern Standard Time',
      updated_at: NOW,
    },
    { version: 0 },
  ),
  sample(
    'web_accounts',
    {
      username: 'zoë',
      password_hash: 'scrypt$16384$8$1$c2FsdA$aGFzaA',
      role: 'admin',
      created_at: NOW,
      last_sign_in_at: null,
      locked_until: LATER,
    },
    { ...ANY_ID, failed_attempts: 0 },
  ),
  sample('oauth_states', {
    state: 'AbC-123_xyz',
    session_id: 'session-1',
    code_verifier_ciphertext: 'v1:iv:ciphertext:tag',
    created_at: NOW,
    expires_at: NOW + 600_000,
    used_at: null,
  }),
  sample('ms_user_links', {
    proxy_id: 2_000_000_001,
    ms_user_id: null,
    matched_by: null,
    matched_value: null,
    status: 'ambiguous',
    reason: `Two users have the e-mail ${UNICODE}`,
    checked_at: NOW,
  }),
  sample('ms_teams', {
    offering_key: 'course:12:period:3',
    course_id: 12,
    cperiod_id: 3,
    team_id: '8b6f0d2e-1111-4a4a-9c9c-000000000012',
    mail_nickname: 'elentra-med101-2026-c12-p3',
    display_name: `MED101: ${UNICODE} (2026)`,
    description: UNICODE,
    status: 'active',
    archived: 1,
    last_error: LONG,
    last_error_docs: 'graph-throttled',
    last_synced_at: NOW,
    delta_link: LONG,
    last_listed_at: NOW,
    period_finish_at: NOW,
    web_url: `https://teams.microsoft.com/l/team/19%3a${'x'.repeat(300)}%40thread.tacv2/conversations?groupId=${UNICODE}`,
    created_at: NOW,
  }),
  sample('ms_team_members', {
    offering_key: 'course:12:period:3',
    ms_user_id: '8b6f0d2e-2222-4a4a-9c9c-000000000099',
    role: 'owner',
    membership_id: `MCMjMSMj${'x'.repeat(200)}`,
  }),
  sample('ms_events', {
    event_id: 987_654,
    offering_key: 'course:12:period:3',
    team_id: '8b6f0d2e-1111-4a4a-9c9c-000000000012',
    graph_event_id: `AAMkAG${'Q'.repeat(146)}=`,
    transaction_id: 'elentra-teams:site:event:987654',
    join_url: LONG,
    sent_hash: 'a'.repeat(64),
    status: 'created',
    last_error: null,
    updated_at: NOW,
  }),
  sample(
    'sync_runs',
    {
      kind: 'teams',
      triggered_by: 'schedule',
      started_at: NOW,
      finished_at: LATER,
      status: 'warning',
      counts: JSON.stringify({ created: 3, note: LONG }),
      error: null,
    },
    { ...ANY_ID, dry_run: 0, requests: 0 },
  ),
  sample('held_removals', {
    offering_key: 'course:12:period:3',
    ms_user_id: '8b6f0d2e-2222-4a4a-9c9c-000000000099',
    role: 'member',
    reason: LONG,
    created_at: NOW,
    confirmed_at: null,
    confirmed_by: null,
  }),
  sample(
    'audit_log',
    {
      at: NOW,
      actor: 'zoë',
      action: 'settings.set',
      target: 'microsoft_teams_enabled',
      detail: JSON.stringify({ value: '1', note: LONG }),
      ip: '0000:0000:0000:0000:0000:ffff:192.168.100.228',
    },
    ANY_ID,
  ),
];

async function roundTrip<T extends keyof IntegrationTables & string>(
  db: Kysely<IntegrationTables>,
  { table, row, filled }: Sample<T>,
): Promise<void> {
  await db.insertInto(table).values(row).execute();
  const rows = await db.selectFrom(table).selectAll().execute();
  // toEqual tells 1 from '1' and 0 from false: the JS types are checked, not just the values.
  expect(rows).toContainEqual({ ...row, ...filled });
}

describeEachEngine('integration tables', (engine) => {
  let database: TestDatabase;
  let handle: IntegrationDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(engine, { mysqlCharset: 'latin1' });
    handle = await openIntegrationDatabase(database.url);
    await migrateToLatest(handle);
  });

  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });

  it.each(SAMPLES.map((entry) => [entry.table, entry] as const))(
    '%s keeps a row and its JS types',
    async (_, entry) => {
      await roundTrip(handle.db, entry);
    },
  );

  it('sync_offering_results keeps a row, and goes when its run is deleted', async () => {
    const { db, capabilities } = handle;
    const runId = await capabilities.insertReturningId(
      db.insertInto('sync_runs').values({ kind: 'events', triggered_by: 'cli', started_at: NOW, status: 'running' }),
    );
    const row = {
      run_id: runId,
      offering_key: 'course:12:period:3',
      status: 'held' as const,
      counts: '{}',
      message: LONG,
    };
    await roundTrip(db, { table: 'sync_offering_results', row });

    await db.deleteFrom('sync_runs').where('id', '=', runId).execute();
    const left = await db.selectFrom('sync_offering_results').where('run_id', '=', runId).selectAll().execute();
    expect(left).toEqual([]);
  });
});
