// The window of class sessions that event sync keeps in Teams: from 1 day ago to 120 days ahead by default (issue 6).
// Start inclusive, end exclusive. What happens at each edge is the planner's rule (plan-events.ts): sessions that
// fall out through the past edge are kept as they are, sessions beyond the far edge have no meeting.

export const DEFAULT_DAYS_BEFORE = 1;
export const DEFAULT_DAYS_AHEAD = 120;
const DAY_MS = 86_400_000;

export interface EventWindow {
  from: Date;
  until: Date;
}

export interface EventWindowOptions {
  daysBefore?: number;
  daysAhead?: number;
}

export function eventWindow(now: Date, options: EventWindowOptions = {}): EventWindow {
  const daysBefore = options.daysBefore ?? DEFAULT_DAYS_BEFORE;
  const daysAhead = options.daysAhead ?? DEFAULT_DAYS_AHEAD;
  if (!(daysBefore >= 0 && daysAhead > 0)) {
    throw new RangeError(`The event window needs daysBefore ≥ 0 and daysAhead > 0 (got ${daysBefore}, ${daysAhead})`);
  }
  return { from: new Date(now.getTime() - daysBefore * DAY_MS), until: new Date(now.getTime() + daysAhead * DAY_MS) };
}

export type WindowPosition = 'past' | 'inside' | 'beyond';

export function windowPosition(startMs: number, window: EventWindow): WindowPosition {
  if (startMs < window.from.getTime()) return 'past';
  if (startMs >= window.until.getTime()) return 'beyond';
  return 'inside';
}
