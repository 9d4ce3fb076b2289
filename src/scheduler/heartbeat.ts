// The scheduler's heartbeat: one row per host, stamped by every `schedule:run`, every `schedule:work` tick and the
// in-process scheduler. The doctor reads it to tell whether the crontab (or the service) actually fires.
import type { SchedulerContext } from './scheduler-context.js';

export async function recordHeartbeat(context: SchedulerContext, nowMs: number): Promise<void> {
  const { db, capabilities } = context.database;
  const { host, pid } = context.instance;
  await capabilities.upsert(
    db.insertInto('scheduler_heartbeats').values({ host, pid, last_beat_at: nowMs }),
    ['host'],
    {
      last_beat_at: nowMs,
      pid,
    },
  );
}
