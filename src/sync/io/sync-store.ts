// What the sync keeps in the integration's database, as the sync sees it, and the one interface apply and observe
// use to read and write it (implemented next over Kysely: src/db/tables.ts `ms_teams`, `ms_team_members`,
// `ms_user_links`, `held_removals`, `sync_runs`, `sync_offering_results`). Every write is an upsert or a replace, so
// repeating one after a crash changes nothing (ARCHITECTURE rule 1).
import type { UserLink } from '../people/link-types.js';
import type { OfferingStatus, TeamRole } from '../plan/plan-types.js';

/** `ms_teams.status`: where the offering was last seen. `ended` matters later: see plan/lifecycle.ts. */
export type StoredTeamStatus = 'creating' | 'upcoming' | 'current' | 'ended' | 'gone' | 'deleted';

export interface StoredTeam {
  offeringKey: string;
  courseId: number;
  periodId: number;
  /** From our own mailNickname (naming/mail-nickname.ts parseMailNickname): `ms_teams` has no column for it. */
  organisationId: number | null;
  /** Null until the create succeeded. The row is written *before* the create request (status `creating`), so a
   * lost response or a killed run is found again by this mailNickname. */
  teamId: string | null;
  /** The nickname used at creation; it wins over a freshly computed one (a course code may change). */
  mailNickname: string;
  displayName: string;
  description: string | null;
  status: StoredTeamStatus;
  /** `ms_teams.archived`: true only when this integration archived the team, so that it may unarchive it. */
  archivedBySync: boolean;
  lastSyncedAtMs: number | null;
  /** The offering's period finish as last read from Elentra; null for rows from before it was kept. Tells an ended
   * offering from a withdrawn one once it left the roster (plan/plan-gone-team.ts). */
  periodFinishAtMs: number | null;
}

/** Details apply records beside a StoredTeam. */
export interface TeamRecordExtras {
  lastError: string | null;
  /** Anchor in docs/troubleshooting.md. */
  lastErrorDocs: string | null;
  /** `@odata.deltaLink` of the team's group members. */
  deltaLink: string | null;
  /** When the team's members were last listed in full (null: never by this version); see run/relist-due.ts. */
  lastListedAtMs: number | null;
  /** The team's `webUrl` as Graph last gave it (`PUT /groups/{id}/team`, `GET /teams/{id}`); null until seen. */
  webUrl: string | null;
}

export interface StoredMember {
  userId: string;
  role: TeamRole;
  membershipId: string | null;
}

export interface HeldRemoval {
  offeringKey: string;
  userId: string;
  role: TeamRole;
  reason: string;
  createdAtMs: number;
  confirmedAtMs: number | null;
  confirmedBy: string | null;
}

export interface SyncRunStart {
  triggeredBy: 'schedule' | 'cli' | 'web';
  startedAtMs: number;
  dryRun: boolean;
}

export interface OfferingResult {
  offeringKey: string;
  status: OfferingStatus;
  counts: Readonly<Record<string, number>>;
  /** The last error or the warnings, in words. */
  message: string | null;
}

export interface SyncRunEnd {
  finishedAtMs: number;
  status: 'ok' | 'warning' | 'error';
  counts: Readonly<Record<string, number>>;
  /** Graph requests spent (GraphClient's counters). */
  requests: number;
  error: string | null;
}

export interface SyncStore {
  readTeams(): Promise<StoredTeam[]>;
  readTeamExtras(offeringKeys: readonly string[]): Promise<Map<string, TeamRecordExtras>>;
  /** The snapshot of each team's members, by offering key. */
  readMembers(offeringKeys: readonly string[]): Promise<Map<string, StoredMember[]>>;
  readLinks(proxyIds: readonly number[]): Promise<Map<number, UserLink>>;
  readHeldRemovals(): Promise<HeldRemoval[]>;

  /** Upsert by offering key. */
  saveTeam(team: StoredTeam, extras: TeamRecordExtras): Promise<void>;
  /** Replace an offering's snapshot (after a full member listing). */
  replaceMembers(offeringKey: string, members: readonly StoredMember[]): Promise<void>;
  /** Apply one operation's confirmed result to the snapshot. */
  updateMembers(
    offeringKey: string,
    change: { upsert: readonly StoredMember[]; remove: readonly string[] },
  ): Promise<void>;
  /** Upsert by proxy id. */
  saveLinks(links: readonly UserLink[]): Promise<void>;
  /**
   * Make the offering's held removals exactly `held`: rows that stay keep their `created_at` and confirmation; others
   * go (removals done, or no longer planned). Apply calls it for offerings with held rows before or after the run.
   */
  saveHeldRemovals(
    offeringKey: string,
    held: ReadonlyArray<Pick<HeldRemoval, 'userId' | 'role' | 'reason'>>,
  ): Promise<void>;

  startRun(run: SyncRunStart): Promise<number>;
  recordOfferingResult(runId: number, result: OfferingResult): Promise<void>;
  finishRun(runId: number, end: SyncRunEnd): Promise<void>;
}
