// Random changes an administrator makes in Elentra between sync runs: learners enrolled and unenrolled, teachers made
// and unmade course contacts (owners added, removed, a learner promoted), courses renamed, learning events retitled,
// moved in time, moved to another course, cancelled, unreleased and added. Kept inside what the mass-removal guard
// lets through without a confirmation (issue 5: at most 2 member removals per team per seed — the guard holds 3 or
// more above 30 % — and never a course's last matched contact), since held removals are the guard working, not a
// convergence failure.
import type { ElentraHandle } from '../../src/elentra/open-elentra.js';
import { readRoster } from '../../src/elentra/read-roster.js';
import type { Roster } from '../../src/elentra/roster/roster-types.js';
import type { Directory } from './oracle.js';
import type { ChaosPrng } from './prng.js';

const DAY = 86_400;
const HOUR = 3_600;
const MAX_REMOVALS_PER_TEAM = 2;

/** What one seed's changes have spent of the guard's allowance. */
export class ChangeBudget {
  readonly removals = new Map<string, number>();
  readonly contactRemovedFrom = new Set<number>();

  canRemove(offeringKeys: readonly string[]): boolean {
    return offeringKeys.every((key) => (this.removals.get(key) ?? 0) < MAX_REMOVALS_PER_TEAM);
  }

  spend(offeringKeys: readonly string[]): void {
    for (const key of offeringKeys) this.removals.set(key, (this.removals.get(key) ?? 0) + 1);
  }
}

type Change = (ctx: ChangeContext) => Promise<string | null>;

/** The tenant as the last run left it: each offering's current owners, the authorizing account aside. */
export type TenantOwners = ReadonlyMap<string, ReadonlySet<string>>;

interface ChangeContext {
  owners: TenantOwners;
  prng: ChaosPrng;
  elentra: ElentraHandle;
  roster: Roster;
  directory: Directory;
  budget: ChangeBudget;
  nowSeconds: number;
}

const RENAMES = ['(revised)', '— Année 2', 'Ünïcödé 🩺', 'and Clinical Skills', '& Practice'];

const enrol: Change = async ({ prng, elentra, roster }) => {
  const offering = prng.pick(roster.offerings);
  const inside = new Set([...offering.members, ...offering.owners.map((o) => o.proxyId)]);
  const candidates = [...roster.people.values()].filter((p) => p.gradYear !== null && !inside.has(p.proxyId));
  if (candidates.length === 0) return null;
  const person = prng.pick(candidates);
  await elentra.db
    .insertInto('course_audience')
    .values({
      course_id: offering.courseId,
      cperiod_id: offering.period.id,
      audience_type: 'proxy_id',
      audience_value: person.proxyId,
      enroll_start: 0,
      enroll_finish: 0,
      audience_active: 1,
    })
    .execute();
  return `enrol ${person.proxyId} in ${offering.key}`;
};

const unenrol: Change = async ({ prng, elentra, roster, budget }) => {
  const offering = prng.pick(roster.offerings);
  if (offering.groups.length === 0 || offering.members.length === 0) return null;
  const group = prng.pick(offering.groups);
  const rows = await elentra.db
    .selectFrom('group_members')
    .select('proxy_id')
    .where('group_id', '=', group.groupId)
    .where('member_active', '=', 1)
    .execute();
  const inGroup = new Set(rows.map((r) => r.proxy_id));
  const candidates = offering.members.filter((id) => inGroup.has(id));
  if (candidates.length === 0) return null;
  const proxyId = prng.pick(candidates);
  // Every team the person leaves with this group.
  const affected = roster.offerings
    .filter((o) => o.groups.some((g) => g.groupId === group.groupId) && o.members.includes(proxyId))
    .map((o) => o.key);
  if (!budget.canRemove(affected)) return null;
  budget.spend(affected);
  await elentra.db
    .updateTable('group_members')
    .set({ member_active: 0 })
    .where('group_id', '=', group.groupId)
    .where('proxy_id', '=', proxyId)
    .execute();
  return `${proxyId} leaves group ${group.groupId} (${affected.join(', ')})`;
};

const addContact: Change = async ({ prng, elentra, roster }) => {
  const offering = prng.pick(roster.offerings);
  const owners = new Set(offering.owners.map((o) => o.proxyId));
  const candidates = [...roster.people.values()].filter((p) => !owners.has(p.proxyId));
  if (candidates.length === 0) return null;
  const person = prng.pick(candidates);
  await elentra.db
    .insertInto('course_contacts')
    .values({ course_id: offering.courseId, proxy_id: person.proxyId, contact_type: prng.pick(['ta', 'faculty']) })
    .execute();
  return `${person.proxyId} becomes a contact of course ${offering.courseId}`;
};

const removeContact: Change = async ({ prng, elentra, roster, directory, budget, owners }) => {
  const offering = prng.pick(roster.offerings);
  if (budget.contactRemovedFrom.has(offering.courseId)) return null;
  const idOf = (proxyId: number) => directory.match(roster.people.get(proxyId));
  const matched = offering.owners.filter((o) => idOf(o.proxyId) !== null);
  if (matched.length < 2) return null;
  const owner = prng.pick(matched);
  // Never all of the team's present owners at once (the guard would hold that): one who stays must be in it now.
  const staying = new Set(matched.filter((o) => o.proxyId !== owner.proxyId).map((o) => idOf(o.proxyId)));
  const present = owners.get(offering.key) ?? new Set<string>();
  if (present.size > 0 && ![...present].some((id) => staying.has(id))) return null;
  budget.contactRemovedFrom.add(offering.courseId);
  await elentra.db
    .deleteFrom('course_contacts')
    .where('course_id', '=', offering.courseId)
    .where('proxy_id', '=', owner.proxyId)
    .execute();
  return `${owner.proxyId} is no longer a contact of course ${offering.courseId}`;
};

const renameCourse: Change = async ({ prng, elentra, roster }) => {
  const offering = prng.pick(roster.offerings);
  const name = `${offering.courseName.replace(/ \[r\d+\].*$/, '')} [r${prng.int(1, 999)}] ${prng.pick(RENAMES)}`;
  await elentra.db
    .updateTable('courses')
    .set({ course_name: name })
    .where('course_id', '=', offering.courseId)
    .execute();
  return `course ${offering.courseId} renamed "${name}"`;
};

/** A learning event starting between 2 hours and 100 days from now (clear of the window's edges). */
function movableEvent(ctx: ChangeContext) {
  const events = ctx.roster.offerings.flatMap((o) =>
    o.events
      .filter((e) => {
        const start = e.start.getTime() / 1000;
        return start > ctx.nowSeconds + 2 * HOUR && start < ctx.nowSeconds + 100 * DAY;
      })
      .map((event) => ({ offering: o, event })),
  );
  return events.length === 0 ? null : ctx.prng.pick(events);
}

const retitleEvent: Change = async (ctx) => {
  const found = movableEvent(ctx);
  if (!found) return null;
  const title = `${found.event.title.replace(/ \(v\d+\)$/, '')} (v${ctx.prng.int(2, 99)})`;
  await ctx.elentra.db
    .updateTable('events')
    .set({ event_title: title, updated_date: ctx.nowSeconds })
    .where('event_id', '=', found.event.eventId)
    .execute();
  return `event ${found.event.eventId} retitled`;
};

const moveEventTime: Change = async (ctx) => {
  const found = movableEvent(ctx);
  if (!found) return null;
  const start = found.event.start.getTime() / 1000;
  let shift = ctx.prng.pick([-1, 1]) * ctx.prng.int(1, 72) * HOUR;
  if (start + shift < ctx.nowSeconds + 2 * HOUR) shift = Math.abs(shift);
  const duration = (found.event.finish.getTime() - found.event.start.getTime()) / 1000;
  await ctx.elentra.db
    .updateTable('events')
    .set({ event_start: start + shift, event_finish: start + shift + duration, updated_date: ctx.nowSeconds })
    .where('event_id', '=', found.event.eventId)
    .execute();
  return `event ${found.event.eventId} moved by ${shift / HOUR} h`;
};

const cancelEvent: Change = async (ctx) => {
  const found = movableEvent(ctx);
  if (!found) return null;
  await ctx.elentra.db.deleteFrom('events').where('event_id', '=', found.event.eventId).execute();
  return `event ${found.event.eventId} cancelled (deleted)`;
};

const unreleaseEvent: Change = async (ctx) => {
  const found = movableEvent(ctx);
  if (!found) return null;
  await ctx.elentra.db
    .updateTable('events')
    .set({ release_date: ctx.nowSeconds + 200 * DAY, updated_date: ctx.nowSeconds })
    .where('event_id', '=', found.event.eventId)
    .execute();
  return `event ${found.event.eventId} unreleased`;
};

const moveEventCourse: Change = async (ctx) => {
  const found = movableEvent(ctx);
  if (!found) return null;
  const others = ctx.roster.offerings.filter(
    (o) => o.period.id === found.offering.period.id && o.courseId !== found.offering.courseId,
  );
  if (others.length === 0) return null;
  const target = ctx.prng.pick(others);
  await ctx.elentra.db
    .updateTable('events')
    .set({ course_id: target.courseId, updated_date: ctx.nowSeconds })
    .where('event_id', '=', found.event.eventId)
    .execute();
  return `event ${found.event.eventId} moved to course ${target.courseId}`;
};

const newEvent: Change = async ({ prng, elentra, roster, nowSeconds }) => {
  const offering = prng.pick(roster.offerings);
  const periodStart = offering.period.start.getTime() / 1000;
  const periodEnd = offering.period.finish.getTime() / 1000;
  const from = Math.max(nowSeconds + 3 * HOUR, periodStart + HOUR);
  const until = Math.min(nowSeconds + 100 * DAY, periodEnd - 3 * HOUR);
  if (until <= from) return null;
  const start = from + Math.floor((prng.next() * (until - from)) / 900) * 900;
  const minutes = prng.pick([50, 60, 90, 120]);
  const inserted = await elentra.db
    .insertInto('events')
    .values({
      parent_id: null,
      recurring_id: null,
      course_id: offering.courseId,
      event_title: `Chaos session ${prng.int(1, 9999)}`,
      event_description: 'Added between two sync runs.',
      event_location: 'Room 7',
      event_start: start,
      event_finish: start + minutes * 60,
      event_duration: minutes,
      release_date: 0,
      release_until: 0,
      updated_date: nowSeconds,
      updated_by: 1,
    })
    .executeTakeFirstOrThrow();
  return `new event ${Number(inserted.insertId)} in ${offering.key}`;
};

const CHANGES: ReadonlyArray<[Change, number]> = [
  [enrol, 3],
  [unenrol, 3],
  [addContact, 2],
  [removeContact, 2],
  [renameCourse, 1],
  [retitleEvent, 2],
  [moveEventTime, 2],
  [cancelEvent, 1],
  [unreleaseEvent, 1],
  [moveEventCourse, 1],
  [newEvent, 2],
];

function weighted(draw: number): Change {
  let left = draw;
  for (const [change, weight] of CHANGES) {
    left -= weight;
    if (left < 0) return change;
  }
  return (CHANGES[0] as [Change, number])[0];
}

/** Makes one random change (a few tries when the drawn kind does not apply); returns what it did. */
export async function randomElentraChange(
  prng: ChaosPrng,
  elentra: ElentraHandle,
  directory: Directory,
  budget: ChangeBudget,
  owners: TenantOwners,
): Promise<string> {
  const now = new Date();
  const roster = await readRoster(elentra, { now });
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const ctx: ChangeContext = { prng, elentra, roster, directory, budget, owners, nowSeconds };
  const total = CHANGES.reduce((sum, [, weight]) => sum + weight, 0);
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const change = weighted(prng.next() * total);
    const done = await change(ctx);
    if (done !== null) return done;
  }
  return 'no change applied';
}
