// The Microsoft 365 emulator's tenant seed for the demo school, built from the same people as the Elentra rows
// (demo-people.ts), so the two match the way a real school's do: most e-mails match (some in another letter case),
// a few people have no Microsoft account, one is found only through email_alt, people without an e-mail in Elentra
// still have one in Microsoft, and `it.admin@…` (Elentra's user 1) is there to authorize.
// The shape is the emulator's TenantSeed (emulator/src/context.ts, emulator/README.md); it is restated here because
// src/ and emulator/ never import each other.
import { createHash } from 'node:crypto';
import { buildDemoPeople, DEMO_DOMAIN, DEMO_SCHOOL_NAME } from './demo-people.js';

export interface DemoTenantSeed {
  tenantId: string;
  domain: string;
  displayName: string;
  education: boolean;
  users: Array<{
    id: string;
    displayName: string;
    givenName: string | null;
    surname: string | null;
    mail: string | null;
    userPrincipalName: string;
    /** May consent to admin-only scopes for the whole tenant (the IT administrator). */
    isAdmin?: boolean;
  }>;
  apps: Array<{
    clientId: string;
    displayName: string;
    secrets: Array<{ id: string; value: string; expiresAt: string }>;
    redirectUris: string[];
    adminConsentedScopes: string[];
  }>;
}

export interface DemoTenantOptions {
  /** The demo's `now`: the people's cohort years follow it, as in seedDemo. */
  now: Date;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** Default: two years after `now`. */
  secretExpiresAt?: Date;
  appDisplayName?: string;
  /** Default: the guide's Graph scopes (ADMIN_CONSENTED_SCOPES). */
  adminConsentedScopes?: string[];
}

/** The configuration guide's delegated scopes (MS_OAUTH_SCOPES's default). */
export const GUIDE_SCOPES: readonly string[] = [
  'offline_access',
  'User.ReadBasic.All',
  'Group.ReadWrite.All',
  'Team.Create',
  'Team.ReadBasic.All',
  'TeamMember.ReadWrite.All',
];

/** What the demo tenant's administrator has granted tenant-wide: the guide's scopes less the OpenID one. */
export const ADMIN_CONSENTED_SCOPES: readonly string[] = GUIDE_SCOPES.filter((scope) => scope !== 'offline_access');

/** A stable GUID for a name (SHA-1 based, shaped as an RFC 4122 version-5 id): same input, same id, everywhere. */
export function demoGuid(name: string): string {
  const hex = createHash('sha1').update(`northfield-demo:${name}`).digest('hex');
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// Accounts in the tenant that are no one in Elentra (shared mailboxes exist in every school's directory).
const TENANT_ONLY = [
  { key: 'registrar', displayName: "Registrar's Office", local: 'registrar' },
  { key: 'library', displayName: 'Health Sciences Library', local: 'hslibrary' },
];

export function buildDemoTenantSeed(options: DemoTenantOptions): DemoTenantSeed {
  const people = buildDemoPeople(options.now).filter((person) => person.microsoftMail !== null);
  const users: DemoTenantSeed['users'] = people.map((person) => ({
    id: demoGuid(`user:${person.proxyId}`),
    displayName: person.proxyId === 1 ? 'IT Administrator' : `${person.firstname} ${person.lastname}`,
    givenName: person.proxyId === 1 ? 'IT' : person.firstname,
    surname: person.proxyId === 1 ? 'Administrator' : person.lastname,
    mail: person.microsoftMail,
    userPrincipalName: person.microsoftMail ?? '',
    ...(person.proxyId === 1 ? { isAdmin: true } : {}),
  }));
  for (const extra of TENANT_ONLY) {
    users.push({
      id: demoGuid(`user:${extra.key}`),
      displayName: extra.displayName,
      givenName: null,
      surname: null,
      mail: `${extra.local}@${DEMO_DOMAIN}`,
      userPrincipalName: `${extra.local}@${DEMO_DOMAIN}`,
    });
  }
  const expiresAt = options.secretExpiresAt ?? new Date(options.now.getTime() + 2 * 365 * 86_400_000);
  return {
    tenantId: options.tenantId,
    domain: DEMO_DOMAIN,
    displayName: DEMO_SCHOOL_NAME,
    education: false,
    users,
    apps: [
      {
        clientId: options.clientId,
        displayName: options.appDisplayName ?? 'Elentra Teams (Northfield demo)',
        secrets: [
          {
            id: demoGuid(`secret:${options.clientId}`),
            value: options.clientSecret,
            expiresAt: expiresAt.toISOString(),
          },
        ],
        redirectUris: [...options.redirectUris],
        adminConsentedScopes: [...(options.adminConsentedScopes ?? ADMIN_CONSENTED_SCOPES)],
      },
    ],
  };
}
