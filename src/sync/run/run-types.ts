// What runTeamsSync() takes and gives back (run-teams-sync.ts). The runner is written against the I/O interfaces
// (../io/: SyncStore, TeamsGateway) and a roster reader, so the CLI, the scheduler and the tests wire it the same way
// (wire-sync.ts builds the production dependencies from the CLI's app).
import type { Roster } from '../../elentra/roster/roster-types.js';
import type { SyncStore } from '../io/sync-store.js';
import type { TeamsGateway } from '../io/teams-gateway.js';
import type { MatchingOptions } from '../people/candidate-keys.js';
import type { UnmatchedPerson } from '../people/offering-people.js';
import type { RecheckPolicy } from '../people/recheck-policy.js';
import type { PlanCounts } from '../plan/plan-counts.js';
import type { PlanOptions } from '../plan/plan-options.js';
import type { OfferingStatus, Plan } from '../plan/plan-types.js';

export interface RunDeps {
  store: SyncStore;
  gateway: TeamsGateway;
  readRoster(options: { now: Date; courseIds: readonly number[] | null }): Promise<Roster>;
  /** Without `force`: the run's options override it. */
  planOptions: Omit<PlanOptions, 'force'>;
  matching: MatchingOptions;
  recheck: RecheckPolicy;
  /** Graph requests spent so far (GraphClient `stats.snapshot().total`), read at the start and the end. */
  graphRequests(): number;
  now(): Date;
  /** Offerings applied at once (each offering's operations stay in order). Default 4. */
  concurrency?: number;
  /** List each team's members in full at least this often, in days (relist-due.ts); default 7, 0 turns it off. */
  relistEveryDays?: number;
  triggeredBy: 'schedule' | 'cli' | 'web';
}

export type RunProgress =
  | { phase: 'observe'; message: string }
  | { phase: 'apply'; offeringKey: string; displayName: string; done: number; total: number; status: OfferingStatus }
  | { phase: 'record'; message: string };

export interface RunOptions {
  courseIds?: readonly number[] | null;
  dryRun: boolean;
  force: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: RunProgress) => void;
}

/** What applying one offering did (dry run: what the plan expects). */
export interface OfferingOutcome {
  offeringKey: string;
  displayName: string;
  status: OfferingStatus;
  counts: Record<string, number>;
  /** The last error, the held removals or the warnings, in words; null when all went well. */
  message: string | null;
  unmatched: UnmatchedPerson[];
}

export interface RunReport {
  runId: number;
  dryRun: boolean;
  status: 'ok' | 'warning' | 'error';
  plan: Plan;
  planCounts: PlanCounts;
  offerings: OfferingOutcome[];
  /** Graph requests this run spent (observation included). */
  requests: number;
  /** The error that stopped the whole run (authorization), in words. */
  error: string | null;
}
