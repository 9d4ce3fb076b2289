// `sync_runs` and `sync_offering_results`: what each teams sync run did, for the dashboard and the doctor. Counts are
// JSON text (tables.ts conventions). A result recorded twice for one offering in one run keeps the last (upsert on
// the primary key), so apply may record a provisional result and correct it.
import type { Kysely } from 'kysely';
import type { Capabilities } from '../../db/capabilities.js';
import { type IntegrationTables, toFlag } from '../../db/tables.js';
import type { OfferingResult, SyncRunEnd, SyncRunStart } from '../io/sync-store.js';

type Db = Kysely<IntegrationTables>;

export function startRun(db: Db, caps: Capabilities, run: SyncRunStart): Promise<number> {
  return caps.insertReturningId(
    db.insertInto('sync_runs').values({
      kind: 'teams',
      triggered_by: run.triggeredBy,
      started_at: run.startedAtMs,
      status: 'running',
      dry_run: toFlag(run.dryRun),
    }),
  );
}

export async function recordOfferingResult(
  db: Db,
  caps: Capabilities,
  runId: number,
  result: OfferingResult,
): Promise<void> {
  const values = {
    status: result.status,
    counts: JSON.stringify(result.counts),
    message: result.message,
  };
  await caps.upsert(
    db.insertInto('sync_offering_results').values({ run_id: runId, offering_key: result.offeringKey, ...values }),
    ['run_id', 'offering_key'],
    values,
  );
}

export async function finishRun(db: Db, runId: number, end: SyncRunEnd): Promise<void> {
  await db
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
