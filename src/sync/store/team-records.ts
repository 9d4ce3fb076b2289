// `ms_teams` rows ↔ StoredTeam + TeamRecordExtras. `organisationId` has no column: it is read back from our own
// mailNickname. `created_at` is set on the first write and kept by later ones (the upsert does not update it).
import type { Kysely } from 'kysely';
import type { Capabilities } from '../../db/capabilities.js';
import { fromFlag, type IntegrationTables, type MsTeamsTable, toFlag } from '../../db/tables.js';
import type { StoredTeam, StoredTeamStatus, TeamRecordExtras } from '../io/sync-store.js';
import { parseMailNickname } from '../naming/mail-nickname.js';
import { chunks, KEYS_PER_STATEMENT } from './statement-limits.js';

type Db = Kysely<IntegrationTables>;
type TeamRow = Omit<MsTeamsTable, 'archived'> & { archived: number };

const STATUSES: ReadonlySet<string> = new Set<StoredTeamStatus>([
  'creating',
  'upcoming',
  'current',
  'ended',
  'gone',
  'deleted',
]);

/** A status this version does not know (written by a newer one) is read as an ordinary live team. */
function statusOf(value: string): StoredTeamStatus {
  return STATUSES.has(value) ? (value as StoredTeamStatus) : 'current';
}

export function storedTeamOf(row: TeamRow): StoredTeam {
  return {
    offeringKey: row.offering_key,
    courseId: row.course_id,
    periodId: row.cperiod_id,
    organisationId: parseMailNickname(row.mail_nickname)?.organisationId ?? null,
    teamId: row.team_id,
    mailNickname: row.mail_nickname,
    displayName: row.display_name,
    description: row.description,
    status: statusOf(row.status),
    archivedBySync: fromFlag(row.archived),
    lastSyncedAtMs: row.last_synced_at,
    periodFinishAtMs: row.period_finish_at,
  };
}

export async function readTeams(db: Db): Promise<StoredTeam[]> {
  const rows = await db.selectFrom('ms_teams').selectAll().orderBy('offering_key').execute();
  return rows.map(storedTeamOf);
}

export async function readTeamExtras(db: Db, offeringKeys: readonly string[]): Promise<Map<string, TeamRecordExtras>> {
  const extras = new Map<string, TeamRecordExtras>();
  for (const keys of chunks([...new Set(offeringKeys)], KEYS_PER_STATEMENT)) {
    const rows = await db
      .selectFrom('ms_teams')
      .select(['offering_key', 'last_error', 'last_error_docs', 'delta_link', 'last_listed_at', 'web_url'])
      .where('offering_key', 'in', keys)
      .execute();
    for (const row of rows) {
      extras.set(row.offering_key, {
        lastError: row.last_error,
        lastErrorDocs: row.last_error_docs,
        deltaLink: row.delta_link,
        lastListedAtMs: row.last_listed_at,
        webUrl: row.web_url,
      });
    }
  }
  return extras;
}

export async function saveTeam(
  db: Db,
  caps: Capabilities,
  team: StoredTeam,
  extras: TeamRecordExtras,
  nowMs: number,
): Promise<void> {
  const values = {
    course_id: team.courseId,
    cperiod_id: team.periodId,
    team_id: team.teamId,
    mail_nickname: team.mailNickname,
    display_name: team.displayName,
    description: team.description,
    status: team.status,
    archived: toFlag(team.archivedBySync),
    last_error: extras.lastError,
    last_error_docs: extras.lastErrorDocs,
    last_synced_at: team.lastSyncedAtMs,
    period_finish_at: team.periodFinishAtMs,
    delta_link: extras.deltaLink,
    last_listed_at: extras.lastListedAtMs,
    web_url: extras.webUrl,
  };
  await caps.upsert(
    db.insertInto('ms_teams').values({ offering_key: team.offeringKey, created_at: nowMs, ...values }),
    ['offering_key'],
    values,
  );
}
