// The real DoctorIo: Elentra's settings, the token store, the refresh (refreshServiceToken, `always`: a real refresh,
// the same one the weekly job makes), the client-credentials probe, `GET /me` through the Graph client, and the
// scheduler's and the syncs' tables. The CLI and the Troubleshooting page both build it here.
import type { Config } from '../config/index.js';
import type { IntegrationDatabase } from '../db/index.js';
import { type ElentraHandle, readMicrosoftSettings } from '../elentra/index.js';
import { GraphClient, getMe } from '../microsoft/graph/index.js';
import { createIdentity, type Identity, refreshServiceToken } from '../microsoft/identity/index.js';
import { createJobRegistry, createSchedulerContext, listJobs } from '../scheduler/index.js';
import { probeClientSecret } from './client-credentials-probe.js';
import type { DoctorIo, LastSyncRun } from './doctor-io.js';

export interface WireDoctorInput {
  config: Config;
  database: IntegrationDatabase;
  /** Elentra's database, or how to open it (opened only when the settings are read). */
  elentra: ElentraHandle | (() => Promise<ElentraHandle>);
  organisationId: number;
  /** The process's identity (the web app's); default: a new one for this database. */
  identity?: Identity;
  now?: () => number;
  graphTimeoutMs?: number;
}

async function lastSyncRuns(database: IntegrationDatabase): Promise<LastSyncRun[]> {
  const { db } = database;
  const runs: LastSyncRun[] = [];
  for (const kind of ['teams', 'events'] as const) {
    const run = await db
      .selectFrom('sync_runs')
      .select(['id', 'status', 'error'])
      .where('kind', '=', kind)
      .where('dry_run', '=', 0)
      .where('status', '!=', 'running')
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (run === undefined) continue;
    const failed = await db
      .selectFrom('sync_offering_results as r')
      .leftJoin('ms_teams as t', 't.offering_key', 'r.offering_key')
      .select(['r.offering_key', 'r.message', 't.last_error_docs'])
      .where('r.run_id', '=', run.id)
      .where('r.status', '=', 'error')
      .orderBy('r.offering_key')
      .execute();
    runs.push({
      kind,
      status: run.status,
      error: run.error,
      failedOfferings: failed.map((row) => ({
        offeringKey: row.offering_key,
        message: row.message,
        docs: row.last_error_docs,
      })),
    });
  }
  return runs;
}

export function wireDoctorIo(input: WireDoctorInput): DoctorIo {
  const { config, database, elentra } = input;
  const now = input.now ?? Date.now;
  const identity = input.identity ?? createIdentity({ config, database, now });
  const scheduler = createSchedulerContext({
    database,
    registry: createJobRegistry(),
    siteZone: config.DEFAULT_TIMEZONE,
    clock: now,
  });
  return {
    config,
    organisationId: input.organisationId,
    now,
    microsoftSettings: async () =>
      readMicrosoftSettings(typeof elentra === 'function' ? await elentra() : elentra, input.organisationId),
    tokenSummary: () => identity.store.summary(),
    refreshToken: async () =>
      (await refreshServiceToken({ config, store: identity.store }, { mode: 'always' })).accessToken,
    probeClientSecret: () => probeClientSecret(config),
    getMe: (accessToken) =>
      getMe(
        new GraphClient({
          graphUrl: config.MS_GRAPH_URL,
          getAccessToken: async () => accessToken,
          timeoutMs: input.graphTimeoutMs ?? 15_000,
          retry: { maxRetries: 1, maxTotalWaitMs: 2_000 },
        }),
      ),
    jobs: async () =>
      (await listJobs(scheduler)).map((job) => ({
        name: job.name,
        active: job.active,
        problem: job.problem,
        status: job.lastStatus,
        error: job.lastError,
      })),
    heartbeats: async () =>
      (await database.db.selectFrom('scheduler_heartbeats').select(['host', 'last_beat_at']).execute()).map((row) => ({
        host: row.host,
        lastBeatAt: Number(row.last_beat_at),
      })),
    lastSyncRuns: () => lastSyncRuns(database),
  };
}
