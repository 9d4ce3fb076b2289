// `ms_teams.web_url`: the team's `webUrl` as Microsoft Graph last gave it (CSDL `team.webUrl`: the address that opens
// the team in Microsoft Teams), saved by the teams sync from the answers it already gets — `PUT /groups/{id}/team`
// when it makes the team, `GET /teams/{id}` when it lists one — so that the dashboard's offering page links to the
// team without asking Graph (src/web/dashboard/dashboard-data.ts). A `https://teams.microsoft.com/l/team/…` link
// cannot be built from the team id alone (it needs the General channel's thread id). Nullable: rows from before
// this migration, and teams created by another path, get theirs at their next full listing (relist-due.ts).
// Plain text, not indexed: Microsoft does not bound its length. "Add if absent", like 0001 and 0002: MySQL cannot
// roll DDL back, and a run that stopped half-way must finish next time.
import type { Kysely } from 'kysely';
import type { Capabilities } from '../capabilities.js';
import type { CrossEngineMigration } from './cross-engine-migration.js';

const COLUMN = 'web_url';

async function hasColumn(db: Kysely<unknown>, table: string, column: string): Promise<boolean> {
  const tables = await db.introspection.getTables();
  return tables.find((candidate) => candidate.name === table)?.columns.some((c) => c.name === column) ?? false;
}

export const msTeamsWebUrl: CrossEngineMigration = {
  async up(db: Kysely<unknown>, caps: Capabilities): Promise<void> {
    if (!(await hasColumn(db, 'ms_teams', COLUMN))) {
      await db.schema.alterTable('ms_teams').addColumn(COLUMN, caps.types.text).execute();
    }
  },
  async down(db: Kysely<unknown>): Promise<void> {
    if (await hasColumn(db, 'ms_teams', COLUMN)) await db.schema.alterTable('ms_teams').dropColumn(COLUMN).execute();
  },
};
