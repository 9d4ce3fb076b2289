// The benchmark's S4 shape, planning only: 10,000 offerings × 50 people (500,000 memberships, 60,000 people), links
// cached, every team observed, one change in every tenth team. It checks the result and prints the time and heap
// used; it is not a timed test (issue 9: plan in < 5 s, < 512 MB, on a 2-core machine — `npm run bench` measures).
import { describe, expect, it } from 'vitest';
import type { Offering, Person } from '../../elentra/roster/roster-types.js';
import { minimumRequests } from '../cost/cost-model.js';
import type { ObservedOffering } from '../io/observed.js';
import type { UserLink } from '../people/link-types.js';
import { resolveLinks } from '../people/resolve-links.js';
import { buildOffering, buildPerson, matchedLink, NOW, NOW_MS, observedPresent } from '../testing/builders.js';
import { planCounts } from './plan-counts.js';
import { planOptions } from './plan-options.js';
import { planSync } from './plan-sync.js';

const OFFERINGS = 10_000;
const TEACHERS = 2_000;
const STUDENTS = 58_000;
const userOf = (proxyId: number) => `u-${proxyId}`;

function fixture() {
  const people = new Map<number, Person>();
  const links = new Map<number, UserLink>();
  for (let proxyId = 1; proxyId <= TEACHERS + STUDENTS; proxyId += 1) {
    people.set(proxyId, buildPerson(proxyId));
    links.set(proxyId, matchedLink(proxyId, userOf(proxyId)));
  }
  const offerings: Offering[] = [];
  const observed = new Map<string, ObservedOffering>();
  for (let i = 0; i < OFFERINGS; i += 1) {
    const owners = [1 + (i % TEACHERS), 1 + ((i + 7) % TEACHERS)].map((proxyId) => ({
      proxyId,
      contactTypes: ['faculty'],
    }));
    const members = Array.from({ length: 48 }, (_, j) => TEACHERS + 1 + ((i * 48 + j) % STUDENTS));
    const offering = buildOffering({
      courseId: i + 1,
      courseCode: `C${i}`,
      courseName: `Course ${i}`,
      owners,
      members,
    });
    offerings.push(offering);
    const current = [...owners.map((o) => o.proxyId), ...members];
    // Every tenth team: its first learner dropped in Elentra (still in Teams), a new one enrolled.
    if (i % 10 === 0) members[0] = TEACHERS + 1 + ((i * 48 + 100_000) % STUDENTS);
    observed.set(
      offering.key,
      observedPresent(
        {
          teamId: `team-${i}`,
          displayName: `C${i}: Course ${i} (Fall 2026)`,
          description: `C${i}: Course ${i} (Fall 2026). Owners and members are kept in step with Elentra.`,
          members: current.map((proxyId, index) => ({
            userId: userOf(proxyId),
            roles: index < 2 ? ['owner'] : [],
            membershipId: `m-${proxyId}`,
          })),
        },
        { offeringKey: offering.key, courseId: i + 1 },
      ),
    );
  }
  return { people, links, offerings, observed };
}

describe('planning at university scale', () => {
  it('plans 10,000 offerings × 50 people, linearly', () => {
    const { people, links, offerings, observed } = fixture();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const resolution = resolveLinks({
      people: people.values(),
      links,
      due: new Set(),
      answers: { found: new Map(), failed: new Set() },
      nowMs: NOW_MS,
      matching: { usernameDomain: null },
    });
    const plan = planSync({
      offerings,
      scope: { courseIds: null, organisationId: null },
      people,
      resolution,
      observed,
      options: planOptions({ siteId: '3f9a2c', authorizingUserId: null }),
      now: NOW,
    });
    const counts = planCounts(plan);
    const cost = minimumRequests(plan);
    const seconds = (performance.now() - started) / 1000;
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1_048_576;
    console.log(`S4 plan: ${seconds.toFixed(2)} s, heap +${heapMb.toFixed(0)} MB, ${cost.total} minimum requests`);

    expect(counts).toMatchObject({ offerings: 10_000, unchanged: 9_000, membersAdded: 1_000, peopleRemoved: 1_000 });
    expect(cost).toMatchObject({ total: 2_000, writes: 2_000 });
  });
});
