// The delegated permissions the emulated tenant knows: Graph scopes (short names, as the token response and the `scp`
// claim carry them) and the OpenID Connect scopes. Which ones need an administrator's consent follows Microsoft's
// permissions reference (GRAPH-FACTS §1: Group.ReadWrite.All and TeamMember.ReadWrite.All do; User.ReadBasic.All,
// Team.Create, Team.ReadBasic.All and offline_access do not). Graph (emulator/src/graph/) enforces them per route.

export interface ScopeInfo {
  /** Canonical casing, e.g. `Group.ReadWrite.All`. */
  name: string;
  /** The text the consent page shows (Microsoft's "admin consent display name"). */
  description: string;
  adminConsentRequired: boolean;
}

/** OpenID Connect scopes: about the sign-in itself, never in an access token's `scp`. */
export const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'] as const;

const GRAPH_SCOPES: readonly ScopeInfo[] = [
  { name: 'User.Read', description: 'Sign in and read user profile', adminConsentRequired: false },
  { name: 'User.ReadBasic.All', description: "Read all users' basic profiles", adminConsentRequired: false },
  { name: 'User.Read.All', description: "Read all users' full profiles", adminConsentRequired: true },
  { name: 'Group.Read.All', description: 'Read all groups', adminConsentRequired: true },
  { name: 'Group.ReadWrite.All', description: 'Read and write all groups', adminConsentRequired: true },
  { name: 'Directory.Read.All', description: 'Read directory data', adminConsentRequired: true },
  { name: 'Team.Create', description: 'Create teams', adminConsentRequired: false },
  { name: 'Team.ReadBasic.All', description: 'Read the names and descriptions of teams', adminConsentRequired: false },
  { name: 'TeamSettings.ReadWrite.All', description: "Read and change teams' settings", adminConsentRequired: true },
  { name: 'TeamMember.Read.All', description: 'Read the members of teams', adminConsentRequired: true },
  {
    name: 'TeamMember.ReadWrite.All',
    description: 'Add and remove members from teams',
    adminConsentRequired: true,
  },
  { name: 'Calendars.Read', description: 'Read user calendars', adminConsentRequired: false },
  { name: 'Calendars.ReadWrite', description: 'Have full access to user calendars', adminConsentRequired: false },
  { name: 'MailboxSettings.Read', description: "Read user's mailbox settings", adminConsentRequired: false },
  {
    name: 'OnlineMeetings.ReadWrite',
    description: "Read and create user's online meetings",
    adminConsentRequired: false,
  },
];

const OIDC_INFO: readonly ScopeInfo[] = [
  { name: 'openid', description: 'Sign users in', adminConsentRequired: false },
  { name: 'profile', description: "View users' basic profile", adminConsentRequired: false },
  { name: 'email', description: "View users' email address", adminConsentRequired: false },
  {
    name: 'offline_access',
    description: 'Maintain access to data you have given it access to',
    adminConsentRequired: false,
  },
];

const BY_LOWER = new Map([...GRAPH_SCOPES, ...OIDC_INFO].map((s) => [s.name.toLowerCase(), s]));

/** Graph's resource URI: a scope may be sent as `https://graph.microsoft.com/Group.ReadWrite.All`. */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';

/** `.default` asks for every permission already consented for the app (Microsoft's "static" scopes). */
export const DEFAULT_SCOPE = '.default';

/**
 * Maps a requested scope to its canonical short name. Scope names are case-insensitive at Microsoft; the resource
 * prefix is optional for Graph. Returns `.default` for `https://graph.microsoft.com/.default`, undefined if unknown.
 */
export function canonicalScope(raw: string): string | undefined {
  const lower = raw.toLowerCase();
  const prefix = `${GRAPH_RESOURCE}/`;
  const short = lower.startsWith(prefix) ? lower.slice(prefix.length) : lower;
  if (short === DEFAULT_SCOPE) return DEFAULT_SCOPE;
  return BY_LOWER.get(short)?.name;
}

export function scopeInfo(name: string): ScopeInfo | undefined {
  return BY_LOWER.get(name.toLowerCase());
}

export function isOidcScope(name: string): boolean {
  return (OIDC_SCOPES as readonly string[]).includes(name);
}

export function isGraphScope(name: string): boolean {
  return GRAPH_SCOPES.some((s) => s.name === name);
}

export function allGraphScopeNames(): string[] {
  return GRAPH_SCOPES.map((s) => s.name);
}
