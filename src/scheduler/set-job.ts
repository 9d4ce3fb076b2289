// Changing a job's row (`schedule:set`, later the web page): everything is validated before anything is written, and
// the change and its audit entry are saved in one transaction, so a refused or failed change leaves no trace.
import { UsageError } from '../lib/errors.js';
import { type AuditActor, auditSchedulerAction } from './audit.js';
import { validateCronExpression } from './cron-expression.js';
import { ensureCronRows } from './cron-rows.js';
import { zoneOf } from './due-decision.js';
import { nextRun } from './due-time.js';
import { knownJobNames } from './job-registry.js';
import type { SchedulerContext } from './scheduler-context.js';
import { validateTimeZone } from './time-zone.js';

export interface JobChange {
  readonly active?: boolean;
  readonly schedule?: string;
  /** An IANA zone for this job's schedule, or null to follow the site's DEFAULT_TIMEZONE. */
  readonly timezone?: string | null;
}

export interface JobSettings {
  readonly active: boolean;
  readonly schedule: string;
  readonly timezone: string | null;
}

export interface SetJobResult {
  readonly name: string;
  readonly before: JobSettings;
  readonly after: JobSettings;
  /** False when the row already had these settings: nothing was written or audited. */
  readonly changed: boolean;
  /** The next due time after the change; null when switched off. */
  readonly nextDueAt: number | null;
}

type SetJobContext = Pick<SchedulerContext, 'database' | 'registry' | 'siteZone' | 'clock'>;

/** Checks a change without touching the database; throws UsageError naming the problem. */
export function validateJobChange(
  context: Pick<SchedulerContext, 'registry'>,
  name: string,
  change: JobChange,
): JobChange {
  if (context.registry.definition(name) === undefined) {
    throw new UsageError(`There is no job named "${name}". Jobs: ${knownJobNames(context.registry)}.`);
  }
  if (change.active === undefined && change.schedule === undefined && change.timezone === undefined) {
    throw new UsageError('Nothing to change: give --active 0|1, --schedule EXPRESSION or --timezone ZONE.');
  }
  const schedule = change.schedule?.trim();
  if (schedule !== undefined) {
    const check = validateCronExpression(schedule);
    if (!check.ok) throw new UsageError(check.message);
  }
  if (typeof change.timezone === 'string') {
    const check = validateTimeZone(change.timezone);
    if (!check.ok) throw new UsageError(check.message);
  }
  return {
    ...change,
    schedule,
    timezone: typeof change.timezone === 'string' ? change.timezone.trim() : change.timezone,
  };
}

export async function setJob(
  context: SetJobContext,
  name: string,
  change: JobChange,
  who: AuditActor,
): Promise<SetJobResult> {
  const valid = validateJobChange(context, name, change);
  const nowMs = context.clock();
  await ensureCronRows(context.database, context.registry, nowMs);
  return context.database.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('cron').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
    const before: JobSettings = { active: row.active === 1, schedule: row.schedule, timezone: row.timezone };
    const after: JobSettings = {
      active: valid.active ?? before.active,
      schedule: valid.schedule ?? before.schedule,
      timezone: valid.timezone === undefined ? before.timezone : valid.timezone,
    };
    const timingChanged = after.schedule !== before.schedule || after.timezone !== before.timezone;
    const changed = timingChanged || after.active !== before.active;
    if (!changed) return { name, before, after, changed, nextDueAt: row.next_due_at };
    // Counted from now: a new schedule or a switched-on job waits for its next due time rather than catching up.
    const nextDueAt = after.active ? nextRun(after.schedule, zoneOf(after, context.siteZone), nowMs) : null;
    await trx
      .updateTable('cron')
      .set({
        active: after.active ? 1 : 0,
        schedule: after.schedule,
        timezone: after.timezone,
        next_due_at: nextDueAt,
        updated_at: nowMs,
      })
      .where('name', '=', name)
      .execute();
    await auditSchedulerAction(trx, who, {
      action: 'schedule.set',
      target: name,
      detail: { before: { ...before }, after: { ...after } },
      atMs: nowMs,
    });
    return { name, before, after, changed, nextDueAt };
  });
}
