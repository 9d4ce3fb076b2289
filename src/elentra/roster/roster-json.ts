// The Roster in plain JSON (for `elentra:roster --json`, the web and test snapshots: Dates as ISO strings, the people
// Map as a sorted array) and a one-line-per-offering summary for the text output of `elentra:roster`.
import type { Offering, Person, Roster } from './roster-types.js';

type Jsonified<T> = T extends Date
  ? string
  : T extends Map<unknown, infer V>
    ? Jsonified<V>[]
    : T extends ReadonlyArray<infer U>
      ? Jsonified<U>[]
      : T extends object
        ? { [K in keyof T]: Jsonified<T[K]> }
        : T;

export type RosterJson = Jsonified<Roster>;

export function rosterToJson(roster: Roster): RosterJson {
  // JSON.stringify already turns Dates into ISO strings; only the Map needs help.
  const plain = { ...roster, people: [...roster.people.values()] };
  return JSON.parse(JSON.stringify(plain)) as RosterJson;
}

export interface OfferingSummary {
  key: string;
  course: string;
  period: string;
  status: Offering['status'];
  owners: number;
  members: number;
  events: number;
}

export interface RosterSummary {
  offerings: OfferingSummary[];
  /** People kept in a team whose Elentra record has no e-mail. */
  peopleWithoutEmail: Array<Pick<Person, 'proxyId' | 'firstname' | 'lastname' | 'emailAlt'>>;
  excluded: Array<{ proxyId: number; reason: string; message: string }>;
  totals: { offerings: number; owners: number; members: number; events: number; people: number };
}

export function summarizeRoster(roster: Roster): RosterSummary {
  const offerings = roster.offerings.map((offering) => ({
    key: offering.key,
    course: `${offering.courseCode}: ${offering.courseName}`,
    period: offering.period.title,
    status: offering.status,
    owners: offering.owners.length,
    members: offering.members.length,
    events: offering.events.length,
  }));
  const peopleWithoutEmail = roster.warnings
    .filter((warning) => warning.code === 'no-email')
    .map((warning) => roster.people.get(warning.proxyId))
    .filter((person): person is Person => person !== undefined)
    .map(({ proxyId, firstname, lastname, emailAlt }) => ({ proxyId, firstname, lastname, emailAlt }));
  const sum = (pick: (o: OfferingSummary) => number): number => offerings.reduce((total, o) => total + pick(o), 0);
  return {
    offerings,
    peopleWithoutEmail,
    excluded: roster.excluded.map(({ proxyId, reason, message }) => ({ proxyId, reason, message })),
    totals: {
      offerings: offerings.length,
      owners: sum((o) => o.owners),
      members: sum((o) => o.members),
      events: sum((o) => o.events),
      people: roster.people.size,
    },
  };
}
