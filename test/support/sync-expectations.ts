// What the tenant must hold once the sync converged, computed from Elentra and the tenant's users independently of
// the sync's code: per offering's mailNickname, the owners (the roster's contacts, plus the authorizing account) and
// the members (the audience less the owners), leaving out only the people a run reported as unmatched.
import { expect } from 'vitest';
import { readRoster } from '../../src/elentra/read-roster.js';
import type { RunReport } from '../../src/sync/run/run-types.js';
import { ADMIN_MAIL, type SyncWorld } from './sync-teams-harness.js';

interface TenantUsers {
  users: Array<{ id: string; mail: string | null; userPrincipalName: string }>;
}

export async function expectConverged(world: SyncWorld, report: RunReport): Promise<void> {
  const roster = await readRoster(world.elentra, { now: new Date() });
  const tenant = (await world.control.call('GET', '/state')) as TenantUsers;
  const byMail = new Map<string, string>();
  for (const user of tenant.users) {
    if (user.mail) byMail.set(user.mail.toLowerCase(), user.id);
    byMail.set(user.userPrincipalName.toLowerCase(), user.id);
  }
  const state = await world.control.state();
  const nicknames = [...state.teams, ...state.groups].map((group) => group.mailNickname.toLowerCase());
  expect(new Set(nicknames).size, 'one group per mailNickname').toBe(nicknames.length);
  expect(state.groups, 'no group without its team').toEqual([]);
  const admin = byMail.get(ADMIN_MAIL);
  for (const plan of report.plan.offerings) {
    const offering = roster.offerings.find((o) => o.key === plan.offeringKey);
    if (!offering) continue;
    const unmatched = new Set(plan.unmatched.map((person) => person.proxyId));
    const idOf = (proxyId: number) => {
      const person = roster.people.get(proxyId);
      return byMail.get((person?.email ?? '').toLowerCase()) ?? byMail.get((person?.emailAlt ?? '').toLowerCase());
    };
    const owners = new Set(offering.owners.filter((o) => !unmatched.has(o.proxyId)).map((o) => idOf(o.proxyId)));
    if (admin) owners.add(admin);
    const members = new Set(offering.members.filter((id) => !unmatched.has(id)).map(idOf));
    for (const owner of owners) members.delete(owner);
    const team = state.teams.find((t) => t.mailNickname.toLowerCase() === plan.mailNickname.toLowerCase());
    expect(team, `${plan.offeringKey} has its team`).toBeDefined();
    const actualOwners = new Set(team?.members.filter((m) => m.roles.includes('owner')).map((m) => m.userId));
    const actualMembers = new Set(team?.members.filter((m) => !m.roles.includes('owner')).map((m) => m.userId));
    expect(actualOwners, `${plan.offeringKey} owners`).toEqual(owners);
    expect(actualMembers, `${plan.offeringKey} members`).toEqual(members);
  }
}
