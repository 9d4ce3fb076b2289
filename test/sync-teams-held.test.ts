// The mass-removal guard end to end (issue 5, "Safety"): a course list emptied by 40 % and its teachers replaced are
// two holds — the members' share (members only: owners are not counted) and "all its owners" — reported per offering
// with the people's names, in the run's result and in `held_removals`; a confirmation in `held_removals.confirmed_at`
// (what the web page writes) releases them on the next run, and the rows go once the removals are done.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRoster } from '../src/elentra/read-roster.js';
import type { Offering } from '../src/elentra/roster/roster-types.js';
import { ELECTIVE_COURSE_ID, ELECTIVE_GROUP_ID, leaveGroup, makeContact } from './support/enrolment-changes.js';
import { tally } from './support/sync-requests.js';
import { openSyncWorld, type SyncWorld } from './support/sync-teams-harness.js';

let world: SyncWorld;
let elective: Offering;

beforeAll(async () => {
  world = await openSyncWorld();
  await world.sync();
  const roster = await readRoster(world.elentra, { now: new Date(), courseIds: [ELECTIVE_COURSE_ID] });
  const found = roster.offerings[0];
  if (!found) throw new Error('no ELEC 250 offering in the demo');
  elective = found;
});

afterAll(async () => {
  await world?.close();
});

const heldRows = () =>
  world.database.db.selectFrom('held_removals').selectAll().where('offering_key', '=', elective.key).execute();

describe('held removals', () => {
  it('holds a 40 % share of the members and all the owners, by name, until confirmed', async () => {
    const first = await world.sync({ dryRun: true });
    const unmatched = new Set(first.offerings.flatMap((o) => o.unmatched.map((p) => p.proxyId)));
    const inGroup = await world.elentra.db
      .selectFrom('group_members')
      .select('proxy_id')
      .where('group_id', '=', ELECTIVE_GROUP_ID)
      .where('member_active', '=', 1)
      .execute();
    const groupIds = new Set(inGroup.map((row) => row.proxy_id));
    const learners = elective.members.filter((id) => !unmatched.has(id) && groupIds.has(id));
    const leaving = learners.slice(0, Math.ceil(learners.length * 0.4));
    await leaveGroup(world.elentra, ELECTIVE_GROUP_ID, leaving);
    // The teachers handed over to someone else: every current owner would go.
    await world.elentra.db.deleteFrom('course_contacts').where('course_id', '=', ELECTIVE_COURSE_ID).execute();
    await makeContact(world.elentra, ELECTIVE_COURSE_ID, 2, 'director');

    let seq = await world.control.lastSeq();
    const held = await world.sync();
    const writes = tally(await world.control.requestsSince(seq)).writesByRoute;
    expect(writes['POST /v1.0/teams/{teamId}/members/remove']).toBeUndefined();
    expect(writes['POST /v1.0/teams/{teamId}/members/add']).toBe(1);
    const plan = held.plan.offerings.find((o) => o.offeringKey === elective.key);
    const holds = plan?.operations.flatMap((op) => (op.kind === 'holdRemovals' ? [op] : [])) ?? [];
    expect(holds.map((hold) => [hold.rule, hold.members.length])).toEqual([
      ['share', leaving.length],
      ['allOwners', elective.owners.length],
    ]);
    const roster = await readRoster(world.elentra, { now: new Date() });
    const someone = roster.people.get(leaving[0] ?? 0);
    const name = `${someone?.firstname} ${someone?.lastname}`;
    expect(holds[0]?.names).toContain(name);
    const outcome = held.offerings.find((o) => o.offeringKey === elective.key);
    expect(outcome?.status).toBe('held');
    expect(outcome?.message).toContain(name);
    for (const owner of elective.owners) {
      const teacher = roster.people.get(owner.proxyId);
      expect(outcome?.message).toContain(`${teacher?.firstname} ${teacher?.lastname} (owner)`);
    }
    const rows = await heldRows();
    expect(rows).toHaveLength(leaving.length + elective.owners.length);
    expect(rows.some((row) => row.reason.includes(name))).toBe(true);
    const result = await world.database.db
      .selectFrom('sync_offering_results')
      .select(['status', 'message'])
      .where('run_id', '=', held.runId)
      .where('offering_key', '=', elective.key)
      .executeTakeFirstOrThrow();
    expect(result.status).toBe('held');
    expect(result.message).toContain(name);

    // Still held on the next run, nothing removed: the replacement teacher is in, but the hold sticks.
    seq = await world.control.lastSeq();
    const again = await world.sync();
    expect(again.offerings.find((o) => o.offeringKey === elective.key)?.status).toBe('held');
    expect(tally(await world.control.requestsSince(seq)).writes).toBe(0);

    // Confirmed on the web page: the next run removes them all and the rows go.
    await world.database.db
      .updateTable('held_removals')
      .set({ confirmed_at: Date.now(), confirmed_by: 'admin' })
      .where('offering_key', '=', elective.key)
      .execute();
    seq = await world.control.lastSeq();
    const released = await world.sync();
    const removed = released.offerings.find((o) => o.offeringKey === elective.key);
    expect(removed?.status).not.toBe('held');
    expect((removed?.counts.removedMembers ?? 0) + (removed?.counts.removedOwners ?? 0)).toBe(rows.length);
    expect(tally(await world.control.requestsSince(seq)).writesByRoute).toMatchObject({
      'POST /v1.0/teams/{teamId}/members/remove': Math.ceil(rows.length / 20),
    });
    expect(await heldRows()).toEqual([]);
    seq = await world.control.lastSeq();
    await world.sync();
    expect(tally(await world.control.requestsSince(seq)).writes).toBe(0);
  });
});
