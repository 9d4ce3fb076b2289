// Check: the settings (the guide's MS_* constants and the service's own) load and validate, and the values the
// Microsoft features cannot run without are set: tenant id, client id, client secret and APP_KEY. Pure.
import {
  type Config,
  ConfigError,
  type ConfigProblem,
  formatProblem,
  requireAppKey,
  requireMicrosoftApp,
} from '../../config/index.js';
import { type CheckResult, fail, pass } from '../check-result.js';
import { CONFIGURATION } from '../check-specs.js';

/** What loading the configuration gave: the Config, or the ConfigError listing every problem. */
export type ConfigOutcome = { ok: true; config: Config } | { ok: false; error: ConfigError };

function problemsOf(run: () => unknown): ConfigProblem[] {
  try {
    run();
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
}

function fixFor(problems: readonly ConfigProblem[]): string {
  const fixes = problems.map((problem) => `${problem.name}: ${problem.fix}`);
  return `${fixes.join('; ')}. Then run elentra-teams config:check until it says the configuration is valid.`;
}

export function checkConfiguration(outcome: ConfigOutcome): CheckResult {
  if (!outcome.ok) {
    const { problems } = outcome.error;
    const detail = `The configuration is invalid: ${problems.map(formatProblem).join(' ')}`;
    return fail(CONFIGURATION, detail, fixFor(problems));
  }
  const { config } = outcome;
  const problems = [...problemsOf(() => requireMicrosoftApp(config)), ...problemsOf(() => requireAppKey(config))];
  if (problems.length > 0) {
    const names = problems.map((problem) => problem.name).join(', ');
    return fail(CONFIGURATION, `Not set: ${names}.`, fixFor(problems));
  }
  const file = config.settingsFile === null ? 'the environment (no settings file)' : config.settingsFile;
  return pass(
    CONFIGURATION,
    `Tenant ${config.MS_AD_TENANT_ID}, app ${config.MS_OAUTH_CLIENT_ID}, client secret and APP_KEY set; ` +
      `${config.MS_OAUTH_SCOPES.length} scopes; sign-in at ${config.MS_LOGIN_URL}, Graph at ${config.MS_GRAPH_URL}; ` +
      `read from ${file}.`,
  );
}
