// `ms_user_links`: Elentra person ↔ Microsoft user. Saved as DELETE + INSERT of the given people in one transaction
// (a portable multi-row upsert), ~140 rows per statement.
import type { Kysely } from 'kysely';
import { retryOnDeadlock } from '../../db/retry-deadlock.js';
import type { IntegrationTables, MsUserLinksTable } from '../../db/tables.js';
import type { UserLink } from '../people/link-types.js';
import { chunks, KEYS_PER_STATEMENT, rowsPerStatement } from './statement-limits.js';

type Db = Kysely<IntegrationTables>;

const LINK_ROWS_PER_INSERT = rowsPerStatement(7);

export function linkOf(row: MsUserLinksTable): UserLink {
  return {
    proxyId: row.proxy_id,
    userId: row.ms_user_id,
    matchedBy: row.matched_by,
    matchedValue: row.matched_value,
    status: row.status,
    reason: row.reason,
    checkedAtMs: row.checked_at,
  };
}

function rowOf(link: UserLink): MsUserLinksTable {
  return {
    proxy_id: link.proxyId,
    ms_user_id: link.userId,
    matched_by: link.matchedBy,
    matched_value: link.matchedValue,
    status: link.status,
    reason: link.reason,
    checked_at: link.checkedAtMs,
  };
}

export async function readLinks(db: Db, proxyIds: readonly number[]): Promise<Map<number, UserLink>> {
  const links = new Map<number, UserLink>();
  for (const ids of chunks([...new Set(proxyIds)], KEYS_PER_STATEMENT)) {
    const rows = await db.selectFrom('ms_user_links').selectAll().where('proxy_id', 'in', ids).execute();
    for (const row of rows) links.set(row.proxy_id, linkOf(row));
  }
  return links;
}

export async function saveLinks(db: Db, links: readonly UserLink[]): Promise<void> {
  const distinct = [...new Map(links.map((l) => [l.proxyId, l])).values()];
  if (distinct.length === 0) return;
  await retryOnDeadlock(() =>
    db.transaction().execute(async (trx) => {
      for (const ids of chunks(
        distinct.map((l) => l.proxyId),
        KEYS_PER_STATEMENT,
      )) {
        await trx.deleteFrom('ms_user_links').where('proxy_id', 'in', ids).execute();
      }
      for (const chunk of chunks(distinct, LINK_ROWS_PER_INSERT)) {
        await trx.insertInto('ms_user_links').values(chunk.map(rowOf)).execute();
      }
    }),
  );
}
