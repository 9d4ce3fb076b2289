// Two `ms_teams` columns the teams sync needs to see what its observation alone cannot (both epoch ms, nullable):
// - `last_listed_at`: when the team's members were last listed in full. `groups/delta` reports member additions and
//   removals only, so a role changed, a team renamed or archived in Teams stays invisible while the snapshot is
//   fresh; the sync re-lists each team every few days (src/sync/run/relist-due.ts). Existing rows take `created_at`
//   — when their team was created or adopted, and listed — so an upgrade does not re-list every team at once.
// - `period_finish_at`: the offering's curriculum period finish, as last read from Elentra. Once an offering leaves
//   the roster the sync must tell "it ended" (archived only with archiveEndedTeams) from "it was withdrawn" (always
//   archived) even when no run fell within the grace days, or the grace days are 0 (src/sync/plan/plan-gone-team.ts).
// "Add if absent", like 0001: MySQL cannot roll DDL back, and a run that stopped half-way must finish next time.
import { type Kysely, sql } from 'kysely';
import type { Capabilities } from '../capabilities.js';
import type { CrossEngineMigration } from './cross-engine-migration.js';

const COLUMNS = ['last_listed_at', 'period_finish_at'] as const;

async function columnsOf(db: Kysely<unknown>, table: string): Promise<Set<string>> {
  const tables = await db.introspection.getTables();
  return new Set(tables.find((candidate) => candidate.name === table)?.columns.map((column) => column.name) ?? []);
}

export const msTeamsObservationColumns: CrossEngineMigration = {
  async up(db: Kysely<unknown>, caps: Capabilities): Promise<void> {
    const present = await columnsOf(db, 'ms_teams');
    for (const column of COLUMNS) {
      if (!present.has(column)) await db.schema.alterTable('ms_teams').addColumn(column, caps.types.instant).execute();
    }
    await sql`update ms_teams set last_listed_at = created_at where last_listed_at is null`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    const present = await columnsOf(db, 'ms_teams');
    for (const column of COLUMNS) {
      if (present.has(column)) await db.schema.alterTable('ms_teams').dropColumn(column).execute();
    }
  },
};
