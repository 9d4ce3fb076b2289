// Whether a person may be put in a team, from user_data and user_access, and the Person the roster shows.
// A person is kept when at least one user_access row for the application is active (`account_active = 'true'`, an
// enum of strings) and not expired (`access_expires` 0 or later than now). `access_starts` is deliberately not
// checked: a learner whose access opens on the first day of term belongs in a team prepared before it.
// Everyone else is excluded with a reason the administrator can act on — never silently dropped.
import { fromEpochSeconds } from './offering-rule.js';
import type { AccessRow, PersonRow } from './roster-rows.js';
import type { ExclusionReason, Person } from './roster-types.js';

export interface Exclusion {
  reason: ExclusionReason;
  message: string;
}

export function toPerson(row: PersonRow): Person {
  return {
    proxyId: row.id,
    number: row.number,
    username: row.username,
    firstname: row.firstname,
    lastname: row.lastname,
    email: row.email.trim() || null,
    emailAlt: row.email_alt.trim() || null,
    organisationId: row.organisation_id,
    gradYear: row.grad_year,
  };
}

export function describePerson(proxyId: number, person: PersonRow | undefined): string {
  if (person === undefined) return `proxy_id ${proxyId}`;
  return `${`${person.firstname} ${person.lastname}`.trim() || person.username || 'A person'} (proxy_id ${proxyId})`;
}

export function exclusionOf(
  proxyId: number,
  person: PersonRow | undefined,
  access: readonly AccessRow[],
  nowSeconds: number,
  appId: number,
): Exclusion | null {
  const who = describePerson(proxyId, person);
  if (person === undefined) {
    return {
      reason: 'unknown-person',
      message: `${who} is enrolled or listed as a contact, but has no user_data row: check the course set-up.`,
    };
  }
  const active = access.filter((row) => row.account_active === 'true');
  if (active.some((row) => row.access_expires === 0 || row.access_expires > nowSeconds)) return null;
  if (active.length > 0) {
    const last = Math.max(...active.map((row) => row.access_expires));
    return {
      reason: 'access-expired',
      message: `${who}: Elentra access expired on ${fromEpochSeconds(last).toISOString().slice(0, 10)}.`,
    };
  }
  if (access.length > 0) {
    return {
      reason: 'account-inactive',
      message: `${who}: the Elentra account is inactive (user_access.account_active = 'false').`,
    };
  }
  return {
    reason: 'no-access',
    message: `${who} has no user_access row for Elentra (app_id ${appId}), so cannot sign in to it.`,
  };
}
