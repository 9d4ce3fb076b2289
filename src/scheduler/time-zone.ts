// Validation of the time zone a job's schedule is evaluated in (the `cron.timezone` column, or DEFAULT_TIMEZONE).
import { resolveZone, suggestIanaZone } from '../time/index.js';

export type ZoneValidation = { ok: true; zone: string } | { ok: false; message: string };

/** Accepts IANA names (`America/Toronto`, `UTC`) as the runtime knows them; suggests one for a near miss. */
export function validateTimeZone(name: string): ZoneValidation {
  const zone = resolveZone(name.trim());
  if (zone !== null) return { ok: true, zone: name.trim() };
  const suggestion = suggestIanaZone(name);
  const hint = suggestion === null ? ' such as "America/Toronto" or "UTC".' : `: did you mean "${suggestion}"?`;
  return { ok: false, message: `"${name}" is not a time zone this server knows. Use an IANA name${hint}` };
}
