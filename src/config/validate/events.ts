// Checks for the event sync's settings (EVENTS_*): the window of class sessions kept in Teams, in whole days. The
// on/off settings (EVENTS_ONLINE_MEETINGS, EVENTS_ONLY_OFFERING_AUDIENCE) use basic.ts checkFlag.
import { type Check, fail, ok } from './check.js';

/** A whole number of days from `min` to `max`; `example` is what the fix suggests. */
export function checkDays(min: number, max: number, example: string): (value: string) => Check<number> {
  return (value) => {
    const days = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
    if (days >= min && days <= max) return ok(days);
    return fail(`"${value}" is not a number of days from ${min} to ${max}`, `use a whole number, e.g. ${example}`);
  };
}

/** How far back a session that already started is still kept in step (0: only sessions not started yet). */
export const checkPastDays = checkDays(0, 365, '1 (the default)');

/** How far ahead sessions get their meeting; Outlook has no limit, but every day ahead is more meetings to keep. */
export const checkFutureDays = checkDays(1, 730, '120 (the default)');
