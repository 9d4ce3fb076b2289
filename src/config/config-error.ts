// The one error configuration problems become. All problems are collected first, so that one run of `config:check`
// (or one failed start) shows everything to fix. The CLI exits with code 2 on it (a UsageError).
import { UsageError } from '../lib/errors.js';

export interface ConfigProblem {
  /** The constant, e.g. `MS_AD_TENANT_ID`. */
  name: string;
  /** What is wrong, in words; never the value of a secret. */
  message: string;
  /** What to do about it. */
  fix: string;
  /** Where the value came from: `environment`, a file path, or `default`; absent when the value is missing. */
  source?: string;
}

export function formatProblem(problem: ConfigProblem): string {
  const where = problem.source ? ` (value from ${problem.source})` : '';
  return `${problem.name}: ${problem.message}${where}. Fix: ${problem.fix}`;
}

export class ConfigError extends UsageError {
  readonly problems: readonly ConfigProblem[];

  /** `code` is `config.invalid` for a wrong value, `config.missing` when a value the feature needs is not set. */
  constructor(problems: readonly ConfigProblem[], code: 'config.invalid' | 'config.missing' = 'config.invalid') {
    const heading =
      code === 'config.missing'
        ? 'Configuration is incomplete:'
        : `Configuration is invalid (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}):`;
    super([heading, ...problems.map((problem) => `  - ${formatProblem(problem)}`)].join('\n'), {
      code,
      docs: 'configuration',
    });
    this.problems = problems;
  }
}
