// Microsoft user id → the Elentra person's name, for this run's reports (held removals by name: plan/held-names.ts).
// From the roster's people: this run's matches first, then the stored links of people the roster mentions but who
// are in no team (a teacher taken off the contacts is still an event contact) — read only when some removal is
// held, so an ordinary run pays nothing. Someone Elentra's roster no longer mentions at all is reported by user id.
import type { Person } from '../../elentra/roster/roster-types.js';
import type { SyncStore } from '../io/sync-store.js';
import type { NameOf } from '../plan/held-names.js';
import type { Plan } from '../plan/plan-types.js';

function nameOf(person: Person | undefined): string {
  return person ? `${person.firstname} ${person.lastname}`.trim() : '';
}

export async function heldUserNames(
  plan: Plan,
  store: Pick<SyncStore, 'readLinks'>,
  people: ReadonlyMap<number, Person>,
  userIdByProxyId: ReadonlyMap<number, string>,
): Promise<NameOf> {
  const names = new Map<string, string>();
  const held = plan.offerings.some((offering) => offering.operations.some((op) => op.kind === 'holdRemovals'));
  if (!held) return () => null;
  const unmatched = [...people.keys()].filter((proxyId) => !userIdByProxyId.has(proxyId));
  for (const [proxyId, link] of await store.readLinks(unmatched)) {
    const name = nameOf(people.get(proxyId));
    if (link.userId !== null && name !== '') names.set(link.userId, name);
  }
  for (const [proxyId, userId] of userIdByProxyId) {
    const name = nameOf(people.get(proxyId));
    if (name !== '') names.set(userId, name);
  }
  return (userId) => names.get(userId) ?? null;
}
