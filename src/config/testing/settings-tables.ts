// The settings tests' table runner (src/config/validate/*.test.ts): loadConfig in a temporary folder removed after
// the file, the words of a refusal, and the two tables every group of settings has — accepted spellings with the
// value they give, and refused values with the words (which must also name where the value came from).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ConfigError, formatProblem } from '../config-error.js';
import type { Config } from '../config-types.js';
import { loadConfig } from '../load-config.js';

type Env = Record<string, string>;

/** Call at the top of a test file: `prefix` names the temporary folder (`elentra-teams-<group>-config-`). */
export function settingsTables(prefix: string) {
  const cwd = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  const load = (env: Env) => loadConfig({ cwd, env });

  /** The formatted problems of a refused env; fails when the env is accepted. */
  function problemsOf(env: Env): string {
    try {
      load(env);
    } catch (error) {
      if (error instanceof ConfigError) return error.problems.map(formatProblem).join('\n');
      throw error;
    }
    throw new Error('expected a ConfigError');
  }

  /** `accepts KEY=value`: each row's value loads as `expected`. */
  function itAccepts(rows: Array<[string, string, unknown]>): void {
    it.each(rows)('accepts %s=%s', (key, value, expected) => {
      expect(load({ [key]: value })[key as keyof Config]).toEqual(expected);
    });
  }

  /** `refuses KEY=value in words`: each row's value is refused with words matching `pattern`, sourced to the env. */
  function itRefuses(rows: Array<[string, string, RegExp]>): void {
    it.each(rows)('refuses %s=%s in words', (key, value, pattern) => {
      const text = problemsOf({ [key]: value });
      expect(text).toMatch(pattern);
      expect(text).toMatch(/environment/);
    });
  }

  return { cwd, load, problemsOf, itAccepts, itRefuses };
}
