// Says who: when Elentra lists owners for an offering but none of them matches a Microsoft user, the "no matched
// owner" warnings (membership/plan-membership.ts) name those owners and why each was not matched — the
// administrator's fix is on those people's addresses in Elentra or in Entra, so the warning must say whose.
// The team is still created (with delegated permission the authorizing account owns it), so teachers are the only
// thing missing, and this is where the report points at them.
import type { UnmatchedPerson } from '../people/offering-people.js';
import type { PlanWarning } from './plan-types.js';

export function nameUnmatchedOwners(warnings: PlanWarning[], unmatched: readonly UnmatchedPerson[]): PlanWarning[] {
  const owners = unmatched.filter((person) => person.role === 'owner');
  if (owners.length === 0) return warnings;
  const who = owners.map((person) => `${person.name} (#${person.proxyId}, ${person.status}: ${person.reason})`);
  const named = `Elentra's owners not matched: ${who.join('; ')}.`;
  return warnings.map((warning) => {
    if (warning.code === 'no-matched-owner') return { ...warning, message: `${warning.message} ${named}` };
    // Its message ends with a colon the kept owners' names follow (format-plan.ts): the unmatched go in front.
    if (warning.code === 'owners-kept') return { ...warning, message: `${named} ${warning.message}` };
    return warning;
  });
}
