// The audit log: who did what (sign-in, authorize, disconnect, settings and schedule changes), from where. Details are
// JSON; callers never put secrets or tokens in them.
import type { Kysely } from 'kysely';
import type { IntegrationTables } from './tables.js';

export interface AuditEntry {
  /** `web:<username>`, `cli:<os user>`, `scheduler`. */
  actor: string;
  /** Dotted verb, e.g. `settings.set`, `microsoft.authorize`. */
  action: string;
  target?: string | null;
  detail?: Record<string, unknown> | null;
  ip?: string | null;
}

export async function recordAudit(db: Kysely<IntegrationTables>, entry: AuditEntry, now = Date.now()): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: now,
      actor: entry.actor,
      action: entry.action,
      target: entry.target ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
      ip: entry.ip ?? null,
    })
    .execute();
}
