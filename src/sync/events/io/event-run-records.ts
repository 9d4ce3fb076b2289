// `sync_runs` (kind 'events') and `sync_offering_results` for event sync: what each run did, per offering, for the
// dashboard and the doctor. Counts are JSON text (tables.ts conventions). An offering's result is upserted on the
// primary key (run_id, offering_key), so recording it again after a retry keeps the last.
import type { Kysely } from 'kysely';
import type { Capabilities } from '../../../db/capabilities.js';
import type { IntegrationDatabase } from '../../../db/index.js';
import { type IntegrationTables, type OfferingStatus, type SyncStatus, toFlag } from '../../../db/tables.js';

export interface EventRunStart {
  triggeredBy: 'schedule' | 'cli' | 'web';
  startedAtMs: number;
  dryRun: boolean;
}

export interface EventRunEnd {
  finishedAtMs: number;
  status: SyncStatus;
  counts: Record<string, number>;
  requests: number;
  error: string | null;
}

export interface OfferingRecord {
  offeringKey: string;
  status: OfferingStatus;
  counts: Record<string, number>;
  message: string | null;
}

/** The run history of event sync; one instance per database. */
export class EventRunRecords {
  readonly #db: Kysely<IntegrationTables>;
  readonly #caps: Capabilities;

  constructor(database: Pick<IntegrationDatabase, 'db' | 'capabilities'>) {
    this.#db = database.db;
    this.#caps = database.capabilities;
  }

  start(run: EventRunStart): Promise<number> {
    return this.#caps.insertReturningId(
      this.#db.insertInto('sync_runs').values({
        kind: 'events',
        triggered_by: run.triggeredBy,
        started_at: run.startedAtMs,
        status: 'running',
        dry_run: toFlag(run.dryRun),
      }),
    );
  }

  async offering(runId: number, result: OfferingRecord): Promise<void> {
    const values = { status: result.status, counts: JSON.stringify(result.counts), message: result.message };
    await this.#caps.upsert(
      this.#db
        .insertInto('sync_offering_results')
        .values({ run_id: runId, offering_key: result.offeringKey, ...values }),
      ['run_id', 'offering_key'],
      values,
    );
  }

  async finish(runId: number, end: EventRunEnd): Promise<void> {
    await this.#db
      .updateTable('sync_runs')
      .set({
        finished_at: end.finishedAtMs,
        status: end.status,
        counts: JSON.stringify(end.counts),
        requests: end.requests,
        error: end.error,
      })
      .where('id', '=', runId)
      .execute();
  }
}
