// Graph throttling as Microsoft documents it (GRAPH-FACTS §8, learn.microsoft.com/graph/throttling-limits): each
// request is checked against every limit of its service; the first limit reached answers 429 with Retry-After.
// - Teams: a per-app-per-tenant rate per request class, and at most 4 requests per second per app on any one team.
// - Identity and access: a resource-unit bucket per app+tenant (3,500 / 5,000 / 8,000 per 10 s by tenant size) and
//   3,000 writes per 150 s; every answer carries `x-ms-resource-unit`, throttled ones `x-ms-throttle-scope` and
//   `x-ms-throttle-information`; `x-ms-throttle-limit-percentage` appears above 80 % use.
// - Outlook (group calendars): 10,000 requests per 10 minutes per app per mailbox, and 4 concurrent requests.
// A throttled request consumes nothing. Windows slide on the emulator's clock (`ctx.now()`).
import { type LimitsConfig, scaled } from './defaults.js';
import { SlidingWindows } from './sliding-window.js';

export type TeamsRequestClass = 'createTeam' | 'teamify' | 'getTeam' | 'getMembers' | 'otherGet' | 'otherWrite';

export type ThrottleTarget =
  | { service: 'none' }
  | { service: 'teams'; requestClass: TeamsRequestClass; teamId: string | null }
  | { service: 'directory'; resourceUnits: number; write: boolean }
  | { service: 'outlook'; mailboxId: string };

export interface Caller {
  appId: string;
  tenantId: string;
  /** Number of users in the tenant (picks the S / M / L resource-unit quota). */
  tenantUsers: number;
}

export type Admission =
  | { ok: true; headers: Record<string, string>; release: () => void }
  | { ok: false; retryAfterSeconds: number; headers: Record<string, string>; code: string; message: string };

const TEAMS_CLASS_LIMIT = {
  createTeam: 'createTeamPerWindow',
  teamify: 'teamifyPerWindow',
  getTeam: 'getTeamPerWindow',
  getMembers: 'getMembersPerWindow',
  otherGet: 'otherGetPerWindow',
  otherWrite: 'otherWritePerWindow',
} as const;

const NOTHING_TO_RELEASE = (): void => {};

export class Throttler {
  private readonly windows = new SlidingWindows();
  private readonly inFlight = new Map<string, number>();

  constructor(public limits: LimitsConfig) {}

  reset(limits: LimitsConfig): void {
    this.limits = limits;
    this.windows.clear();
    this.inFlight.clear();
  }

  admit(target: ThrottleTarget, caller: Caller, nowMs: number): Admission {
    if (!this.limits.enabled) {
      // Limits off: nothing is counted (turning them on starts from empty windows), but costs are still reported.
      const headers: Record<string, string> =
        target.service === 'directory' ? { 'x-ms-resource-unit': String(target.resourceUnits) } : {};
      return { ok: true, headers, release: NOTHING_TO_RELEASE };
    }
    switch (target.service) {
      case 'none':
        return { ok: true, headers: {}, release: NOTHING_TO_RELEASE };
      case 'teams':
        return this.admitTeams(target.requestClass, target.teamId, caller, nowMs);
      case 'directory':
        return this.admitDirectory(target.resourceUnits, target.write, caller, nowMs);
      case 'outlook':
        return this.admitOutlook(target.mailboxId, caller, nowMs);
    }
  }

  private admitTeams(requestClass: TeamsRequestClass, teamId: string | null, caller: Caller, nowMs: number): Admission {
    const app = `${caller.appId}/${caller.tenantId}`;
    const windowMs = this.limits.teams.windowMs;
    const checks: Array<{ key: string; limit: number }> = [
      {
        key: `teams:${requestClass}:${app}`,
        limit: scaled(this.limits, this.limits.teams[TEAMS_CLASS_LIMIT[requestClass]]),
      },
    ];
    if (teamId)
      checks.push({ key: `team:${teamId}:${app}`, limit: scaled(this.limits, this.limits.teams.perTeamPerWindow) });
    for (const check of checks) {
      const waitMs = this.windows.waitMs(check.key, nowMs, windowMs, 1, check.limit);
      if (waitMs > 0)
        return throttled(
          waitMs,
          {},
          'TooManyRequests',
          'Too many requests. Please retry after the time given in the Retry-After header.',
        );
    }
    for (const check of checks) this.windows.add(check.key, nowMs, 1);
    return { ok: true, headers: {}, release: NOTHING_TO_RELEASE };
  }

  private admitDirectory(cost: number, write: boolean, caller: Caller, nowMs: number): Admission {
    const { directory } = this.limits;
    const app = `${caller.appId}/${caller.tenantId}`;
    const quota = scaled(this.limits, directory.resourceUnits ?? resourceUnitsForTenantSize(caller.tenantUsers));
    const writeQuota = scaled(this.limits, directory.writes);
    const ruKey = `directory:ru:${app}`;
    const writeKey = `directory:write:${app}`;
    const headers: Record<string, string> = { 'x-ms-resource-unit': String(cost) };
    const ruWait = this.windows.waitMs(ruKey, nowMs, directory.windowMs, cost, quota);
    if (ruWait > 0)
      return throttled(
        ruWait,
        directoryThrottleHeaders(caller, 'ReadWrite', 'ResourceUnitLimitExceeded', cost),
        'TooManyRequests',
        'Too many requests: the resource unit limit of this application in this tenant is exceeded.',
      );
    if (write) {
      const writeWait = this.windows.waitMs(writeKey, nowMs, directory.writeWindowMs, 1, writeQuota);
      if (writeWait > 0)
        return throttled(
          writeWait,
          directoryThrottleHeaders(caller, 'Write', 'WriteLimitExceeded', cost),
          'TooManyRequests',
          'Too many requests: the write limit of this application in this tenant is exceeded.',
        );
    }
    this.windows.add(ruKey, nowMs, cost);
    if (write) this.windows.add(writeKey, nowMs, 1);
    const used = this.windows.usage(ruKey, nowMs, directory.windowMs) / quota;
    // "Returned only when the application consumed more than 0.8 of its limit. The value ranges from 0.8 to 1.8."
    if (used > 0.8) headers['x-ms-throttle-limit-percentage'] = Math.min(1.8, used).toFixed(1);
    return { ok: true, headers, release: NOTHING_TO_RELEASE };
  }

  private admitOutlook(mailboxId: string, caller: Caller, nowMs: number): Admission {
    const { outlook } = this.limits;
    const key = `outlook:${mailboxId}:${caller.appId}/${caller.tenantId}`;
    const concurrentLimit = scaled(this.limits, outlook.concurrent);
    const running = this.inFlight.get(key) ?? 0;
    // Outlook's own code and messages for mailbox limits (believed real; not in the Graph docs).
    if (running >= concurrentLimit)
      return throttled(1000, {}, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.');
    const waitMs = this.windows.waitMs(key, nowMs, outlook.windowMs, 1, scaled(this.limits, outlook.requests));
    if (waitMs > 0)
      return throttled(waitMs, {}, 'ApplicationThrottled', 'Application is over its MailboxRequests limit.');
    this.windows.add(key, nowMs, 1);
    this.inFlight.set(key, running + 1);
    let released = false;
    return {
      ok: true,
      headers: {},
      release: () => {
        if (released) return;
        released = true;
        const now = this.inFlight.get(key) ?? 1;
        if (now <= 1) this.inFlight.delete(key);
        else this.inFlight.set(key, now - 1);
      },
    };
  }
}

/** S: under 50 users, M: 50–500, L: over 500 (throttling-limits.md, identity and access service limits). */
export function resourceUnitsForTenantSize(users: number): number {
  if (users < 50) return 3500;
  if (users <= 500) return 5000;
  return 8000;
}

function directoryThrottleHeaders(
  caller: Caller,
  limit: 'ReadWrite' | 'Write',
  reason: string,
  cost: number,
): Record<string, string> {
  return {
    'x-ms-resource-unit': String(cost),
    // `<Scope>/<Limit>/<ApplicationId>/<TenantId|UserId|ResourceId>`
    'x-ms-throttle-scope': `Tenant_Application/${limit}/${caller.appId}/${caller.tenantId}`,
    'x-ms-throttle-information': reason,
  };
}

function throttled(waitMs: number, headers: Record<string, string>, code: string, message: string): Admission {
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)), headers, code, message };
}
