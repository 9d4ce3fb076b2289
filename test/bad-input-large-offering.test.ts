// An offering over Microsoft's 25,000-member limit, generated in the Elentra tables: 25,001 learners, each in the
// course's audience by a proxy_id row. Everyone is already matched to a Microsoft user (ms_user_links, checked just
// now, so the run looks nobody up): the test is about the planner, not 25,000 Graph lookups. The whole run — roster,
// observation, matching, plan — reports the limit in words on that offering, and plans every other offering as usual.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_MEMBERS } from '../src/sync/plan/plan-options.js';
import type { RunReport } from '../src/sync/run/run-types.js';
import { KyselySyncStore } from '../src/sync/store/kysely-sync-store.js';
import { openSyncWorld, type SyncWorld } from './support/sync-teams-harness.js';

const LEARNERS = MAX_MEMBERS + 1;
const FIRST_ID = 100_000;
const COURSE_ID = 50;
const ROWS_PER_INSERT = 500;

let world: SyncWorld;
let report: RunReport;
let seconds = 0;

async function inChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let from = 0; from < rows.length; from += ROWS_PER_INSERT)
    await insert(rows.slice(from, from + ROWS_PER_INSERT));
}

beforeAll(async () => {
  world = await openSyncWorld();
  const db = world.elentra.db;
  const now = Math.floor(world.now.getTime() / 1000);
  const ids = Array.from({ length: LEARNERS }, (_, i) => FIRST_ID + i);
  await db.transaction().execute(async (trx) => {
    await inChunks(ids, (chunk) =>
      trx
        .insertInto('user_data')
        .values(
          chunk.map((id) => ({
            id,
            username: `big${id}`,
            firstname: 'Learner',
            lastname: String(id),
            email: `big${id}@northfield.example.edu`,
            notes: '',
            grad_year: 2030,
            created_date: now,
            created_by: 1,
          })),
        )
        .execute(),
    );
    await inChunks(ids, (chunk) =>
      trx
        .insertInto('user_access')
        .values(chunk.map((id) => ({ user_id: id, app_id: 1, organisation_id: 1, role: '2030', group: 'student' })))
        .execute(),
    );
    await trx
      .insertInto('courses')
      .values({
        course_id: COURSE_ID,
        organisation_id: 1,
        course_name: 'Mass Lecture',
        course_code: 'BIG 100',
        course_description: null,
        course_message: '',
        course_active: 1,
        created_date: now,
        created_by: 1,
        updated_date: now,
        updated_by: 1,
      })
      .execute();
    await trx
      .insertInto('course_contacts')
      .values({ course_id: COURSE_ID, proxy_id: 4, contact_type: 'director', contact_order: 0 })
      .execute();
    await inChunks(ids, (chunk) =>
      trx
        .insertInto('course_audience')
        .values(
          chunk.map((id) => ({
            course_id: COURSE_ID,
            audience_type: 'proxy_id' as const,
            audience_value: id,
            cperiod_id: 1,
            enroll_start: 0,
            enroll_finish: 0,
            audience_active: 1,
          })),
        )
        .execute(),
    );
  });
  await new KyselySyncStore(world.database).saveLinks(
    ids.map((id) => ({
      proxyId: id,
      userId: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
      matchedBy: 'email' as const,
      matchedValue: `big${id}@northfield.example.edu`,
      status: 'matched' as const,
      reason: null,
      checkedAtMs: Date.now(),
    })),
  );
  const started = performance.now();
  report = await world.sync({ dryRun: true });
  seconds = (performance.now() - started) / 1000;
}, 120_000);

afterAll(async () => {
  await world?.close();
});

describe(`an offering of ${LEARNERS} learners`, () => {
  it('reports the 25,000-member limit in words and plans to add the 25,000 that fit (in ≤ 200s)', () => {
    const big = report.plan.offerings.find((o) => o.offeringKey === `course:${COURSE_ID}:period:1`);
    expect(big).toBeDefined();
    const limit = big?.operations.find((op) => op.kind === 'reportLimit');
    expect(limit).toMatchObject({ kind: 'reportLimit' });
    expect(JSON.stringify(limit)).toMatch(/a team can have 25000: \d+ were not added/);
    const added = (big?.operations ?? []).flatMap((op) => (op.kind === 'addMembers' ? op.members : []));
    expect(added.length).toBeLessThanOrEqual(MAX_MEMBERS);
    expect(added.length).toBeGreaterThan(MAX_MEMBERS - 10);
    expect(big?.expectedStatus).toBe('warning');
    expect(report.offerings.find((o) => o.offeringKey === big?.offeringKey)?.status).toBe('warning');
  });

  it('plans every other offering as usual, none in error, and runs in seconds', () => {
    const others = report.plan.offerings.filter((o) => o.offeringKey !== `course:${COURSE_ID}:period:1`);
    expect(others.length).toBe(9);
    for (const plan of others) {
      expect(plan.operations.some((op) => op.kind === 'createTeam')).toBe(true);
      expect(plan.operations.some((op) => op.kind === 'reportLimit')).toBe(false);
    }
    expect(report.status).not.toBe('error');
    expect(report.error).toBeNull();
    expect(seconds).toBeLessThan(30);
  });
});
