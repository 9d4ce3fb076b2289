// Event sync's apply layer and runner (issue 6): the ports of ../ports.ts over Kysely and Graph, the dispatch loop
// under Outlook's limits, the run history, and runEventsSync() with its production wiring. Start at
// run-events-sync.ts; the CLI is src/cli/commands/sync-events.ts.
export { applyEventPlan, eventsInFlightFor, MAX_EVENTS_IN_FLIGHT } from './apply-event-plan.js';
export { EventRunRecords } from './event-run-records.js';
export type * from './events-run-types.js';
export { formatEventsReport, progressLine } from './format-events-report.js';
export { GraphCalendarGateway } from './graph-calendar-gateway.js';
export { KyselyEventStore } from './kysely-event-store.js';
export { runEventsSync } from './run-events-sync.js';
export { type TeamsAlongside, teamsAlongside } from './teams-alongside.js';
export { eventOptionsOf, eventSiteTag, type WireEventsSyncInput, wireEventsSync } from './wire-events-sync.js';
