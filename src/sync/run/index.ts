// The sync's runner (issue 5): runTeamsSync() and what it takes and returns. wire-sync.ts builds its production
// dependencies (Kysely store, Graph gateway, identity) for the CLI and the scheduler.

export { doneTotals } from './run-summary.js';
export { DEFAULT_SYNC_CONCURRENCY, runTeamsSync } from './run-teams-sync.js';
export type { OfferingOutcome, RunDeps, RunOptions, RunProgress, RunReport } from './run-types.js';
