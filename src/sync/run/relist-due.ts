// Drift `groups/delta` cannot see. Group delta reports member additions and removals only (GRAPH-FACTS §9): a role
// changed in Teams, a team renamed or archived there, stays invisible while a team is observed through its snapshot.
// So each team is listed in full (`GET /teams/{id}` + its members, observe-listing.ts) at least once every
// `everyDays` days, and the listing corrects whatever drifted.
//
// Spread, not all at once: each team's re-list falls on its own day, fixed by a hash of its offering key. Time is cut
// into periods of `everyDays`, shifted per team by its phase; a team is due when a period boundary of its own fell
// after its last listing. Teams created on the same day (a first run creates them all) are therefore re-listed on
// different days of the first period and every `everyDays` after — never more than `everyDays` (plus the time
// between runs) since the last listing, and a daily run re-lists about 1/everyDays of the teams.
import type { TeamRecordExtras } from '../io/sync-store.js';

export const DEFAULT_RELIST_DAYS = 7;
const DAY_MS = 86_400_000;

/** FNV-1a, 32 bits: stable across runs and processes (unlike anything seeded), and enough to spread keys. */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The team's offset into each period, in ms: in [0, period). */
export function relistPhaseMs(offeringKey: string, everyDays: number): number {
  const periodMs = everyDays * DAY_MS;
  return Math.floor((hash32(offeringKey) / 2 ** 32) * periodMs);
}

/**
 * Whether this run lists the team in full rather than trusting its snapshot. Never listed (null: a row from before
 * `last_listed_at` was filled) → due. `everyDays` ≤ 0 or not finite turns the re-list off.
 */
export function relistDue(
  offeringKey: string,
  extras: Pick<TeamRecordExtras, 'lastListedAtMs'>,
  nowMs: number,
  everyDays: number,
): boolean {
  if (!(everyDays > 0) || !Number.isFinite(everyDays)) return false;
  const last = extras.lastListedAtMs;
  if (last === null) return true;
  const periodMs = everyDays * DAY_MS;
  const phase = relistPhaseMs(offeringKey, everyDays);
  return Math.floor((nowMs + phase) / periodMs) > Math.floor((last + phase) / periodMs);
}
