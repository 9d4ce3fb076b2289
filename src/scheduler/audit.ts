// The scheduler's entries in `audit_log` (through the house helper, recordAudit): who changed a job or pressed
// "Run now". Actors follow its convention: `cli:<operating-system user>`, `web:<username>`.
import type { Kysely } from 'kysely';
import { type AuditEntry, type IntegrationTables, recordAudit } from '../db/index.js';

export type AuditActor = Pick<AuditEntry, 'actor' | 'ip'>;

export type SchedulerAuditAction = 'schedule.set' | 'schedule.run_now';

export function auditSchedulerAction(
  db: Kysely<IntegrationTables>,
  who: AuditActor,
  entry: { action: SchedulerAuditAction; target: string; detail: Record<string, unknown>; atMs: number },
): Promise<void> {
  return recordAudit(db, { ...who, action: entry.action, target: entry.target, detail: entry.detail }, entry.atMs);
}
