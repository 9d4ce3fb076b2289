// The integration's own tables, first version (row types: ../tables.ts). Every column type comes from
// `caps.types` and every table from `caps.createTable`, so the same code runs on SQLite, MariaDB/MySQL and
// PostgreSQL. Each step is "create if absent": MySQL cannot roll DDL back, so a run that stopped half-way must
// be able to finish on the next `migrate`. Index names carry their table's name (PostgreSQL wants them unique
// per schema). A released migration never changes: add a new file for the next change.
import type { Kysely } from 'kysely';
import type { Capabilities } from '../capabilities.js';
import type { CrossEngineMigration } from './cross-engine-migration.js';

async function createSchedulerTables(db: Kysely<unknown>, caps: Capabilities): Promise<void> {
  const { key, text, longText, flag, instant } = caps.types;
  await caps
    .createTable(db, 'cron')
    .addColumn('name', key, (col) => col.primaryKey().notNull())
    .addColumn('schedule', 'varchar(255)', (col) => col.notNull())
    .addColumn('timezone', 'varchar(64)')
    .addColumn('active', flag, (col) => col.notNull().defaultTo(0))
    .addColumn('description', text)
    .addColumn('last_started_at', instant)
    .addColumn('last_finished_at', instant)
    .addColumn('last_status', 'varchar(32)')
    .addColumn('last_error', longText)
    .addColumn('last_duration_ms', 'bigint')
    .addColumn('next_due_at', instant)
    .addColumn('lease_owner', key)
    .addColumn('lease_expires_at', instant)
    .addColumn('updated_at', instant, (col) => col.notNull())
    .execute();

  await caps
    .createTable(db, 'cron_runs')
    .$call(caps.addIdColumn)
    .addColumn('job_name', key, (col) => col.notNull())
    .addColumn('due_at', instant, (col) => col.notNull())
    .addColumn('started_at', instant, (col) => col.notNull())
    .addColumn('finished_at', instant)
    .addColumn('status', 'varchar(32)', (col) => col.notNull())
    .addColumn('error', longText)
    .addColumn('host', 'varchar(255)', (col) => col.notNull())
    .addColumn('pid', 'integer', (col) => col.notNull())
    .addColumn('summary', longText)
    .execute();
  // One run per job per due time: the scheduler claims a due time by inserting this row (caps.insertIfAbsent).
  await caps.createIndex(db, {
    name: 'cron_runs_job_due_unique',
    table: 'cron_runs',
    columns: ['job_name', 'due_at'],
    unique: true,
  });
  await caps.createIndex(db, { name: 'cron_runs_started_index', table: 'cron_runs', columns: ['started_at'] });

  await caps
    .createTable(db, 'scheduler_heartbeats')
    .addColumn('host', key, (col) => col.primaryKey().notNull())
    .addColumn('last_beat_at', instant, (col) => col.notNull())
    .addColumn('pid', 'integer', (col) => col.notNull())
    .execute();
}

async function createIdentityTables(db: Kysely<unknown>, caps: Capabilities): Promise<void> {
  const { key, text, longText, instant } = caps.types;
  await caps
    .createTable(db, 'service_tokens')
    .addColumn('token_id', key, (col) => col.primaryKey().notNull())
    .addColumn('key_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('refresh_token_ciphertext', longText)
    .addColumn('access_token_ciphertext', longText)
    .addColumn('msal_cache_ciphertext', longText)
    .addColumn('account_username', 'varchar(255)')
    .addColumn('account_id', 'varchar(255)')
    .addColumn('tenant_id', 'varchar(64)')
    .addColumn('granted_scopes', text)
    .addColumn('access_expires_at', instant)
    .addColumn('authorized_by', 'varchar(255)')
    .addColumn('authorized_at', instant)
    .addColumn('last_refreshed_at', instant)
    .addColumn('status', 'varchar(32)', (col) => col.notNull())
    .addColumn('status_reason', text)
    .addColumn('outlook_time_zone', 'varchar(128)')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('updated_at', instant, (col) => col.notNull())
    .execute();

  await caps
    .createTable(db, 'web_accounts')
    .$call(caps.addIdColumn)
    .addColumn('username', key, (col) => col.notNull())
    .addColumn('password_hash', 'varchar(255)', (col) => col.notNull())
    .addColumn('role', 'varchar(16)', (col) => col.notNull())
    .addColumn('created_at', instant, (col) => col.notNull())
    .addColumn('last_sign_in_at', instant)
    .addColumn('failed_attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('locked_until', instant)
    .execute();
  await caps.createIndex(db, {
    name: 'web_accounts_username_unique',
    table: 'web_accounts',
    columns: ['username'],
    unique: true,
  });

  await caps
    .createTable(db, 'oauth_states')
    .addColumn('state', key, (col) => col.primaryKey().notNull())
    .addColumn('session_id', key, (col) => col.notNull())
    .addColumn('code_verifier_ciphertext', text, (col) => col.notNull())
    .addColumn('created_at', instant, (col) => col.notNull())
    .addColumn('expires_at', instant, (col) => col.notNull())
    .addColumn('used_at', instant)
    .execute();
  await caps.createIndex(db, { name: 'oauth_states_expires_index', table: 'oauth_states', columns: ['expires_at'] });
}

async function createTenantTables(db: Kysely<unknown>, caps: Capabilities): Promise<void> {
  const { key, text, longText, flag, instant } = caps.types;
  await caps
    .createTable(db, 'ms_user_links')
    .addColumn('proxy_id', 'integer', (col) => col.primaryKey().notNull())
    .addColumn('ms_user_id', 'varchar(64)')
    .addColumn('matched_by', 'varchar(32)')
    .addColumn('matched_value', 'varchar(255)')
    .addColumn('status', 'varchar(16)', (col) => col.notNull())
    .addColumn('reason', text)
    .addColumn('checked_at', instant, (col) => col.notNull())
    .execute();
  await caps.createIndex(db, { name: 'ms_user_links_user_index', table: 'ms_user_links', columns: ['ms_user_id'] });

  await caps
    .createTable(db, 'ms_teams')
    .addColumn('offering_key', key, (col) => col.primaryKey().notNull())
    .addColumn('course_id', 'integer', (col) => col.notNull())
    .addColumn('cperiod_id', 'integer', (col) => col.notNull())
    .addColumn('team_id', 'varchar(64)')
    // Microsoft caps mailNickname at 64 characters.
    .addColumn('mail_nickname', 'varchar(64)', (col) => col.notNull())
    .addColumn('display_name', 'varchar(255)', (col) => col.notNull())
    .addColumn('description', text)
    .addColumn('status', 'varchar(32)', (col) => col.notNull())
    .addColumn('archived', flag, (col) => col.notNull().defaultTo(0))
    .addColumn('last_error', longText)
    .addColumn('last_error_docs', 'varchar(128)')
    .addColumn('last_synced_at', instant)
    .addColumn('delta_link', longText)
    .addColumn('created_at', instant, (col) => col.notNull())
    .execute();
  await caps.createIndex(db, {
    name: 'ms_teams_mail_nickname_unique',
    table: 'ms_teams',
    columns: ['mail_nickname'],
    unique: true,
  });
  await caps.createIndex(db, { name: 'ms_teams_team_index', table: 'ms_teams', columns: ['team_id'] });

  await caps
    .createTable(db, 'ms_team_members')
    .addColumn('offering_key', key, (col) => col.notNull())
    .addColumn('ms_user_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('role', 'varchar(16)', (col) => col.notNull())
    .addColumn('membership_id', text)
    .addPrimaryKeyConstraint('ms_team_members_pk', ['offering_key', 'ms_user_id'])
    .execute();

  await caps
    .createTable(db, 'ms_events')
    .addColumn('event_id', 'integer', (col) => col.primaryKey().notNull())
    .addColumn('offering_key', key, (col) => col.notNull())
    .addColumn('team_id', 'varchar(64)')
    // Outlook event ids are ~150 opaque characters and never looked up by us: text, not an index.
    .addColumn('graph_event_id', text)
    .addColumn('transaction_id', key, (col) => col.notNull())
    .addColumn('join_url', longText)
    .addColumn('sent_hash', 'varchar(128)')
    .addColumn('status', 'varchar(32)', (col) => col.notNull())
    .addColumn('last_error', longText)
    .addColumn('updated_at', instant, (col) => col.notNull())
    .execute();
  await caps.createIndex(db, {
    name: 'ms_events_transaction_unique',
    table: 'ms_events',
    columns: ['transaction_id'],
    unique: true,
  });
  await caps.createIndex(db, { name: 'ms_events_offering_index', table: 'ms_events', columns: ['offering_key'] });
}

async function createHistoryTables(db: Kysely<unknown>, caps: Capabilities): Promise<void> {
  const { key, longText, flag, instant } = caps.types;
  await caps
    .createTable(db, 'sync_runs')
    .$call(caps.addIdColumn)
    .addColumn('kind', 'varchar(16)', (col) => col.notNull())
    .addColumn('triggered_by', 'varchar(32)', (col) => col.notNull())
    .addColumn('started_at', instant, (col) => col.notNull())
    .addColumn('finished_at', instant)
    .addColumn('status', 'varchar(16)', (col) => col.notNull())
    .addColumn('dry_run', flag, (col) => col.notNull().defaultTo(0))
    .addColumn('counts', longText)
    .addColumn('requests', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('error', longText)
    .execute();
  await caps.createIndex(db, {
    name: 'sync_runs_kind_started_index',
    table: 'sync_runs',
    columns: ['kind', 'started_at'],
  });

  await caps
    .createTable(db, 'sync_offering_results')
    .addColumn('run_id', 'bigint', (col) => col.notNull())
    .addColumn('offering_key', key, (col) => col.notNull())
    .addColumn('status', 'varchar(16)', (col) => col.notNull())
    .addColumn('counts', longText)
    .addColumn('message', longText)
    .addPrimaryKeyConstraint('sync_offering_results_pk', ['run_id', 'offering_key'])
    // Pruning old runs takes their per-offering results with them.
    .addForeignKeyConstraint('sync_offering_results_run_fk', ['run_id'], 'sync_runs', ['id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  await caps.createIndex(db, {
    name: 'sync_offering_results_offering_index',
    table: 'sync_offering_results',
    columns: ['offering_key'],
  });

  await caps
    .createTable(db, 'held_removals')
    .addColumn('offering_key', key, (col) => col.notNull())
    .addColumn('ms_user_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('role', 'varchar(16)', (col) => col.notNull())
    .addColumn('reason', longText, (col) => col.notNull())
    .addColumn('created_at', instant, (col) => col.notNull())
    .addColumn('confirmed_at', instant)
    .addColumn('confirmed_by', 'varchar(255)')
    .addPrimaryKeyConstraint('held_removals_pk', ['offering_key', 'ms_user_id'])
    .execute();

  await caps
    .createTable(db, 'audit_log')
    .$call(caps.addIdColumn)
    .addColumn('at', instant, (col) => col.notNull())
    .addColumn('actor', 'varchar(255)', (col) => col.notNull())
    .addColumn('action', 'varchar(64)', (col) => col.notNull())
    .addColumn('target', 'varchar(255)')
    .addColumn('detail', longText)
    // 45 characters: the longest textual IPv6 address (IPv4-mapped).
    .addColumn('ip', 'varchar(45)')
    .execute();
  await caps.createIndex(db, { name: 'audit_log_at_index', table: 'audit_log', columns: ['at'] });
}

export const integrationTables: CrossEngineMigration = {
  async up(db, caps) {
    await createSchedulerTables(db, caps);
    await createIdentityTables(db, caps);
    await createTenantTables(db, caps);
    await createHistoryTables(db, caps);
  },
};
