// Child process for the concurrent-migration test: `migrate-child URL START_AT_MS` opens the database, waits until
// START_AT_MS so that all children race at once, runs migrateToLatest, and prints the outcome (or error) as JSON.
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { migrateToLatest, openDatabase } from '../../../src/db/index.js';

const [url, startAt] = process.argv.slice(2);
if (url === undefined || startAt === undefined) throw new Error('usage: migrate-child URL START_AT_MS');

const handle = await openDatabase<unknown>(url);
try {
  await sql`select 1`.execute(handle.db);
  await sleep(Math.max(0, Number(startAt) - Date.now()));
  const outcome = await migrateToLatest(handle);
  process.stdout.write(JSON.stringify(outcome));
} catch (error) {
  process.stdout.write(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
  process.exitCode = 1;
} finally {
  await handle.close();
}
