// The read model against Elentra's REAL schema: core-tables.sql (Entrada ME 1.12's CREATE TABLE statements, MyISAM,
// FULLTEXT keys, two databases) loaded into two fresh MariaDB databases — one for the `entrada` part, one for the
// `entrada_auth` part — and read through the URL + ELENTRA_AUTH_DATABASE exactly as in production. Rows go in through
// the test fixtures (so the real NOT NULL columns are honoured) and the Roster must come out right: enrol windows,
// groups expanded, inactive accounts, settings override. The demo seed must load into the real schema too.
// The SQL is a verbatim copy of the project's reference file (../shared/ref/elentra/core-tables.sql) kept in the
// repository so that a fresh clone runs this test.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createConnection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/elentra/demo/seed-demo.js';
import {
  type ElentraHandle,
  getSetting,
  migrateElentraDemoSchema,
  openElentra,
  readRoster,
  rosterToJson,
  setSetting,
} from '../src/elentra/index.js';
import { ElentraFixture } from '../src/elentra/testing/elentra-fixture.js';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from './support/databases.js';

const CORE_TABLES_SQL = fileURLToPath(new URL('../src/elentra/testing/core-tables.sql', import.meta.url));
const AUTH_MARKER = '-- ===== database entrada_auth';
const NOW = new Date('2026-03-02T15:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const DAY = 86_400;

const mysql = TEST_ENGINES.find((engine) => engine.dialect === 'mysql');
const skipReason = mysql?.skipReason ?? (mysql === undefined ? 'no MariaDB engine declared' : undefined);
const suiteName = skipReason
  ? `Elentra on MariaDB (skipped: ${skipReason})`
  : 'Elentra on MariaDB (real core-tables.sql)';

/** The CREATE TABLE statements of one part of core-tables.sql, comments stripped. */
function statements(sqlText: string): string[] {
  return sqlText
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement !== '');
}

async function loadRealSchema(main: TestDatabase, auth: TestDatabase): Promise<void> {
  const text = readFileSync(CORE_TABLES_SQL, 'utf8');
  const split = text.indexOf(AUTH_MARKER);
  expect(split).toBeGreaterThan(0);
  for (const [database, part] of [
    [main, text.slice(0, split)],
    [auth, text.slice(split)],
  ] as const) {
    const connection = await createConnection({ uri: database.url });
    try {
      for (const statement of statements(part)) await connection.query(statement);
    } finally {
      await connection.end();
    }
  }
}

/** Two fresh databases holding the real Elentra schema, and a handle reading them as production would. */
async function realElentra(): Promise<{ handle: ElentraHandle; drop(): Promise<void> }> {
  if (mysql === undefined) throw new Error('no MariaDB engine');
  const main = await createTestDatabase(mysql);
  const auth = await createTestDatabase(mysql);
  await loadRealSchema(main, auth);
  const handle = await openElentra(main.url, { authDatabase: auth.name });
  return {
    handle,
    drop: async () => {
      await handle.close();
      await main.drop();
      await auth.drop();
    },
  };
}

describe.skipIf(skipReason !== undefined)(suiteName, () => {
  let elentra: Awaited<ReturnType<typeof realElentra>>;

  beforeAll(async () => {
    elentra = await realElentra();
    const f = new ElentraFixture(elentra.handle, NOW_S);
    await f.organisation(1, 'Northfield School of Medicine');
    await f.period({ id: 1, startDays: -30, finishDays: 60 });
    await f.period({ id: 2, startDays: 10, finishDays: 100 });
    await f.period({ id: 3, startDays: -200, finishDays: -100 });
    for (const id of [10, 11, 12, 15, 16, 17, 18, 20]) await f.person({ id });
    await f.person({ id: 13, access: [{ account_active: 'false' }] });
    await f.person({ id: 14, email: '' });
    await f.person({ id: 21, access: [{ access_expires: NOW_S - DAY }] });

    await f.course({ id: 1, code: 'ANAT 110', name: 'Human Anatomy' });
    await f.group({
      id: 50,
      name: 'Class of 2029',
      members: [10, { proxy_id: 11, member_active: 0 }, { proxy_id: 12, finish_date: NOW_S - DAY }, 13, 14],
    });
    await f.group({ id: 52, active: 0, members: [18] });
    await f.enrol({ course: 1, period: 1, groupId: 50 });
    await f.enrol({ course: 1, period: 1, groupId: 52 });
    await f.enrol({ course: 1, period: 1, proxyId: 15, enroll_finish: NOW_S - DAY });
    await f.enrol({ course: 1, period: 1, proxyId: 16, enroll_start: NOW_S + DAY });
    await f.enrol({ course: 1, period: 1, proxyId: 17 });
    await f.enrol({ course: 1, period: 1, proxyId: 20 });
    await f.contact({ course: 1, proxyId: 20, type: 'director' });
    await f.contact({ course: 1, proxyId: 21, type: 'faculty', order: 1 });
    await f.event({ event_id: 500, course: 1, startDays: 3, audience: [['cohort', '50']] });

    await f.course({ id: 2, code: 'PHYS 120' });
    await f.group({ id: 51, members: [10, 12] });
    await f.enrol({ course: 2, period: 2, groupId: 51, enroll_start: NOW_S + 10 * DAY });
    await f.course({ id: 3, code: 'OLD 100', active: 0 });
    await f.enrol({ course: 3, period: 1, proxyId: 10 });
    await f.course({ id: 4, code: 'PAST 100' });
    await f.enrol({ course: 4, period: 3, proxyId: 10 });

    await f.setting('user_menu_ordering', 'profile,privacy,notifications');
    await f.setting('user_menu_ordering', 'profile,privacy,notifications,microsoft', 1);
  });

  afterAll(async () => {
    await elentra?.drop();
  });

  it('finds the offerings: active courses in periods current or starting within the horizon', async () => {
    const roster = await readRoster(elentra.handle, { now: NOW });
    expect(roster.offerings.map((o) => [o.key, o.status])).toEqual([
      ['course:1:period:1', 'current'],
      ['course:2:period:2', 'upcoming'],
    ]);
    expect(roster.offerings[0]?.organisationTitle).toBe('Northfield School of Medicine');
  });

  it('expands groups and honours enrol windows, group and member flags', async () => {
    const roster = await readRoster(elentra.handle, { now: NOW });
    const [anatomy, physiology] = roster.offerings;
    expect(anatomy?.members).toEqual([10, 14, 17]);
    expect(anatomy?.groups.map((g) => [g.groupId, g.groupName])).toEqual([[50, 'Class of 2029']]);
    expect(physiology?.members).toEqual([10, 12]);
  });

  it('leaves out inactive and expired accounts, with their reason; a contact in the audience is an owner only', async () => {
    const roster = await readRoster(elentra.handle, { now: NOW });
    const anatomy = roster.offerings[0];
    expect(anatomy?.owners).toEqual([{ proxyId: 20, contactTypes: ['director'] }]);
    expect(roster.excluded.map((e) => [e.proxyId, e.reason, e.offerings])).toEqual([
      [13, 'account-inactive', [{ key: 'course:1:period:1', role: 'member' }]],
      [21, 'access-expired', [{ key: 'course:1:period:1', role: 'owner' }]],
    ]);
    expect(roster.warnings.map((w) => w.proxyId)).toEqual([14]);
    expect(roster.people.get(10)?.email).toBe('user10@test.example.edu');
    expect(anatomy?.events.map((e) => [e.eventId, e.audience])).toEqual([[500, [{ type: 'cohort', value: '50' }]]]);
  });

  it("resolves settings: the organisation's row wins over the global one; writes touch one row", async () => {
    expect(await getSetting(elentra.handle, 'user_menu_ordering', 1)).toBe('profile,privacy,notifications,microsoft');
    expect(await getSetting(elentra.handle, 'user_menu_ordering', 2)).toBe('profile,privacy,notifications');
    expect(await getSetting(elentra.handle, 'user_menu_ordering')).toBe('profile,privacy,notifications');
    expect(await setSetting(elentra.handle, 'microsoft_teams_enabled', '1', 1)).toMatchObject({ action: 'inserted' });
    expect(await setSetting(elentra.handle, 'microsoft_teams_enabled', '0', 1)).toMatchObject({ action: 'updated' });
    expect(await getSetting(elentra.handle, 'microsoft_teams_enabled', 1)).toBe('0');
    expect(await getSetting(elentra.handle, 'microsoft_teams_enabled')).toBeNull();
  });

  it('refuses to run the demo migrations on a real Elentra database', async () => {
    const result = await migrateElentraDemoSchema(elentra.handle);
    expect(result.error?.code).toBe('elentra.real_database_refused');
  });

  it('takes the demo seed into the real schema and reads the same roster as the embedded SQLite one', async () => {
    const real = await realElentra();
    const embedded = await openElentra('sqlite::memory:');
    try {
      await migrateElentraDemoSchema(embedded);
      expect((await seedDemo(real.handle, { now: NOW })).seeded).toBe(true);
      expect((await seedDemo(embedded, { now: NOW })).seeded).toBe(true);
      const fromReal = rosterToJson(await readRoster(real.handle, { now: NOW }));
      const fromEmbedded = rosterToJson(await readRoster(embedded, { now: NOW }));
      expect(fromReal.offerings.length).toBeGreaterThanOrEqual(8);
      expect(fromReal).toEqual(fromEmbedded);
    } finally {
      await embedded.close();
      await real.drop();
    }
  });
});
