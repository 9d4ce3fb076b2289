// Reads one constant at a time from the layered raw values, runs its check, and records any problem with the
// value's source. It keeps going after a problem (answering with the default), so that one run reports them all.
import type { ConfigProblem } from './config-error.js';
import { type ConfigSource, describeSource } from './config-types.js';
import type { ConfigKey } from './constants.js';
import type { RawValue } from './sources/raw-values.js';
import type { Check } from './validate/check.js';

export class ConfigReader {
  readonly problems: ConfigProblem[];
  readonly sources = new Map<ConfigKey, ConfigSource>();
  readonly #values: ReadonlyMap<ConfigKey, RawValue>;
  readonly #invalid = new Set<ConfigKey>();

  constructor(values: ReadonlyMap<ConfigKey, RawValue>, problems: ConfigProblem[] = []) {
    this.#values = values;
    this.problems = problems;
  }

  /** The checked value, or the checked default when unset or invalid. */
  withDefault<T>(key: ConfigKey, fallback: string, check: (value: string) => Check<T>): T {
    const checked = this.#checkGiven(key, check);
    if (checked !== undefined) return checked;
    const result = check(fallback);
    if (!result.ok) throw new Error(`The default of ${key} fails its own check: ${result.message}`);
    return result.value;
  }

  /** The checked value, or null when unset (the feature that needs it says so) or invalid. */
  optional<T>(key: ConfigKey, check: (value: string) => Check<T>): T | null {
    return this.#checkGiven(key, check) ?? null;
  }

  isValid(key: ConfigKey): boolean {
    return !this.#invalid.has(key);
  }

  /** Where a value came from, in words (`environment`, a file path, `default`). */
  sourceOf(key: ConfigKey): string {
    return describeSource(this.sources.get(key) ?? { kind: 'default' });
  }

  #checkGiven<T>(key: ConfigKey, check: (value: string) => Check<T>): T | undefined {
    const given = this.#values.get(key);
    this.sources.set(key, given?.source ?? { kind: 'default' });
    if (given === undefined) return undefined;
    const result = check(given.value);
    if (result.ok) return result.value;
    this.#invalid.add(key);
    this.problems.push({ name: key, message: result.message, fix: result.fix, source: describeSource(given.source) });
    return undefined;
  }
}
