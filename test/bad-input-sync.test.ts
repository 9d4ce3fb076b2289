// Bad input from Elentra through a real sync against the emulator (the demo school, then its rows made hostile):
// course and event names with Unicode, emoji, 300+ characters and characters mailNickname forbids; e-mails missing,
// in odd case and shared by two people; impossible dates (a period that finishes before it starts, an enrolment
// window closing before it opens, an event ending before it starts, an event starting at 0). Each → a team that
// is valid for Microsoft or a clear warning on its offering, nothing lost, and every other offering synced as usual.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { readRoster } from '../src/elentra/read-roster.js';
import type { Roster } from '../src/elentra/roster/roster-types.js';
import { createIdentity } from '../src/microsoft/identity/index.js';
import {
  isValidMailNickname,
  MAX_DESCRIPTION_LENGTH,
  MAX_DISPLAY_NAME_LENGTH,
  MAX_MAIL_NICKNAME_LENGTH,
} from '../src/sync/naming/limits.js';
import { openSyncWorld, type SyncWorld } from './support/sync-teams-harness.js';

interface TeamState {
  displayName: string;
  description: string | null;
  mailNickname: string;
  members: Array<{ userId: string; email: string | null; roles: string[] }>;
  events: Array<{ subject: string; start: string; end: string }>;
}
interface OfferingResult {
  offeringKey: string;
  displayName: string;
  status: string;
  message: string | null;
  unmatched: Array<{ proxyId: number; status: string; reason: string }>;
}
interface EventsResult {
  offeringKey: string;
  status: string;
  events: Array<{ eventId: number; outcome: string }>;
}

const DAY = 86_400;
const LONG_NAME = `Ünïcödé 🩺🧠 Médecine — ${'Très long nom de cours '.repeat(15)}`; // 300+ characters
const HOSTILE_CODE = 'MED@101 (é) <b>;"\\[]:, .x';
const LONG_TITLE = `Séance 🫀 ${'avec un titre beaucoup trop long '.repeat(10)}`;

let world: SyncWorld;
let roster: Roster;
let teamsExit: number;
let teamsOut: { offerings: OfferingResult[] };
let eventsExit: number;
let eventsOut: { offerings: EventsResult[] };
let teams: TeamState[];
const people: Record<'noEmail' | 'oddCase' | 'sharedA' | 'sharedB', { proxyId: number; email: string }> = {
  noEmail: { proxyId: 0, email: '' },
  oddCase: { proxyId: 0, email: '' },
  sharedA: { proxyId: 0, email: '' },
  sharedB: { proxyId: 0, email: '' },
};
const events = { backwards: 0, noStart: 0, longTitle: 0 };
let backwardsPeriodKey = '';

async function cli(command: string): Promise<{ code: number; json: unknown; err: string }> {
  const io = memoryIo({ env: world.env });
  const code = await main(['node', 'elentra-teams', command, '--json'], io);
  return { code, json: JSON.parse(io.stdout.join('\n')) as unknown, err: io.stderr.join('\n') };
}

function offering(key: string): OfferingResult {
  const found = teamsOut.offerings.find((o) => o.offeringKey === key);
  if (!found) throw new Error(`no result for ${key}`);
  return found;
}

function teamOf(courseId: number): TeamState {
  const key = roster.offerings.find((o) => o.courseId === courseId)?.key ?? '';
  const nickname = offering(key) && roster.offerings.find((o) => o.key === key);
  const team = teams.find((t) => t.mailNickname.includes(`-c${courseId}-p${nickname?.period.id}`));
  if (!team) throw new Error(`no team for course ${courseId}`);
  return team;
}

beforeAll(async () => {
  world = await openSyncWorld();
  const db = world.elentra.db;
  const now = Math.floor(world.now.getTime() / 1000);
  // Names.
  await db
    .updateTable('courses')
    .set({ course_name: LONG_NAME, course_code: HOSTILE_CODE })
    .where('course_id', '=', 1)
    .execute();
  const [titled] = await db
    .selectFrom('events')
    .select('event_id')
    .where('course_id', '=', 1)
    .where('event_start', '>', now + DAY)
    .orderBy('event_start')
    .limit(1)
    .execute();
  events.longTitle = titled?.event_id ?? 0;
  await db.updateTable('events').set({ event_title: LONG_TITLE }).where('event_id', '=', events.longTitle).execute();
  // E-mails: four learners of MED 101's cohort (group 2).
  const learners = await db
    .selectFrom('group_members as gm')
    .innerJoin('user_data as u', 'u.id', 'gm.proxy_id')
    .select(['u.id', 'u.email'])
    .where('gm.group_id', '=', 2)
    .where('u.email', '!=', '')
    .orderBy('u.id')
    .limit(4)
    .execute();
  const [a, b, c, d] = learners;
  if (!a || !b || !c || !d) throw new Error('the demo cohort has fewer than four learners with an address');
  people.noEmail = { proxyId: a.id, email: a.email };
  people.oddCase = { proxyId: b.id, email: b.email };
  people.sharedA = { proxyId: c.id, email: c.email };
  people.sharedB = { proxyId: d.id, email: c.email };
  await db.updateTable('user_data').set({ email: '', email_alt: '', username: null }).where('id', '=', a.id).execute();
  await db
    .updateTable('user_data')
    .set({ email: `  ${b.email.toUpperCase()} ` })
    .where('id', '=', b.id)
    .execute();
  await db
    .updateTable('user_data')
    .set({ email: c.email.replace(/^./, (x) => x.toUpperCase()) })
    .where('id', '=', d.id)
    .execute();
  // Impossible dates. A period that finishes before it starts, with its own course.
  const period = await db
    .insertInto('curriculum_periods')
    .values({
      curriculum_type_id: 1,
      curriculum_period_title: 'Backwards term',
      start_date: now + 10 * DAY,
      finish_date: now + 5 * DAY,
      active: 1,
    })
    .returning('cperiod_id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('courses')
    .values({
      course_id: 11,
      organisation_id: 1,
      course_name: 'Backwards Period',
      course_code: 'BACK 301',
      course_description: null,
      course_message: '',
      course_active: 1,
      created_date: now,
      created_by: 1,
      updated_date: now,
      updated_by: 1,
    })
    .execute();
  await db
    .insertInto('course_contacts')
    .values({ course_id: 11, proxy_id: 4, contact_type: 'director', contact_order: 0 })
    .execute();
  await db
    .insertInto('course_audience')
    .values({
      course_id: 11,
      audience_type: 'group_id',
      audience_value: 2,
      cperiod_id: period.cperiod_id,
      enroll_start: 0,
      enroll_finish: 0,
      audience_active: 1,
    })
    .execute();
  backwardsPeriodKey = `course:11:period:${period.cperiod_id}`;
  // CLIN 220: its enrolment closes a month before it opens.
  await db
    .updateTable('course_audience')
    .set({ enroll_start: now + 30 * DAY, enroll_finish: now - 30 * DAY })
    .where('course_id', '=', 6)
    .execute();
  // PHYS 120: an event that ends before it starts, and one that starts at 0.
  const physics = await db
    .selectFrom('events')
    .select(['event_id', 'event_start'])
    .where('course_id', '=', 3)
    .where('event_start', '>', now + DAY)
    .orderBy('event_start')
    .limit(2)
    .execute();
  events.backwards = physics[0]?.event_id ?? 0;
  events.noStart = physics[1]?.event_id ?? 0;
  await db
    .updateTable('events')
    .set({ event_finish: (physics[0]?.event_start ?? 0) - 3600, event_duration: 90 })
    .where('event_id', '=', events.backwards)
    .execute();
  await db.updateTable('events').set({ event_start: 0 }).where('event_id', '=', events.noStart).execute();

  roster = await readRoster(world.elentra, { now: world.now });
  const teamsRun = await cli('microsoft:sync-teams');
  teamsExit = teamsRun.code;
  teamsOut = teamsRun.json as typeof teamsOut;
  await createIdentity({ config: world.config, database: world.database }).store.setOutlookTimeZone(
    'Eastern Standard Time',
  );
  const eventsRun = await cli('microsoft:sync-events');
  eventsExit = eventsRun.code;
  eventsOut = eventsRun.json as typeof eventsOut;
  teams = ((await world.control.state()) as unknown as { teams: TeamState[] }).teams;
}, 60_000);

afterAll(async () => {
  await world?.close();
});

describe('names Microsoft would refuse', () => {
  it('every offering gets one team, with a valid, unique mailNickname and names within the limits', () => {
    expect(teamsExit).toBe(0);
    expect(teams).toHaveLength(roster.offerings.length);
    const nicknames = teams.map((t) => t.mailNickname);
    expect(new Set(nicknames).size).toBe(nicknames.length);
    for (const team of teams) {
      expect(isValidMailNickname(team.mailNickname), team.mailNickname).toBe(true);
      expect(team.mailNickname.length).toBeLessThanOrEqual(MAX_MAIL_NICKNAME_LENGTH);
      expect([...team.displayName].length).toBeLessThanOrEqual(MAX_DISPLAY_NAME_LENGTH);
      expect([...(team.description ?? '')].length).toBeLessThanOrEqual(MAX_DESCRIPTION_LENGTH);
    }
  });

  it('cuts the 300+ character Unicode name with an ellipsis, keeping the emoji whole and the code readable', () => {
    const team = teamOf(1);
    expect(team.displayName).toMatch(/^MED@101 \(é\) <b>;.*: Ünïcödé 🩺🧠 Médecine — Très long/);
    expect(team.displayName.endsWith('…')).toBe(true);
    expect(team.displayName).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no half emoji
    expect(team.mailNickname).toMatch(/^elentra-[0-9a-f]{6}-o1-c1-p1-med-?101/);
    expect(offering(roster.offerings.find((o) => o.courseId === 1)?.key ?? '').status).not.toBe('error');
  });

  it('gives the event with a 300+ character emoji title its meeting, with a subject Outlook accepts', () => {
    const meeting = teamOf(1).events.find((e) => e.subject.startsWith('Séance 🫀'));
    expect(meeting).toBeDefined();
    expect([...(meeting?.subject ?? '')].length).toBeLessThanOrEqual(255);
    expect(meeting?.subject).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('e-mail addresses', () => {
  const medKey = () => roster.offerings.find((o) => o.courseId === 1)?.key ?? '';
  const inTeam = (email: string) =>
    teamOf(1).members.some((m) => (m.email ?? '').toLowerCase() === email.toLowerCase());

  it('a learner with no address is listed as not matched, in words, and the others are added', () => {
    const entry = offering(medKey()).unmatched.find((u) => u.proxyId === people.noEmail.proxyId);
    expect(entry?.reason).toMatch(/No e-mail address in Elentra/);
    expect(inTeam(people.noEmail.email)).toBe(false);
    expect(teamOf(1).members.length).toBeGreaterThan(50);
  });

  it('an address in odd case with spaces around still matches its Microsoft user', () => {
    expect(offering(medKey()).unmatched.map((u) => u.proxyId)).not.toContain(people.oddCase.proxyId);
    expect(inTeam(people.oddCase.email)).toBe(true);
  });

  it('two people sharing an address are both reported ambiguous, and neither is added', () => {
    const unmatched = offering(medKey()).unmatched;
    for (const person of [people.sharedA, people.sharedB]) {
      const entry = unmatched.find((u) => u.proxyId === person.proxyId);
      expect(entry?.status).toBe('ambiguous');
      expect(entry?.reason).not.toBe('');
    }
    expect(inTeam(people.sharedA.email)).toBe(false);
  });
});

describe('impossible dates in Elentra', () => {
  it('a period that finishes before it starts: a clear warning, and its team is still made', () => {
    const result = offering(backwardsPeriodKey);
    expect(result.status).toBe('warning');
    expect(result.message).toMatch(/"Backwards term" \(cperiod_id \d+\) finishes on .* before it starts on/);
    expect(teamOf(11).members.length).toBeGreaterThan(50);
  });

  it('an enrolment window that closes before it opens: a warning, and its learners are kept', () => {
    const key = roster.offerings.find((o) => o.courseId === 6)?.key ?? '';
    const result = offering(key);
    expect(result.status).toBe('warning');
    expect(result.message).toMatch(/closes enrolment on .* before it opens on .* learners are kept/);
    expect(teamOf(6).members.filter((m) => !m.roles.includes('owner')).length).toBeGreaterThan(50);
  });

  it('events ending before they start or starting at 0: warned on the offering, no crash, the rest synced', () => {
    const key = roster.offerings.find((o) => o.courseId === 3)?.key ?? '';
    expect(offering(key).message).toMatch(new RegExp(`event_id ${events.backwards}\\) finishes before it starts`));
    expect(offering(key).message).toMatch(new RegExp(`event_id ${events.noStart}\\) has no start date`));
    expect(eventsExit).toBe(0);
    const physics = eventsOut.offerings.find((o) => o.offeringKey === key);
    const outcomes = new Map(physics?.events.map((e) => [e.eventId, e.outcome]));
    expect(outcomes.get(events.backwards)).toBe('written');
    expect(outcomes.has(events.noStart)).toBe(false);
    // The meeting of the backwards event ends its 90 minutes after its start, never before.
    for (const meeting of teamOf(3).events) expect(Date.parse(meeting.end)).toBeGreaterThan(Date.parse(meeting.start));
    expect(teamOf(3).events.length).toBeGreaterThan(0);
  });

  it('no other offering is affected: every one is ok or warning, none in error', () => {
    for (const result of teamsOut.offerings) expect(result.status, result.offeringKey).not.toBe('error');
    for (const result of eventsOut.offerings) expect(result.status, result.offeringKey).not.toBe('error');
    const untouched = offering(roster.offerings.find((o) => o.courseId === 9)?.key ?? '');
    expect(untouched.status).toBe('ok');
  });
});
