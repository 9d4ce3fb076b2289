// One value per distinct instant, event audience and short repeated text while a roster is assembled: 200,000
// learning events share a few thousand start and finish times, a handful of rooms and one audience per course, and a
// Date is ~100 bytes of heap (with its cached fields) — three per event were a third of the assembled roster. The
// values are shared between events and offerings (the audiences and empty lists frozen), so the Roster is read-only:
// nothing in the sync changes a Date or a list of the roster in place.
import type { EventAudience, EventContact } from './roster-types.js';

/** The contacts of an event without any (most of them). */
export const NO_CONTACTS: EventContact[] = Object.freeze([]) as unknown as EventContact[];
/** The audience of an event without audience rows. */
export const NO_AUDIENCE: EventAudience[] = Object.freeze([]) as unknown as EventAudience[];

export class SharedValues {
  readonly #instants = new Map<number, Date>();
  readonly #texts = new Map<string, string>();
  readonly #audiences = new Map<string, EventAudience[]>();

  /** The Date of `seconds` (epoch seconds), the same object for the same instant. */
  instant(seconds: number): Date {
    let date = this.#instants.get(seconds);
    if (date === undefined) {
      date = new Date(seconds * 1000);
      this.#instants.set(seconds, date);
    }
    return date;
  }

  /** Elentra's "no date" (0, and NULL in nullable columns) as null; any other value as a shared Date. */
  optionalInstant(seconds: number | null): Date | null {
    return seconds === null || seconds === 0 ? null : this.instant(seconds);
  }

  /** The first copy of an equal string (each row's text is a string of its own as the database driver gives it). */
  text<T extends string | null>(value: T): T {
    if (value === null) return value;
    const known = this.#texts.get(value);
    if (known !== undefined) return known as T;
    this.#texts.set(value, value);
    return value;
  }

  /** An event's audience (sorted by the caller): one frozen list per distinct audience. */
  audience(sorted: readonly EventAudience[]): EventAudience[] {
    // Each part prefixed by its length: two different audiences never make the same key.
    let key = '';
    for (const { type, value } of sorted) key += `${type.length}:${type}${value.length}:${value}`;
    let shared = this.#audiences.get(key);
    if (shared === undefined) {
      const entries = sorted.map(({ type, value }) => Object.freeze({ type, value: this.text(value) }));
      shared = Object.freeze(entries) as unknown as EventAudience[];
      this.#audiences.set(key, shared);
    }
    return shared;
  }
}
