// The runner's bookkeeping per offering: the `ms_teams` row as read, the extras to write back (the delta link moves
// with every round), and what observation learned about the team's members that the snapshot must take before
// apply runs. Observation never writes (a dry run must change nothing); the real run writes a book before applying
// the offering's plan (record-observation.ts), so a run killed at any point leaves a snapshot that is either the old
// one with the old link, or the new one with the new link — both converge on the next run.
import type { StoredMember, StoredTeam, TeamRecordExtras } from '../io/sync-store.js';
import type { SnapshotChange } from './snapshot-members.js';

export type SnapshotWrite = { kind: 'replace'; members: StoredMember[] } | ({ kind: 'change' } & SnapshotChange);

export interface TeamBook {
  offeringKey: string;
  stored: StoredTeam | null;
  extras: TeamRecordExtras;
  snapshot: SnapshotWrite | null;
  /** The delta link or the snapshot changed: write the book even when the plan does nothing. */
  dirty: boolean;
}

export const NO_EXTRAS: TeamRecordExtras = {
  lastError: null,
  lastErrorDocs: null,
  deltaLink: null,
  lastListedAtMs: null,
  webUrl: null,
};

export function newBook(
  offeringKey: string,
  stored: StoredTeam | null,
  extras: TeamRecordExtras | undefined,
): TeamBook {
  return { offeringKey, stored, extras: { ...(extras ?? NO_EXTRAS) }, snapshot: null, dirty: false };
}
