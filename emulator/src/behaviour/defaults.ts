// Default Graph timings and the documented throttling limits (GRAPH-FACTS §8, learn.microsoft.com/graph/throttling-limits),
// and how `EmulatorOptions.graph` / `POST /_emulator/limits` overrides are folded into them.
import type { GraphLimitsInput, GraphOptions, TeamsLimitName } from '../context.js';

/** An async team operation (create, archive, unarchive) succeeds after this long unless options say otherwise. */
export const DEFAULT_TEAM_OPERATION_MS = 1000;
/**
 * Microsoft: a group younger than 15 minutes may not be found by `PUT /groups/{id}/team` (team-post.md, "retry three
 * times, 10 seconds apart"). The standalone emulator uses 2 s so that a retrying client gets through quickly.
 */
export const DEFAULT_REPLICATION_DELAY_MS = 2000;

export interface LimitsConfig {
  enabled: boolean;
  scale: number;
  /** Microsoft Teams service limits, per app per tenant, in requests per `windowMs` (documented: per second). */
  teams: Record<TeamsLimitName, number>;
  /**
   * Identity and access (users, groups): a resource-unit bucket per app+tenant per 10 s — 3,500 (S, under 50 users),
   * 5,000 (M, 50–500), 8,000 (L, over 500) — and 3,000 writes per 2 min 30 s. `resourceUnits: null` picks by tenant size.
   */
  directory: { resourceUnits: number | null; windowMs: number; writes: number; writeWindowMs: number };
  /** Outlook: 10,000 requests per 10 minutes per app per mailbox, and 4 concurrent requests. */
  outlook: { requests: number; windowMs: number; concurrent: number };
}

export function documentedLimits(): LimitsConfig {
  return {
    enabled: true,
    scale: 1,
    teams: {
      createTeamPerWindow: 10, // POST /teams
      teamifyPerWindow: 6, // PUT /groups/{id}/team, clone
      getTeamPerWindow: 30, // GET /teams/{id}
      getMembersPerWindow: 60, // GET /teams/{id}/members
      otherGetPerWindow: 30, // other GET calls for Microsoft Teams
      otherWritePerWindow: 30, // other API calls for Microsoft Teams
      perTeamPerWindow: 4, // "A maximum of 4 requests per second per app can be issued on a given team"
      windowMs: 1000,
    },
    directory: { resourceUnits: null, windowMs: 10_000, writes: 3000, writeWindowMs: 150_000 },
    outlook: { requests: 10_000, windowMs: 600_000, concurrent: 4 },
  };
}

/** Folds an override (options or control API) into a configuration; `'off'` disables, `'documented'` resets. */
export function applyLimits(
  base: LimitsConfig,
  input: GraphLimitsInput | 'documented' | 'off' | undefined,
): LimitsConfig {
  if (input === undefined) return base;
  if (input === 'documented') return documentedLimits();
  if (input === 'off') return { ...base, enabled: false };
  const next: LimitsConfig = structuredClone(base);
  if (input.enabled !== undefined) next.enabled = input.enabled;
  if (input.scale !== undefined) next.scale = input.scale;
  for (const [name, value] of Object.entries(input.teams ?? {})) {
    if (value !== undefined && name in next.teams) next.teams[name as TeamsLimitName] = value;
  }
  Object.assign(next.directory, definedOnly(input.directory ?? {}));
  Object.assign(next.outlook, definedOnly(input.outlook ?? {}));
  return next;
}

/** A count limit after scaling: never below 1. */
export function scaled(limits: LimitsConfig, count: number): number {
  return Math.max(1, Math.floor(count * limits.scale));
}

export function resolveGraphOptions(options: GraphOptions | undefined): {
  teamOperationMs: number;
  replicationDelayMs: number;
  limits: LimitsConfig;
} {
  return {
    teamOperationMs: options?.teamOperationMs ?? DEFAULT_TEAM_OPERATION_MS,
    replicationDelayMs: options?.replicationDelayMs ?? DEFAULT_REPLICATION_DELAY_MS,
    limits: applyLimits(documentedLimits(), options?.limits),
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
