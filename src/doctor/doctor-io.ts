// What the doctor reads and calls, as one interface (./run-doctor.ts takes it; tests pass fakes). wireDoctorIo()
// builds the real one from the configuration, the integration's database, Elentra and the Microsoft identity.
import type { Config } from '../config/index.js';
import type { MicrosoftSettings } from '../elentra/index.js';
import type { SignedInUser } from '../microsoft/graph/index.js';
import type { ServiceTokenSummary } from '../microsoft/identity/index.js';
import type { FailedOffering, LastJobRun, LastSyncRun } from './checks/last-runs.js';
import type { Heartbeat, JobState } from './checks/scheduler.js';
import type { SecretProbe } from './token-outcomes.js';

export type JobRow = JobState & LastJobRun;
export type { FailedOffering, Heartbeat, LastSyncRun };

export interface DoctorIo {
  readonly config: Config;
  /** Whose Elentra settings are read (its own row over the global row). */
  readonly organisationId: number;
  now(): number;
  microsoftSettings(): Promise<MicrosoftSettings>;
  tokenSummary(): Promise<ServiceTokenSummary>;
  /** Redeems the stored refresh token now (as the refresh job does); the new access token, or a typed error. */
  refreshToken(): Promise<string>;
  probeClientSecret(): Promise<SecretProbe>;
  /** `GET /me` with this access token. */
  getMe(accessToken: string): Promise<SignedInUser>;
  jobs(): Promise<JobRow[]>;
  heartbeats(): Promise<Heartbeat[]>;
  /** The latest real run of each sync kind, newest first. */
  lastSyncRuns(): Promise<LastSyncRun[]>;
}
