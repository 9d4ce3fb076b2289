// Transactions that the database may choose as a deadlock victim. InnoDB (MariaDB/MySQL) takes gap locks for
// `DELETE … WHERE key IN (…)` followed by INSERTs, so two transactions on neighbouring keys (two offerings' member
// snapshots written at once by the sync's parallel apply) can deadlock; the server then rolls one back with
// ER_LOCK_DEADLOCK (1213) and says "try restarting transaction". PostgreSQL does the same with SQLSTATE 40P01. The
// rolled-back transaction changed nothing, so running it again is safe: up to `attempts` times, with a short jittered
// pause. SQLite serialises writers and never reports a deadlock.
import { setTimeout as sleep } from 'node:timers/promises';

const DEADLOCK_CODES = new Set(['ER_LOCK_DEADLOCK', '40P01']);

export function isDeadlock(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, errno } = error as { code?: unknown; errno?: unknown };
  return (typeof code === 'string' && DEADLOCK_CODES.has(code)) || errno === 1213;
}

/** Runs `work` (one whole transaction), again when the database rolled it back as a deadlock victim. */
export async function retryOnDeadlock<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isDeadlock(error)) throw error;
      await sleep(10 * attempt + Math.floor(Math.random() * 20));
    }
  }
}
