// The Graph tests' tenant and session: the default seed plus generated learners, an emulator started on it with a
// control client, and the admin signed in through the real authorization flow (so requests carry a real token).
import { readFileSync } from 'node:fs';
import type { TenantSeed } from '../../emulator/src/context.js';
import { type RunningEmulator, type StartEmulatorOptions, startEmulator } from '../../emulator/src/server.js';
import { signIn } from '../../emulator/src/testing/oauth.js';
import type { GraphLimiter } from '../../src/microsoft/graph/index.js';
import { EmulatorControl } from '../../src/microsoft/graph/testing/emulator-control.js';

export const DOMAIN = 'elentra-demo.onmicrosoft.com';
/** What the admin consents to: enough for groups, teams and members. */
export const ADMIN_SCOPES =
  'offline_access openid profile User.ReadBasic.All Group.ReadWrite.All Team.Create Team.ReadBasic.All TeamMember.ReadWrite.All';

/** `count` learner user ids: c1b2c3d4-0000-4000-8000-000000000001, …0002, … */
export function learnerIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `c1b2c3d4-0000-4000-8000-${String(i + 1).padStart(12, '0')}`);
}

/** The default tenant with `learners` added as users `Learner n` / `learner.n@DOMAIN`. */
export function seedWithLearners(learners: readonly string[]): TenantSeed {
  const base = JSON.parse(readFileSync('emulator/seeds/default-tenant.json', 'utf8')) as TenantSeed;
  const users = learners.map((id, i) => ({
    id,
    displayName: `Learner ${i + 1}`,
    mail: `learner.${i + 1}@${DOMAIN}`,
    userPrincipalName: `learner.${i + 1}@${DOMAIN}`,
  }));
  return { ...base, users: [...base.users, ...users] };
}

export interface SignedInEmulator {
  emu: RunningEmulator;
  control: EmulatorControl;
  /** The admin's access token. */
  token: string;
}

/** Starts the emulator with `options` and signs the admin in with ADMIN_SCOPES. Stop it with `emu.stop()`. */
export async function startSignedInEmulator(options: StartEmulatorOptions): Promise<SignedInEmulator> {
  const emu = await startEmulator(options);
  const control = new EmulatorControl(emu.controlUrl);
  const { access_token: token } = await signIn(emu, `alex.admin@${DOMAIN}`, ADMIN_SCOPES);
  return { emu, control, token };
}

/** A limiter that runs every task at once and pushes its key onto `keys` (to check how calls are keyed). */
export function keyRecordingLimiter(keys: Array<string | undefined>): GraphLimiter {
  return {
    run: (key, task) => {
      keys.push(key);
      return task();
    },
  };
}
