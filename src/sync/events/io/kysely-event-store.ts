// EventStore (../ports.ts) over the `ms_events` table (src/db/tables.ts) on SQLite, MariaDB/MySQL and PostgreSQL, and
// the one read event sync needs of `ms_teams`: which offerings have a team to hold their meetings. Every write is an
// upsert by event id or an update guarded by what it expects, so a write repeated after a crash changes nothing
// (ARCHITECTURE rule 1). Engine differences stay in the capabilities object (src/db/capabilities.ts).
import type { Kysely } from 'kysely';
import type { Capabilities } from '../../../db/capabilities.js';
import type { IntegrationDatabase } from '../../../db/index.js';
import type { IntegrationTables } from '../../../db/tables.js';
import type { ObservedEventRow } from '../event-rows.js';
import type { EventStore, PendingCreate, WrittenRow } from '../ports.js';

/** Offering keys per `IN (…)` list: far below every engine's placeholder limit (MySQL 65,535; SQLite 32,766). */
const KEYS_PER_STATEMENT = 500;

/** ms_teams rows whose team cannot take meetings: it was never made, or Microsoft no longer has it. */
const TEAMLESS_STATUSES = ['gone', 'deleted'];

export class KyselyEventStore implements EventStore {
  readonly #db: Kysely<IntegrationTables>;
  readonly #caps: Capabilities;

  constructor(database: Pick<IntegrationDatabase, 'db' | 'capabilities'>) {
    this.#db = database.db;
    this.#caps = database.capabilities;
  }

  async listRows(offeringKeys: readonly string[] | null): Promise<ObservedEventRow[]> {
    const select = () =>
      this.#db
        .selectFrom('ms_events')
        .select([
          'event_id',
          'offering_key',
          'team_id',
          'graph_event_id',
          'transaction_id',
          'join_url',
          'sent_hash',
          'status',
        ]);
    if (offeringKeys === null) return select().orderBy('event_id').execute();
    const rows: ObservedEventRow[] = [];
    for (let at = 0; at < offeringKeys.length; at += KEYS_PER_STATEMENT) {
      const keys = offeringKeys.slice(at, at + KEYS_PER_STATEMENT);
      rows.push(...(await select().where('offering_key', 'in', keys).execute()));
    }
    return rows.sort((a, b) => a.event_id - b.event_id);
  }

  /** Offering key → team id of teams the teams sync found deleted in Microsoft (ms_teams.status 'deleted'). */
  async deletedTeamIds(): Promise<Map<string, string>> {
    const rows = await this.#db
      .selectFrom('ms_teams')
      .select(['offering_key', 'team_id'])
      .where('team_id', 'is not', null)
      .where('status', '=', 'deleted')
      .execute();
    return new Map(rows.flatMap((row) => (row.team_id ? [[row.offering_key, row.team_id] as const] : [])));
  }

  /** Offering key → team id, for every offering whose team exists (written by the teams sync). */
  async teamIds(): Promise<Map<string, string>> {
    const rows = await this.#db
      .selectFrom('ms_teams')
      .select(['offering_key', 'team_id'])
      .where('team_id', 'is not', null)
      .where('status', 'not in', TEAMLESS_STATUSES)
      .execute();
    return new Map(rows.flatMap((row) => (row.team_id ? [[row.offering_key, row.team_id] as const] : [])));
  }

  async markPending(create: PendingCreate, atMs: number): Promise<void> {
    const values = {
      offering_key: create.offeringKey,
      team_id: create.teamId,
      graph_event_id: null,
      transaction_id: create.transactionId,
      join_url: null,
      sent_hash: create.sentHash,
      status: 'pending',
      last_error: null,
      updated_at: atMs,
    };
    await this.#caps.upsert(
      this.#db.insertInto('ms_events').values({ event_id: create.eventId, ...values }),
      ['event_id'],
      values,
    );
  }

  async recordWritten(row: WrittenRow, atMs: number): Promise<void> {
    const values = {
      offering_key: row.offeringKey,
      team_id: row.teamId,
      graph_event_id: row.graphEventId,
      transaction_id: row.transactionId,
      join_url: row.joinUrl,
      sent_hash: row.sentHash,
      status: row.status,
      last_error: null,
      updated_at: atMs,
    };
    await this.#caps.upsert(
      this.#db.insertInto('ms_events').values({ event_id: row.eventId, ...values }),
      ['event_id'],
      values,
    );
  }

  async recordDeleted(eventId: number, graphEventId: string, status: 'deleted' | 'gone', atMs: number) {
    // Guarded by the graph id: a move's create in another mailbox may already have written the new meeting here.
    await this.#db
      .updateTable('ms_events')
      .set({ graph_event_id: null, join_url: null, status, last_error: null, updated_at: atMs })
      .where('event_id', '=', eventId)
      .where('graph_event_id', '=', graphEventId)
      .execute();
  }

  async recordUnconfirmedEnded(eventId: number, transactionId: string, atMs: number): Promise<void> {
    // Guarded by the transactionId: the row has no graph id to compare, and a create with another transactionId (a
    // later generation) must not be ended by this one.
    await this.#db
      .updateTable('ms_events')
      .set({ graph_event_id: null, join_url: null, status: 'deleted', last_error: null, updated_at: atMs })
      .where('event_id', '=', eventId)
      .where('transaction_id', '=', transactionId)
      .execute();
  }

  async recordTeamDeleted(eventId: number, teamId: string, atMs: number): Promise<void> {
    // Guarded by the team id: a create in the offering's new team may already have moved the row there.
    await this.#db
      .updateTable('ms_events')
      .set({ join_url: null, status: 'team-deleted', last_error: null, updated_at: atMs })
      .where('event_id', '=', eventId)
      .where('team_id', '=', teamId)
      .execute();
  }

  async recordHash(eventId: number, sentHash: string, atMs: number): Promise<void> {
    await this.#db
      .updateTable('ms_events')
      .set({ sent_hash: sentHash, updated_at: atMs })
      .where('event_id', '=', eventId)
      .execute();
  }

  async recordError(eventId: number, message: string, atMs: number): Promise<void> {
    await this.#db
      .updateTable('ms_events')
      .set({ status: 'error', last_error: message, updated_at: atMs })
      .where('event_id', '=', eventId)
      .execute();
  }
}
