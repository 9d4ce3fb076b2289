// Who this scheduler process is, for leases (`cron.lease_owner`), run history (host, pid) and heartbeats.
import { randomBytes } from 'node:crypto';
import { hostname, userInfo } from 'node:os';

export interface SchedulerInstance {
  readonly host: string;
  readonly pid: number;
  /** `host:pid:random`: unique even when a container restarts with the same host name and pid. */
  readonly leaseOwner: string;
}

/** `cron.lease_owner` is varchar(191); a host name may be up to 253 characters. */
const MAX_HOST_LENGTH = 160;

export function currentInstance(): SchedulerInstance {
  const host = hostname().slice(0, MAX_HOST_LENGTH) || 'unknown-host';
  return { host, pid: process.pid, leaseOwner: `${host}:${process.pid}:${randomBytes(4).toString('hex')}` };
}

/** The operating-system user, the `actor` of command-line changes in `audit_log`. */
export function operatingSystemUser(env: NodeJS.ProcessEnv = process.env): string {
  try {
    return userInfo().username;
  } catch {
    // A container user without a passwd entry: userInfo() throws.
    return env.USER ?? env.LOGNAME ?? `uid ${process.getuid?.() ?? 'unknown'}`;
  }
}
