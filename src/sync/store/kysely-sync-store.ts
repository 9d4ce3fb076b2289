// SyncStore (src/sync/io/sync-store.ts) on the integration's database through Kysely, the same on SQLite,
// MariaDB/MySQL and PostgreSQL: engine differences come from the handle's capabilities (upsert, insert returning id),
// statements are sized under the lowest parameter limit (./statement-limits.ts), and writes that must not be seen
// half-done run in one transaction. One file per table family beside this one.
import type { Capabilities } from '../../db/capabilities.js';
import type { IntegrationDatabase } from '../../db/index.js';
import type {
  HeldRemoval,
  OfferingResult,
  StoredMember,
  StoredTeam,
  SyncRunEnd,
  SyncRunStart,
  SyncStore,
  TeamRecordExtras,
} from '../io/sync-store.js';
import type { UserLink } from '../people/link-types.js';
import { readHeldRemovals, saveHeldRemovals } from './held-removals.js';
import { readMembers, replaceMembers, updateMembers } from './member-snapshot.js';
import { finishRun, recordOfferingResult, startRun } from './run-records.js';
import { readTeamExtras, readTeams, saveTeam } from './team-records.js';
import { readLinks, saveLinks } from './user-links.js';

export interface KyselySyncStoreOptions {
  /** For `created_at` columns; tests pass a fixed clock. */
  now?: () => number;
}

export class KyselySyncStore implements SyncStore {
  readonly #db: IntegrationDatabase['db'];
  readonly #caps: Capabilities;
  readonly #now: () => number;

  constructor(database: Pick<IntegrationDatabase, 'db' | 'capabilities'>, options: KyselySyncStoreOptions = {}) {
    this.#db = database.db;
    this.#caps = database.capabilities;
    this.#now = options.now ?? Date.now;
  }

  readTeams(): Promise<StoredTeam[]> {
    return readTeams(this.#db);
  }

  readTeamExtras(offeringKeys: readonly string[]): Promise<Map<string, TeamRecordExtras>> {
    return readTeamExtras(this.#db, offeringKeys);
  }

  /** Offerings without snapshot rows are absent from the map. */
  readMembers(offeringKeys: readonly string[]): Promise<Map<string, StoredMember[]>> {
    return readMembers(this.#db, offeringKeys);
  }

  readLinks(proxyIds: readonly number[]): Promise<Map<number, UserLink>> {
    return readLinks(this.#db, proxyIds);
  }

  readHeldRemovals(): Promise<HeldRemoval[]> {
    return readHeldRemovals(this.#db);
  }

  saveTeam(team: StoredTeam, extras: TeamRecordExtras): Promise<void> {
    return saveTeam(this.#db, this.#caps, team, extras, this.#now());
  }

  replaceMembers(offeringKey: string, members: readonly StoredMember[]): Promise<void> {
    return replaceMembers(this.#db, offeringKey, members);
  }

  updateMembers(
    offeringKey: string,
    change: { upsert: readonly StoredMember[]; remove: readonly string[] },
  ): Promise<void> {
    return updateMembers(this.#db, offeringKey, change);
  }

  saveLinks(links: readonly UserLink[]): Promise<void> {
    return saveLinks(this.#db, links);
  }

  saveHeldRemovals(
    offeringKey: string,
    held: ReadonlyArray<Pick<HeldRemoval, 'userId' | 'role' | 'reason'>>,
  ): Promise<void> {
    return saveHeldRemovals(this.#db, offeringKey, held, this.#now());
  }

  startRun(run: SyncRunStart): Promise<number> {
    return startRun(this.#db, this.#caps, run);
  }

  recordOfferingResult(runId: number, result: OfferingResult): Promise<void> {
    return recordOfferingResult(this.#db, this.#caps, runId, result);
  }

  finishRun(runId: number, end: SyncRunEnd): Promise<void> {
    return finishRun(this.#db, runId, end);
  }
}
