// `ms_team_members`: the snapshot of each team's members. A replace is one DELETE and INSERTs of ~250 rows, in one
// transaction (a half-written snapshot would make the next run add or remove the wrong people). An update deletes
// the touched rows and inserts their new state, also in one transaction, which needs no engine-specific multi-row
// upsert; a membership id already known is kept when the update has none (members/add does not return one, and the
// id of a user's membership in a team does not change).
import type { Kysely } from 'kysely';
import { retryOnDeadlock } from '../../db/retry-deadlock.js';
import type { IntegrationTables, MsTeamMembersTable } from '../../db/tables.js';
import type { StoredMember } from '../io/sync-store.js';
import { chunks, KEYS_PER_STATEMENT, rowsPerStatement } from './statement-limits.js';

type Db = Kysely<IntegrationTables>;

const MEMBER_ROWS_PER_INSERT = rowsPerStatement(4);

function distinctByUser(members: readonly StoredMember[]): StoredMember[] {
  return [...new Map(members.map((m) => [m.userId, m])).values()];
}

async function insertMembers(db: Db, offeringKey: string, members: readonly StoredMember[]): Promise<void> {
  for (const chunk of chunks(members, MEMBER_ROWS_PER_INSERT)) {
    const rows: MsTeamMembersTable[] = chunk.map((m) => ({
      offering_key: offeringKey,
      ms_user_id: m.userId,
      role: m.role,
      membership_id: m.membershipId,
    }));
    await db.insertInto('ms_team_members').values(rows).execute();
  }
}

export async function readMembers(db: Db, offeringKeys: readonly string[]): Promise<Map<string, StoredMember[]>> {
  const byOffering = new Map<string, StoredMember[]>();
  for (const keys of chunks([...new Set(offeringKeys)], KEYS_PER_STATEMENT)) {
    const rows = await db
      .selectFrom('ms_team_members')
      .selectAll()
      .where('offering_key', 'in', keys)
      .orderBy('offering_key')
      .orderBy('ms_user_id')
      .execute();
    for (const row of rows) {
      const list = byOffering.get(row.offering_key) ?? [];
      list.push({ userId: row.ms_user_id, role: row.role, membershipId: row.membership_id });
      byOffering.set(row.offering_key, list);
    }
  }
  return byOffering;
}

export async function replaceMembers(db: Db, offeringKey: string, members: readonly StoredMember[]): Promise<void> {
  await retryOnDeadlock(() =>
    db.transaction().execute(async (trx) => {
      await trx.deleteFrom('ms_team_members').where('offering_key', '=', offeringKey).execute();
      await insertMembers(trx, offeringKey, distinctByUser(members));
    }),
  );
}

export async function updateMembers(
  db: Db,
  offeringKey: string,
  change: { upsert: readonly StoredMember[]; remove: readonly string[] },
): Promise<void> {
  const upsert = distinctByUser(change.upsert);
  const touched = [...new Set([...change.remove, ...upsert.map((m) => m.userId)])];
  if (touched.length === 0) return;
  await retryOnDeadlock(() =>
    db.transaction().execute(async (trx) => {
      const known = new Map<string, string>();
      const needIds = upsert.filter((m) => m.membershipId === null).map((m) => m.userId);
      for (const users of chunks(needIds, KEYS_PER_STATEMENT)) {
        const rows = await trx
          .selectFrom('ms_team_members')
          .select(['ms_user_id', 'membership_id'])
          .where('offering_key', '=', offeringKey)
          .where('ms_user_id', 'in', users)
          .execute();
        for (const row of rows) if (row.membership_id !== null) known.set(row.ms_user_id, row.membership_id);
      }
      for (const users of chunks(touched, KEYS_PER_STATEMENT)) {
        await trx
          .deleteFrom('ms_team_members')
          .where('offering_key', '=', offeringKey)
          .where('ms_user_id', 'in', users)
          .execute();
      }
      const merged = upsert.map((m) => ({ ...m, membershipId: m.membershipId ?? known.get(m.userId) ?? null }));
      await insertMembers(trx, offeringKey, merged);
    }),
  );
}
