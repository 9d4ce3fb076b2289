// What `microsoft:sync-teams` loads when it runs (one lazy import, so registering the command costs nothing).
export { formatPlanTable, planToJson } from '../plan/format-plan.js';
export { formatReport, progressLine } from './format-report.js';
export { runTeamsSync } from './run-teams-sync.js';
export { wireTeamsSync } from './wire-sync.js';
