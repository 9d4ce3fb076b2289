// Cron expressions: the one place croner is configured, and validation with messages an administrator can act on.
// Five fields (minute hour day-of-month month day-of-week), as in crontab and Laravel; croner's nicknames (@daily…)
// and extensions (L, W, #) are accepted. Evaluation over time lives in ./due-time.ts.
import { Cron } from 'croner';

export const CRON_EXAMPLE = '"0 0 * * *" (every day at 12:00 AM) or "30 2 * * 1-5" (weekdays at 2:30 AM)';

/** The database column is varchar(255). */
const MAX_EXPRESSION_LENGTH = 255;

const FIELDS = [
  { name: 'minute', allowed: '0-59' },
  { name: 'hour', allowed: '0-23' },
  { name: 'day-of-month', allowed: '1-31 or L' },
  { name: 'month', allowed: '1-12 or JAN-DEC' },
  { name: 'day-of-week', allowed: '0-7 or SUN-SAT (0 and 7 are Sunday)' },
] as const;

export type CronValidation = { ok: true } | { ok: false; message: string };

const compiled = new Map<string, Cron>();
/** Expressions are few (one per job) but the web preview compiles drafts: keep the cache bounded. */
const MAX_COMPILED = 500;

/**
 * A paused croner job for `expression` in `zone` (cached). Fixed-time rule "no-wildcard" (as Vixie cron): a job whose
 * minute and hour fields have no `*` or step runs once when its wall-clock time is skipped or repeated by a DST
 * change; wildcard jobs (every 15 minutes…) follow real time. Throws croner's error for a bad expression or zone.
 */
export function compileCron(expression: string, zone: string): Cron {
  const key = `${zone}\u0000${expression}`;
  let cron = compiled.get(key);
  if (cron === undefined) {
    cron = new Cron(expression.trim(), { timezone: zone, mode: '5-part', fixedTimeRule: 'no-wildcard', paused: true });
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(key, cron);
  }
  return cron;
}

function parses(expression: string): boolean {
  try {
    compileCron(expression, 'UTC');
    return true;
  } catch {
    return false;
  }
}

/** Names the first field that croner refuses on its own (croner's own messages are off by one for some fields). */
function badField(fields: readonly string[]): string | undefined {
  for (const [index, field] of FIELDS.entries()) {
    const probe = FIELDS.map((_, other) => (other === index ? fields[index] : '*')).join(' ');
    if (!parses(probe)) return `its ${field.name} field "${fields[index]}" is not valid (use ${field.allowed})`;
  }
  return undefined;
}

function describeProblem(expression: string): string | undefined {
  if (expression === '') return 'it is empty';
  if (expression.length > MAX_EXPRESSION_LENGTH) return `it is longer than ${MAX_EXPRESSION_LENGTH} characters`;
  if (expression.startsWith('@')) {
    return parses(expression) ? undefined : 'it is not one of @yearly, @monthly, @weekly, @daily or @hourly';
  }
  const fields = expression.split(/\s+/);
  if (fields.length !== FIELDS.length) {
    return `it has ${fields.length} field${fields.length === 1 ? '' : 's'}; five are needed: minute hour day-of-month month day-of-week`;
  }
  const field = badField(fields);
  if (field !== undefined) return field;
  try {
    compileCron(expression, 'UTC');
  } catch (error) {
    return error instanceof Error ? error.message.replace(/^CronPattern: /, '') : String(error);
  }
  // A date that never comes (31 February) parses but would never run: refuse it rather than wait forever.
  if (compileCron(expression, 'UTC').nextRun(new Date(0)) === null) return 'it never matches a real date';
  return undefined;
}

/**
 * Checks a schedule before it is saved.
 * @example
 * validateCronExpression('0 25 * * *')
 * // { ok: false, message: 'The schedule "0 25 * * *" is not a valid cron expression: its hour field "25" is not
 * //   valid (use 0-23). Example: "0 0 * * *" (every day at 12:00 AM) or …' }
 */
export function validateCronExpression(expression: string): CronValidation {
  const problem = describeProblem(expression.trim());
  if (problem === undefined) return { ok: true };
  return {
    ok: false,
    message: `The schedule "${expression}" is not a valid cron expression: ${problem}. Example: ${CRON_EXAMPLE}.`,
  };
}
