// After the first sync, enrolment changes in Elentra: (c) the writes are exactly the changes (add 3, remove 2,
// promote 1); (d) `--dry-run` predicts exactly what the next run does — the same operations, and the requests the
// next run makes are the ones the plan prices; (g) removing 40 % of a course's learners is held and reported, and
// `--force` applies it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRoster } from '../src/elentra/read-roster.js';
import type { Offering } from '../src/elentra/roster/roster-types.js';
import { planRequests } from '../src/sync/cost/cost-model.js';
import type { Plan } from '../src/sync/plan/plan-types.js';
import {
  ELECTIVE_COURSE_ID,
  ELECTIVE_GROUP_ID,
  enrolLearners,
  leaveGroup,
  makeContact,
} from './support/enrolment-changes.js';
import { tally } from './support/sync-requests.js';
import { openSyncWorld, type SyncWorld } from './support/sync-teams-harness.js';

let world: SyncWorld;
let elective: Offering;
/** People every run matched (in some team, never listed as unmatched). */
let matched: Set<number>;
let electiveNickname = '';
const heldNickname = () => electiveNickname;

beforeAll(async () => {
  world = await openSyncWorld();
  const first = await world.sync();
  const roster = await readRoster(world.elentra, { now: new Date() });
  const found = roster.offerings.find((offering) => offering.courseId === ELECTIVE_COURSE_ID);
  if (!found) throw new Error('no ELEC 250 offering in the demo');
  elective = found;
  electiveNickname = first.plan.offerings.find((o) => o.offeringKey === found.key)?.mailNickname ?? '';
  const unmatched = new Set(first.offerings.flatMap((o) => o.unmatched.map((p) => p.proxyId)));
  matched = new Set(roster.offerings.flatMap((o) => o.members).filter((id) => !unmatched.has(id)));
});

afterAll(async () => {
  await world?.close();
});

/** The plan's write requests by route, in the emulator's route words (`/teams/{}/members/add`). */
function plannedWrites(plan: Plan): Record<string, number> {
  const writes: Record<string, number> = {};
  for (const request of planRequests(plan).filter((r) => r.write)) {
    const method =
      request.route.endsWith('/{id}') && request.route.includes('/members/')
        ? 'PATCH'
        : request.route.endsWith('/team')
          ? 'PUT'
          : 'POST';
    const key = `${method} ${request.route.replace(/\{[^}]*\}/g, '{}')}`;
    writes[key] = (writes[key] ?? 0) + 1;
  }
  return writes;
}

function normalized(writes: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(writes).map(([key, n]) => [key.replace('/v1.0', '').replace(/\{[^}]*\}/g, '{}'), n]),
  );
}

const operationsOf = (plan: Plan) => plan.offerings.flatMap((offering) => offering.operations);

describe('enrolment changes in Elentra', () => {
  it('dry run predicts, and the next run writes exactly, add 3, remove 2, promote 1', async () => {
    const members = elective.members.filter((id) => matched.has(id));
    const leaving = members.slice(0, 2);
    const promoted = members[2] ?? 0;
    const joining = [...matched].filter((id) => !elective.members.includes(id)).slice(0, 3);
    expect(joining).toHaveLength(3);
    await enrolLearners(world.elentra, ELECTIVE_COURSE_ID, elective.period.id, joining);
    await leaveGroup(world.elentra, ELECTIVE_GROUP_ID, leaving);
    await makeContact(world.elentra, ELECTIVE_COURSE_ID, promoted);

    let seq = await world.control.lastSeq();
    const dry = await world.sync({ dryRun: true });
    expect(tally(await world.control.requestsSince(seq)).writes).toBe(0);
    const changed = dry.plan.offerings.filter((o) => o.operations.some((op) => op.kind !== 'noChange'));
    expect(changed.map((o) => o.offeringKey)).toEqual([elective.key]);
    const kinds = changed[0]?.operations.map((op) => op.kind);
    expect(kinds).toEqual(['removeMembers', 'addMembers', 'promoteToOwner']);

    seq = await world.control.lastSeq();
    const real = await world.sync();
    const writes = tally(await world.control.requestsSince(seq));
    expect(operationsOf(real.plan)).toEqual(operationsOf(dry.plan));
    expect(normalized(writes.writesByRoute)).toEqual(plannedWrites(dry.plan));
    expect(writes.writesByRoute).toEqual({
      'POST /v1.0/teams/{teamId}/members/remove': 1,
      'POST /v1.0/teams/{teamId}/members/add': 1,
      'PATCH /v1.0/teams/{teamId}/members/{membershipId}': 1,
    });
    const outcome = real.offerings.find((o) => o.offeringKey === elective.key);
    expect(outcome?.counts).toMatchObject({ addedMembers: 3, removedMembers: 2, promoted: 1 });

    seq = await world.control.lastSeq();
    await world.sync();
    expect(tally(await world.control.requestsSince(seq)).writes).toBe(0);
  });

  it('holds a mass removal (40 % of the learners), reports it, and applies it with --force', async () => {
    // 40 % of the team's members (the guard's share counts members, not owners), all from the group.
    const team = (await world.control.state()).teams.find((t) => t.mailNickname === heldNickname());
    const people = team?.members.filter((member) => !member.roles.includes('owner')).length ?? 0;
    const inGroup = await world.elentra.db
      .selectFrom('group_members')
      .select('proxy_id')
      .where('group_id', '=', ELECTIVE_GROUP_ID)
      .where('member_active', '=', 1)
      .execute();
    const now = await readRoster(world.elentra, { now: new Date(), courseIds: [ELECTIVE_COURSE_ID] });
    const owners = new Set(now.offerings[0]?.owners.map((owner) => owner.proxyId));
    const learners = inGroup.map((row) => row.proxy_id).filter((id) => matched.has(id) && !owners.has(id));
    const leaving = learners.slice(0, Math.ceil(people * 0.4));
    expect(leaving.length).toBe(Math.ceil(people * 0.4));
    await leaveGroup(world.elentra, ELECTIVE_GROUP_ID, leaving);

    let seq = await world.control.lastSeq();
    const held = await world.sync();
    expect(tally(await world.control.requestsSince(seq)).writes).toBe(0);
    const heldOutcome = held.offerings.find((o) => o.offeringKey === elective.key);
    expect(heldOutcome?.status).toBe('held');
    expect(heldOutcome?.message).toMatch(/remov/i);

    seq = await world.control.lastSeq();
    const forced = await world.sync({ force: true, courseIds: [ELECTIVE_COURSE_ID] });
    const writes = tally(await world.control.requestsSince(seq));
    expect(writes.writesByRoute['POST /v1.0/teams/{teamId}/members/remove']).toBeGreaterThan(0);
    expect(forced.offerings.find((o) => o.offeringKey === elective.key)?.counts.removedMembers).toBe(leaving.length);

    seq = await world.control.lastSeq();
    const after = await world.sync();
    expect(tally(await world.control.requestsSince(seq)).writes).toBe(0);
    expect(after.offerings.find((o) => o.offeringKey === elective.key)?.status).not.toBe('held');
  });
});
