// What the tenant must hold after the clean runs, worked out from Elentra (the Roster) and the tenant's users, not
// from the sync's own tables or plan: per offering that has not ended, one team (found by the identity in its
// mailNickname) named from the templates, whose owners are the matched course contacts plus the authorizing account
// and whose members are the matched audience less the owners; per released learning event inside the window, one
// meeting in its offering's team at the event's instants. A person is matched as the sync documents it (issue 5):
// e-mail, then email_alt, against mail / userPrincipalName, case-insensitively; no user or two users → unmatched.
import { isEventReleased } from '../../src/elentra/roster/event-rules.js';
import type { Offering, Person, Roster } from '../../src/elentra/roster/roster-types.js';
import { teamNames } from '../../src/sync/naming/team-names.js';
import { DEFAULT_PLAN_OPTIONS } from '../../src/sync/plan/plan-options.js';

const DAY_MS = 86_400_000;
/** Events whose start is this close to an edge of the events window are not judged (the run's `now` differs). */
const EDGE_MS = 15 * 60_000;

export interface TenantUser {
  id: string;
  mail: string | null;
  userPrincipalName: string;
}

export class Directory {
  readonly #byAddress = new Map<string, Set<string>>();

  constructor(users: readonly TenantUser[]) {
    for (const user of users) {
      for (const address of [user.mail, user.userPrincipalName]) {
        const key = address?.trim().toLowerCase();
        if (!key) continue;
        const ids = this.#byAddress.get(key) ?? new Set<string>();
        ids.add(user.id);
        this.#byAddress.set(key, ids);
      }
    }
  }

  /** The user id a person is matched to, or null (unmatched or ambiguous). */
  match(person: Pick<Person, 'email' | 'emailAlt'> | undefined): string | null {
    for (const address of [person?.email, person?.emailAlt]) {
      const key = address?.trim().toLowerCase() ?? '';
      if (!/^[^\s@]+@[^\s@]+$/.test(key)) continue;
      const ids = this.#byAddress.get(key);
      if (!ids || ids.size === 0) continue;
      return ids.size === 1 ? ([...ids][0] ?? null) : null;
    }
    return null;
  }
}

export interface DesiredTeam {
  offeringKey: string;
  displayName: string;
  owners: Set<string>;
  members: Set<string>;
}

export interface DesiredMeeting {
  eventId: number;
  offeringKey: string;
  title: string;
  startMs: number;
  endMs: number;
}

export interface DesiredState {
  teams: Map<string, DesiredTeam>;
  meetings: Map<number, DesiredMeeting>;
  /** Events near an edge of the window: a meeting may or may not exist. */
  undecided: Set<number>;
}

function desiredTeam(offering: Offering, roster: Roster, directory: Directory, adminId: string | null): DesiredTeam {
  const idOf = (proxyId: number) => directory.match(roster.people.get(proxyId));
  const owners = new Set<string>();
  for (const owner of offering.owners) {
    const id = idOf(owner.proxyId);
    if (id) owners.add(id);
  }
  if (adminId) owners.add(adminId);
  const members = new Set<string>();
  for (const proxyId of offering.members) {
    const id = idOf(proxyId);
    if (id && !owners.has(id)) members.add(id);
  }
  const { displayName } = teamNames(offering, DEFAULT_PLAN_OPTIONS);
  return { offeringKey: offering.key, displayName, owners, members };
}

export function desiredState(roster: Roster, directory: Directory, adminId: string | null, now: Date): DesiredState {
  const teams = new Map<string, DesiredTeam>();
  const meetings = new Map<number, DesiredMeeting>();
  const undecided = new Set<number>();
  const from = now.getTime() - 1 * DAY_MS;
  const until = now.getTime() + 120 * DAY_MS;
  const seen = new Set<number>();
  for (const offering of roster.offerings) {
    if (offering.ended) continue;
    teams.set(offering.key, desiredTeam(offering, roster, directory, adminId));
    for (const event of offering.events) {
      if (seen.has(event.eventId)) continue; // overlapping periods: the first offering has it
      seen.add(event.eventId);
      const start = event.start.getTime();
      if (Math.abs(start - from) < EDGE_MS || Math.abs(start - until) < EDGE_MS) {
        undecided.add(event.eventId);
        continue;
      }
      if (start < from || start >= until || !isEventReleased(event, now)) continue;
      meetings.set(event.eventId, {
        eventId: event.eventId,
        offeringKey: offering.key,
        title: event.title,
        startMs: start,
        endMs: event.finish.getTime(),
      });
    }
  }
  return { teams, meetings, undecided };
}

/** The user ids a team of this offering may hold at this moment: anyone desired there (owner or member). */
export function allowedIn(desired: DesiredState, offeringKey: string): Set<string> {
  const team = desired.teams.get(offeringKey);
  return new Set([...(team?.owners ?? []), ...(team?.members ?? [])]);
}
