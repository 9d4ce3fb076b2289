// runDoctor: every check in order (./check-specs.ts), each given what it needs through DoctorIo. A check that needs
// what an earlier one found broken is `skip` with the reason. An unexpected error inside one check (a database that
// does not answer) fails that check in words and the others still run.
import { isAppError } from '../lib/errors.js';
import { type CheckResult, type CheckSpec, fail, skip } from './check-result.js';
import * as SPECS from './check-specs.js';
import { checkClientSecret, refreshSettlesSecret } from './checks/client-secret.js';
import { type ConfigOutcome, checkConfiguration } from './checks/configuration.js';
import { checkFeatureFlag } from './checks/feature-flag.js';
import { checkGraph, type MeOutcome } from './checks/graph.js';
import { checkLastRuns } from './checks/last-runs.js';
import { checkRedirectUrl } from './checks/redirect-url.js';
import { checkCrontab, checkJobsActive } from './checks/scheduler.js';
import { checkTimeZone } from './checks/time-zone.js';
import { checkToken } from './checks/token.js';
import type { DoctorIo, JobRow } from './doctor-io.js';
import type { RefreshOutcome, SecretProbe } from './token-outcomes.js';

export interface DoctorDeps {
  config: ConfigOutcome;
  /** Needed when the configuration loaded. */
  io?: DoctorIo;
}

async function guarded(spec: CheckSpec, docs: string, run: () => Promise<CheckResult>): Promise<CheckResult> {
  try {
    return await run();
  } catch (error) {
    const words = isAppError(error) ? error.publicMessage : error instanceof Error ? error.message : String(error);
    const anchor = isAppError(error) && error.docs ? error.docs : docs;
    return fail(
      spec,
      `The check could not run: ${words}`,
      'Follow the linked section, then run the doctor again.',
      anchor,
    );
  }
}

async function attempt<T>(run: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** The Microsoft checks: client secret, authorization, Graph; one refresh serves all three. */
async function microsoftChecks(io: DoctorIo, configResult: CheckResult): Promise<CheckResult[]> {
  if (configResult.status === 'fail') {
    const why = 'the Microsoft app settings are incomplete (see the settings check).';
    return [skip(SPECS.CLIENT_SECRET, why), skip(SPECS.TOKEN, why), skip(SPECS.GRAPH, why)];
  }
  const summary = await attempt(() => io.tokenSummary());
  if (!summary.ok) {
    const failed = await guarded(SPECS.TOKEN, 'database-migration-failed', () => Promise.reject(summary.error));
    return [skip(SPECS.CLIENT_SECRET, 'the stored token could not be read.'), failed, skip(SPECS.GRAPH, 'no token.')];
  }
  let refresh: RefreshOutcome = { kind: 'not-attempted' };
  if (summary.value.status === 'connected') {
    const refreshed = await attempt(() => io.refreshToken());
    refresh = refreshed.ok
      ? { kind: 'refreshed', accessToken: refreshed.value }
      : { kind: 'failed', error: refreshed.error };
  }
  let probe: SecretProbe | undefined;
  if (!refreshSettlesSecret(refresh)) probe = await io.probeClientSecret();
  const secret = checkClientSecret(refresh, probe);
  const after = refresh.kind === 'refreshed' ? await io.tokenSummary() : summary.value;
  const token = checkToken({
    before: summary.value,
    refresh,
    grantedScopes: after.grantedScopes,
    requestedScopes: io.config.MS_OAUTH_SCOPES,
  });
  let me: MeOutcome | undefined;
  if (refresh.kind === 'refreshed') {
    const answer = await attempt(() => io.getMe(refresh.accessToken));
    me = answer.ok
      ? { ok: true, user: answer.value, graphUrl: io.config.MS_GRAPH_URL }
      : { ok: false, error: answer.error };
  }
  return [secret, token, checkGraph(me)];
}

export async function runDoctor(deps: DoctorDeps): Promise<CheckResult[]> {
  const configResult = checkConfiguration(deps.config);
  const { io } = deps;
  if (!deps.config.ok || io === undefined) {
    const why = 'the configuration is invalid (see the settings check).';
    return [configResult, ...SPECS.CHECK_SPECS.slice(1).map((spec) => skip(spec, why))];
  }
  const results: CheckResult[] = [configResult];
  results.push(
    await guarded(SPECS.FEATURE_FLAG, 'elentra-database', async () =>
      checkFeatureFlag(await io.microsoftSettings(), io.organisationId),
    ),
  );
  results.push(checkRedirectUrl(io.config));
  const microsoft = await attempt(() => microsoftChecks(io, configResult));
  if (microsoft.ok) results.push(...microsoft.value);
  else {
    const failed = await guarded(SPECS.TOKEN, 'microsoft-unreachable', () => Promise.reject(microsoft.error));
    results.push(skip(SPECS.CLIENT_SECRET, 'the Microsoft checks stopped.'), failed, skip(SPECS.GRAPH, 'no token.'));
  }
  results.push(
    await guarded(SPECS.TIME_ZONE, 'database-migration-failed', async () =>
      checkTimeZone((await io.tokenSummary()).outlookTimeZone, io.config.DEFAULT_TIMEZONE),
    ),
  );
  const jobs = await attempt(() => io.jobs());
  if (!jobs.ok) {
    const failed = await guarded(SPECS.JOBS_ACTIVE, 'database-migration-failed', () => Promise.reject(jobs.error));
    const why = 'the cron table could not be read (see the scheduled jobs check).';
    results.push(failed, skip(SPECS.CRONTAB, why), skip(SPECS.LAST_RUNS, why));
    return results;
  }
  const rows: JobRow[] = jobs.value;
  results.push(checkJobsActive(rows));
  results.push(
    await guarded(SPECS.CRONTAB, 'database-migration-failed', async () =>
      checkCrontab(rows, await io.heartbeats(), io.now()),
    ),
  );
  results.push(
    await guarded(SPECS.LAST_RUNS, 'database-migration-failed', async () =>
      checkLastRuns(rows, await io.lastSyncRuns()),
    ),
  );
  return results;
}
