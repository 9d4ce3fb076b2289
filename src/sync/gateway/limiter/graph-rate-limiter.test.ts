// The limiter on a fake clock: rates per team and per request class, tickets with weights, mailbox concurrency,
// the global bound, order per bucket, and stamps settled at the answer.
import { describe, expect, it } from 'vitest';
import { FakeClock, settle } from '../testing/fake-clock.js';
import { GraphRateLimiter } from './graph-rate-limiter.js';
import { SYSTEM_CLOCK } from './limiter-clock.js';
import { formatTicket, mergeTickets, parseTicket } from './limiter-ticket.js';

/** Starts `count` requests with `key`; each answers after `latencyMs` of fake time. Returns their start times. */
function fire(limiter: GraphRateLimiter, clock: FakeClock, keys: string[], latencyMs = 0) {
  const started: Array<{ key: string; atMs: number }> = [];
  const done = keys.map((key) =>
    limiter.run(key, async () => {
      started.push({ key, atMs: clock.now() });
      if (latencyMs > 0) await new Promise<void>((resolve) => clock.setTimer(latencyMs, resolve));
    }),
  );
  return { started, done: Promise.all(done) };
}

function countInWindow(times: number[], windowMs: number): number {
  let most = 0;
  for (const t of times) most = Math.max(most, times.filter((u) => u >= t && u < t + windowMs).length);
  return most;
}

describe('tickets', () => {
  it('parses buckets and weights, and merges a batch', () => {
    expect([...parseTicket('teams:otherWrite*3 team:a team:a')]).toEqual([
      ['teams:otherWrite', 3],
      ['team:a', 2],
    ]);
    expect(parseTicket(undefined).size).toBe(0);
    expect(formatTicket(mergeTickets([parseTicket('team:a'), parseTicket('team:a*2 team:b')]))).toBe('team:a*3 team:b');
  });
});

describe('GraphRateLimiter', () => {
  it('lets at most 4 requests a second onto one team, and starts the 5th exactly a window later', async () => {
    const clock = new FakeClock();
    const limiter = new GraphRateLimiter({ clock, skewMs: 0 });
    const { started, done } = fire(limiter, clock, Array(10).fill('team:a'));
    await clock.advance(3000);
    await done;
    expect(started.map((s) => s.atMs)).toEqual([0, 0, 0, 0, 1000, 1000, 1000, 1000, 2000, 2000]);
  });

  it('keeps other teams busy while one team waits (no head-of-line blocking)', async () => {
    const clock = new FakeClock();
    const limiter = new GraphRateLimiter({ clock, skewMs: 0 });
    const { started, done } = fire(limiter, clock, [...Array(6).fill('team:a'), ...Array(4).fill('team:b')]);
    await settle();
    expect(started.filter((s) => s.atMs === 0).map((s) => s.key)).toEqual([
      ...Array(4).fill('team:a'),
      ...Array(4).fill('team:b'),
    ]);
    await clock.advance(1000);
    await done;
  });

  it('paces the tenant-wide class across teams: 40 writes on 12 teams at 30 a second', async () => {
    const clock = new FakeClock();
    const limiter = new GraphRateLimiter({ clock, skewMs: 0 });
    const keys = Array.from({ length: 40 }, (_, i) => `teams:otherWrite team:t${i % 12}`);
    const { started, done } = fire(limiter, clock, keys);
    await clock.advance(2000);
    await done;
    const times = started.map((s) => s.atMs);
    expect(countInWindow(times, 1000)).toBe(30);
    expect(Math.max(...times)).toBe(1000);
  });

  it('counts a batch by its weights and serves waiters in order on a bucket', async () => {
    const clock = new FakeClock();
    const limiter = new GraphRateLimiter({ clock, skewMs: 0 });
    const { started, done } = fire(limiter, clock, ['teams:teamify*5 team:a', 'teams:teamify*3', 'teams:teamify']);
    await settle();
    // 5 of 6 used: the second (3) must wait, and the third (1) may not overtake it.
    expect(started.map((s) => s.key)).toEqual(['teams:teamify*5 team:a']);
    await clock.advance(1000);
    await done;
    expect(started.map((s) => s.atMs)).toEqual([0, 1000, 1000]);
  });

  it('admits a batch heavier than a limit into an empty window instead of waiting forever', async () => {
    const clock = new FakeClock();
    const limiter = new GraphRateLimiter({ clock, skewMs: 0 });
    const { started, done } = fire(limiter, clock, ['team:a*7', 'team:a']);
    await clock.advance(1000);
    await done;
    expect(started.map((s) => s.atMs)).toEqual([0, 1000]);
  });

  it('holds at most 4 requests in flight per mailbox, and the global bound across all', async () => {
    const clock = new FakeClock();
    const limiter = new GraphRateLimiter({ clock, skewMs: 0, maxConcurrent: 6 });
    const { started, done } = fire(limiter, clock, [...Array(6).fill('mailbox:g'), ...Array(4).fill('team:x')], 300);
    await settle();
    expect(limiter.inFlight).toBe(6);
    expect(started.filter((s) => s.key === 'mailbox:g')).toHaveLength(4);
    await clock.advance(300);
    expect(started.filter((s) => s.key === 'mailbox:g')).toHaveLength(6);
    await clock.advance(1000);
    await done;
    expect(limiter.waiting).toBe(0);
  });

  it('stamps a request at its answer when that is sooner than sent + skew, otherwise at sent + skew', async () => {
    const clock = new FakeClock();
    const limiter = new GraphRateLimiter({ clock, skewMs: 50 });
    // Answers after 20 ms: stamped at 20 → the 5th starts at 1020.
    const quick = fire(limiter, clock, Array(5).fill('team:q'), 20);
    // Answers after 400 ms: stamped at sent + 50 → the 5th starts at 1050, not 1400.
    const slow = fire(limiter, clock, Array(5).fill('team:s'), 400);
    await clock.advance(2000);
    await Promise.all([quick.done, slow.done]);
    expect(quick.started.at(-1)?.atMs).toBe(1020);
    expect(slow.started.at(-1)?.atMs).toBe(1050);
  });

  it('releases the slot when a request fails', async () => {
    const clock = new FakeClock();
    const limiter = new GraphRateLimiter({ clock, maxConcurrent: 1 });
    await expect(limiter.run('x', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run('x', async () => 'ok')).resolves.toBe('ok');
  });

  it('leaves no wake-up timer behind once nothing waits on time', async () => {
    const clock = new FakeClock();
    const limiter = new GraphRateLimiter({ clock, skewMs: 50 });
    const { done } = fire(limiter, clock, [...Array(9).fill('team:a'), ...Array(3).fill('teams:teamify*3')], 20);
    await clock.advance(3000);
    await done;
    expect(limiter.waiting).toBe(0);
    expect(clock.pending).toBe(0);
  });
});

describe('SYSTEM_CLOCK', () => {
  // A throttled run whose requests all wait for room has nothing else keeping Node alive (idle keep-alive sockets
  // are unref'd): an unref'd wake-up let the CLI exit mid-run with code 13 (found by the benchmark, issue 9).
  it('keeps the process alive while a wake-up is pending, and not after it is cancelled', () => {
    const timers = () => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
    const before = timers();
    const cancel = SYSTEM_CLOCK.setTimer(60_000, () => {});
    expect(timers()).toBe(before + 1);
    cancel();
    expect(timers()).toBe(before);
  });
});
