// `held_removals`: removals the mass-removal guard held until someone confirms them. Saving an offering's set keeps
// the rows that stay as they are — their `created_at` and any confirmation (a role or reason that changed is updated
// in place) — adds the new ones and drops the rest, in one transaction so a confirmation is never lost half-way.
import type { Kysely } from 'kysely';
import { retryOnDeadlock } from '../../db/retry-deadlock.js';
import type { HeldRemovalsTable, IntegrationTables } from '../../db/tables.js';
import type { HeldRemoval } from '../io/sync-store.js';
import { chunks, KEYS_PER_STATEMENT, rowsPerStatement } from './statement-limits.js';

type Db = Kysely<IntegrationTables>;
type Held = Pick<HeldRemoval, 'userId' | 'role' | 'reason'>;

const HELD_ROWS_PER_INSERT = rowsPerStatement(7);

function heldOf(row: HeldRemovalsTable): HeldRemoval {
  return {
    offeringKey: row.offering_key,
    userId: row.ms_user_id,
    role: row.role,
    reason: row.reason,
    createdAtMs: row.created_at,
    confirmedAtMs: row.confirmed_at,
    confirmedBy: row.confirmed_by,
  };
}

export async function readHeldRemovals(db: Db): Promise<HeldRemoval[]> {
  const rows = await db.selectFrom('held_removals').selectAll().orderBy('offering_key').orderBy('ms_user_id').execute();
  return rows.map(heldOf);
}

export async function saveHeldRemovals(
  db: Db,
  offeringKey: string,
  held: readonly Held[],
  nowMs: number,
): Promise<void> {
  const wanted = new Map(held.map((h) => [h.userId, h]));
  await retryOnDeadlock(() =>
    db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('held_removals')
        .select(['ms_user_id', 'role', 'reason'])
        .where('offering_key', '=', offeringKey)
        .execute();
      const existingIds = new Set(existing.map((row) => row.ms_user_id));
      const gone = existing.filter((row) => !wanted.has(row.ms_user_id)).map((row) => row.ms_user_id);
      for (const users of chunks(gone, KEYS_PER_STATEMENT)) {
        await trx
          .deleteFrom('held_removals')
          .where('offering_key', '=', offeringKey)
          .where('ms_user_id', 'in', users)
          .execute();
      }
      for (const row of existing) {
        const next = wanted.get(row.ms_user_id);
        if (next === undefined || (next.role === row.role && next.reason === row.reason)) continue;
        await trx
          .updateTable('held_removals')
          .set({ role: next.role, reason: next.reason })
          .where('offering_key', '=', offeringKey)
          .where('ms_user_id', '=', row.ms_user_id)
          .execute();
      }
      const added = [...wanted.values()].filter((h) => !existingIds.has(h.userId));
      for (const chunk of chunks(added, HELD_ROWS_PER_INSERT)) {
        const rows: HeldRemovalsTable[] = chunk.map((h) => ({
          offering_key: offeringKey,
          ms_user_id: h.userId,
          role: h.role,
          reason: h.reason,
          created_at: nowMs,
          confirmed_at: null,
          confirmed_by: null,
        }));
        await trx.insertInto('held_removals').values(rows).execute();
      }
    }),
  );
}
