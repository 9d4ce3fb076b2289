// The sync's storage: SyncStore on the integration's database (kysely-sync-store.ts).
export { KyselySyncStore, type KyselySyncStoreOptions } from './kysely-sync-store.js';
export { MAX_PARAMETERS_PER_STATEMENT } from './statement-limits.js';
