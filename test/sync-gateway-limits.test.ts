// The sync's limiter against the emulator with Microsoft's documented limits ON (real clock, real HTTP): 40 member
// writes across 3 teams fired at once go through with zero 429s and finish within 1.3 × the throttle floor; the same
// burst on a client without the limiter is throttled (so the first check can fail); a $batch of several teams' reads
// is paced by its inner requests.
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { RunningEmulator } from '../emulator/src/server.js';
import { addMembers, GraphClient, getTeamCall, performBatch } from '../src/microsoft/graph/index.js';
import type { EmulatorControl } from '../src/microsoft/graph/testing/emulator-control.js';
import { windowFloorSeconds } from '../src/sync/cost/cost-model.js';
import { DOCUMENTED_LIMITS } from '../src/sync/cost/graph-limits.js';
import { createSyncGraphClient, GraphTeamsGateway, type ThrottleAwareGraphClient } from '../src/sync/gateway/index.js';
import { learnerIds, seedWithLearners, startSignedInEmulator } from './support/graph-session.js';

const LEARNERS = learnerIds(60);

let emu: RunningEmulator;
let control: EmulatorControl;
let client: ThrottleAwareGraphClient;
let plain: GraphClient;
let gateway: GraphTeamsGateway;
let teams: string[] = [];

beforeAll(async () => {
  const started = await startSignedInEmulator({
    seed: seedWithLearners(LEARNERS),
    graph: { teamOperationMs: 0, replicationDelayMs: 0 },
  });
  ({ emu, control } = started);
  await control.call('POST', '/limits', 'documented');
  const getAccessToken = async () => started.token;
  ({ client } = createSyncGraphClient({ graphUrl: emu.graphUrl, getAccessToken }));
  plain = new GraphClient({ graphUrl: emu.graphUrl, getAccessToken });
  gateway = new GraphTeamsGateway(client);
  teams = [];
  for (let i = 1; i <= 3; i += 1) {
    const group = await gateway.createGroup({
      displayName: `Limits ${i}`,
      description: 'x',
      mailNickname: `elentra-3f9a2c-o1-c${900 + i}-p1`,
      visibility: 'private',
    });
    teams.push((await gateway.createTeamFromGroup(group.groupId, 'standard')).teamId);
  }
});

beforeEach(async () => {
  // A fresh second: no window still holds the previous test's requests.
  await new Promise((resolve) => setTimeout(resolve, 1100));
});

afterAll(async () => {
  await emu?.stop();
});

/** 40 single-person writes: 14 on the first team, 13 on each other; adds then removes, all started at once. */
function burst(): Array<{ teamId: string; userId: string; kind: 'add' | 'remove' }> {
  return Array.from({ length: 40 }, (_, i) => {
    const teamId = teams[i % 3] ?? '';
    const userId = LEARNERS[i] ?? '';
    return { teamId, userId, kind: i < 30 ? 'add' : 'remove' };
  });
}

it('runs 40 member writes across 3 teams with zero 429s, within 1.3 × the throttle floor', async () => {
  const seq = await control.lastSeq();
  client.stats.reset();
  const started = performance.now();
  const results = await Promise.all(
    burst().map((w) =>
      w.kind === 'add'
        ? gateway.addMembers(w.teamId, [{ userId: w.userId, role: 'member' }])
        : gateway.removeMembers(w.teamId, [w.userId]),
    ),
  );
  const wallSeconds = (performance.now() - started) / 1000;
  expect(results.flat().every((r) => r.error === null)).toBe(true);

  const logged = await control.requestsSince(seq);
  expect(logged.filter((r) => r.status === 429).map((r) => `${r.at} ${r.path}`)).toEqual([]);
  expect(Object.values(client.stats.snapshot().byRoute).reduce((n, c) => n + c.throttled, 0)).toBe(0);
  expect(logged.filter((r) => r.method === 'POST' && /members\/(add|remove)$/.test(r.route))).toHaveLength(40);

  // 14 requests on the busiest team at 4 per second: the last cannot start before 3 s.
  const floor = windowFloorSeconds(14, DOCUMENTED_LIMITS.perTeam);
  expect(floor).toBe(3);
  expect(wallSeconds).toBeGreaterThanOrEqual(floor);
  expect(wallSeconds).toBeLessThanOrEqual(1.3 * floor);
});

it('without the limiter the same burst is throttled (what the first test guards against)', async () => {
  const seq = await control.lastSeq();
  await Promise.all(
    burst()
      .filter((w) => w.kind === 'add')
      .map((w) => addMembers(plain, w.teamId, [{ userId: w.userId, owner: false }])),
  );
  const throttled = (await control.requestsSince(seq)).filter((r) => r.status === 429);
  expect(throttled.length).toBeGreaterThan(0);
});

it('paces a $batch by its inner requests: 12 reads of 3 teams in one envelope, then 12 more, no 429', async () => {
  const seq = await control.lastSeq();
  const calls = Array.from({ length: 24 }, (_, i) => getTeamCall(`t${i}`, teams[i % 3] ?? ''));
  const started = performance.now();
  // Two envelopes of 12 (4 per team each): the second must wait a window for the per-team limit.
  const [first, second] = await Promise.all([
    performBatch(client, calls.slice(0, 12)),
    performBatch(client, calls.slice(12)),
  ]);
  const wallMs = performance.now() - started;
  expect([...(first ?? []), ...(second ?? [])].every((s) => s.ok)).toBe(true);
  expect((await control.requestsSince(seq)).filter((r) => r.status === 429)).toEqual([]);
  expect(wallMs).toBeGreaterThanOrEqual(1000);
  expect(wallMs).toBeLessThan(1300);
});
