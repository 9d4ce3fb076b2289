// The Elentra read model: open the Elentra database, read the Roster (desired state for the sync), read and write the
// guide's two settings, and — in the embedded mode only — create the Elentra-shaped tables and seed the demo school.
// Start at read-roster.ts; the offering rule is documented in roster/offering-rule.ts. demo/ holds `demo:seed` and
// the emulator's matching tenant seed; testing/ holds row factories for tests (import them directly, not from here).

export { AWKWARD, DEMO_DOMAIN, DEMO_SCHOOL_NAME, DEMO_TIME_ZONE } from './demo/demo-people.js';
export { type DemoCounts, type SeedDemoOptions, type SeedDemoResult, seedDemo } from './demo/seed-demo.js';
export {
  ADMIN_CONSENTED_SCOPES,
  buildDemoTenantSeed,
  type DemoTenantOptions,
  type DemoTenantSeed,
  demoGuid,
} from './demo/tenant-seed.js';
export {
  enableMicrosoftTeams,
  isTeamsEnabledValue,
  MICROSOFT_MENU_ENTRY,
  MICROSOFT_TEAMS_ENABLED,
  type MicrosoftSettings,
  microsoftMenuEntryPresent,
  readMicrosoftSettings,
  USER_MENU_ORDERING,
  withMicrosoftMenuEntry,
} from './microsoft-settings.js';
export { type ElentraHandle, elentraOnConnection, type OpenElentraOptions, openElentra } from './open-elentra.js';
export { type ReadRosterOptions, readRoster, rosterRule } from './read-roster.js';
export { eventTargetsOffering, isEventReleased } from './roster/event-rules.js';
export {
  DEFAULT_AUTH_APP_ID,
  DEFAULT_GRACE_DAYS,
  DEFAULT_HORIZON_DAYS,
  DEFAULT_OWNER_CONTACT_TYPES,
  offeringKey,
} from './roster/offering-rule.js';
export {
  type OfferingSummary,
  type RosterJson,
  type RosterSummary,
  rosterToJson,
  summarizeRoster,
} from './roster/roster-json.js';
export type * from './roster/roster-types.js';
export { type RosterConfig, type RosterSettings, rosterOptionsOf } from './roster-options.js';
export {
  type DemoSchemaMigrationResult,
  ELENTRA_DEMO_MIGRATION_TABLE,
  migrateElentraDemoSchema,
} from './schema/migrate-demo-schema.js';
export { getSetting, type SettingWrite, setSetting } from './settings.js';
export type * from './tables.js';
export { AUTH_DATABASE_TABLES } from './tables.js';
